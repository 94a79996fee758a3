import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { AttemptQuestion, QuestionType } from '@thuchoc/assessments/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { AnswerDraft, wordCount } from '../data-access/answer-draft';

/** One question of an attempt and the learner's answer to it: options to pick, or text to type. */
@Component({
  selector: 'th-question-field',
  imports: [MatCheckboxModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = question();
    @let answer = draft();
    <fieldset
      class="question"
      [attr.aria-labelledby]="stemId()"
      data-testid="question"
      [attr.data-type]="q.type"
    >
      @if (q.title) {
        <p class="title">{{ q.title }}</p>
      }
      <p class="stem" [id]="stemId()" data-testid="question-stem">{{ q.stem }}</p>
      @switch (q.type) {
        @case ('multiple-choice') {
          <p class="hint">{{ 'quizPlayer.player.multipleHint' | transloco }}</p>
          <div class="options">
            @for (option of q.options; track $index) {
              <mat-checkbox
                class="option"
                [class.chosen]="answer.choices.includes($index)"
                [checked]="answer.choices.includes($index)"
                [disabled]="isDisabled()"
                (change)="choose.emit($index)"
                data-testid="option"
                >{{ option }}</mat-checkbox
              >
            }
          </div>
        }
        @case ('short-answer') {
          <mat-form-field appearance="outline" class="text" subscriptSizing="dynamic">
            <mat-label>{{ 'quizPlayer.player.shortAnswer' | transloco }}</mat-label>
            <input
              matInput
              [value]="answer.text"
              [disabled]="isDisabled()"
              maxlength="500"
              autocomplete="off"
              (input)="typeText($event)"
              (blur)="blurred.emit()"
              data-testid="answer-text"
            />
          </mat-form-field>
        }
        @case ('essay') {
          <mat-form-field appearance="outline" class="text" subscriptSizing="dynamic">
            <mat-label>{{ 'quizPlayer.player.essay' | transloco }}</mat-label>
            <textarea
              matInput
              rows="10"
              [value]="answer.text"
              [disabled]="isDisabled()"
              maxlength="20000"
              (input)="typeText($event)"
              (blur)="blurred.emit()"
              data-testid="answer-essay"
            ></textarea>
            <mat-hint align="end" data-testid="word-count">{{
              'quizPlayer.player.words' | transloco: { count: words() }
            }}</mat-hint>
          </mat-form-field>
        }
        @default {
          <mat-radio-group
            class="options"
            [value]="answer.choices.length > 0 ? answer.choices[0] : null"
            [disabled]="isDisabled()"
            [attr.aria-labelledby]="stemId()"
            (change)="choose.emit($event.value)"
          >
            @for (option of q.options; track $index) {
              <mat-radio-button
                class="option"
                [class.chosen]="answer.choices.includes($index)"
                [value]="$index"
                data-testid="option"
                >{{ option }}</mat-radio-button
              >
            }
          </mat-radio-group>
        }
      }
    </fieldset>
  `,
  styles: `
    .question {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .stem {
      margin: 0 0 16px;
      font: var(--mat-sys-title-medium);
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .hint {
      margin: -8px 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .options {
      display: grid;
      gap: 8px;
    }
    .option {
      display: block;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 4px 8px 4px 0;
      min-height: 48px;
      overflow-wrap: anywhere;
    }
    .option.chosen {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .text {
      width: 100%;
    }
  `,
})
export class QuestionField {
  readonly question = input.required<AttemptQuestion>();
  readonly draft = input.required<AnswerDraft>();
  readonly isDisabled = input(false);
  /** Option index clicked (the store decides between replace and toggle). */
  readonly choose = output<number>();
  readonly typed = output<string>();
  readonly blurred = output<void>();

  protected readonly stemId = computed(() => `stem-${this.question().questionId}`);
  protected readonly words = computed(() =>
    this.question().type === QuestionType.Essay ? wordCount(this.draft().text) : 0,
  );

  protected typeText(event: Event): void {
    this.typed.emit((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  }
}
