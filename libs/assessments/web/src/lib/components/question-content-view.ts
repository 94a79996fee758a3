import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { QUESTION_SHEET_OPTION_LETTERS, QuestionContent } from '@thuchoc/assessments/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** One version of a question as it reads: the stem, the options with the correct ones marked, the answers. */
@Component({
  selector: 'th-question-content-view',
  imports: [MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let question = content();
    <p class="meta">
      {{ 'questionBank.types.' + question.type | transloco }} ·
      {{ 'questionBank.difficulties.' + question.difficulty | transloco }} ·
      {{ 'questionBank.points' | transloco: { points: question.points } }} · {{ question.topic }}
    </p>
    @if (question.title) {
      <p class="title">{{ question.title }}</p>
    }
    <p class="stem">{{ question.stem }}</p>
    @if (question.options.length > 0) {
      <ol class="options">
        @for (option of question.options; track $index) {
          <li [class.correct]="option.isCorrect">
            <span class="letter">{{ letters[$index] }}.</span>
            <span>{{ option.text }}</span>
            @if (option.isCorrect) {
              <mat-icon svgIcon="check" class="mark" aria-hidden="true" />
              <span class="cdk-visually-hidden">({{ 'questionBank.history.correct' | transloco }})</span>
            }
          </li>
        }
      </ol>
    }
    @if (question.acceptedAnswers.length > 0) {
      <p class="label">{{ 'questionBank.fields.acceptedAnswers' | transloco }}</p>
      <ul class="answers">
        @for (answer of question.acceptedAnswers; track $index) {
          <li>{{ answer }}</li>
        }
      </ul>
      @if (question.acceptWithoutDiacritics) {
        <p class="note">{{ 'questionBank.editor.withoutDiacritics' | transloco }}</p>
      }
    }
    @if (question.explanation) {
      <p class="label">{{ 'questionBank.fields.explanation' | transloco }}</p>
      <p class="stem">{{ question.explanation }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0 0 8px;
    }
    .meta,
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .title,
    .label {
      font-weight: 500;
    }
    .stem {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .options,
    .answers {
      margin: 0 0 8px;
      padding-inline-start: 0;
      list-style: none;
    }
    .answers {
      padding-inline-start: 20px;
      list-style: disc;
    }
    .options li {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 2px 0;
      overflow-wrap: anywhere;
    }
    .letter {
      min-width: 1.5em;
      color: var(--mat-sys-on-surface-variant);
    }
    .correct {
      font-weight: 500;
    }
    .mark {
      color: var(--mat-sys-primary);
      flex: 0 0 auto;
    }
  `,
})
export class QuestionContentView {
  readonly content = input.required<QuestionContent>();
  protected readonly letters = QUESTION_SHEET_OPTION_LETTERS;
}
