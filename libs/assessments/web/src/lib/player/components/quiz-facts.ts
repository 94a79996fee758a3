import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { QuizResponse } from '@thuchoc/assessments/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { TranslocoPipe } from '@jsverse/transloco';
import { QuizAvailability } from '../data-access/quiz-availability';
import { ScorePipe } from './score.pipe';

/** A quiz at a glance: window, time limit, questions, attempts used, best and latest score, and why it cannot start. */
@Component({
  selector: 'th-quiz-facts',
  imports: [DatePipe, TranslocoPipe, ScorePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = quiz();
    @let a = availability();
    <ul class="facts" data-testid="quiz-facts">
      <li data-testid="quiz-window">
        {{
          'quizPlayer.quiz.window'
            | transloco
              : {
                  opensAt: (q.opensAt | date: 'HH:mm dd/MM/yyyy' : '+0700'),
                  closesAt: (q.closesAt | date: 'HH:mm dd/MM/yyyy' : '+0700'),
                }
        }}
      </li>
      <li>{{ 'quizPlayer.quiz.timeLimit' | transloco: { minutes: q.timeLimitMinutes } }}</li>
      <li>{{ 'quizPlayer.quiz.questionCount' | transloco: { count: q.questionCount } }}</li>
      <li data-testid="quiz-attempts-used">
        {{ 'quizPlayer.quiz.attemptsUsed' | transloco: { used: a.attemptsUsed, allowed: a.attemptsAllowed } }}
      </li>
    </ul>
    @if (a.bestScore !== null) {
      <p class="scores" data-testid="quiz-best">
        {{ 'quizPlayer.quiz.best' | transloco: { score: (a.bestScore | thScore: language()) } }}
        @if (a.attemptsUsed > 1 && a.lastScore !== null) {
          · {{ 'quizPlayer.quiz.last' | transloco: { score: (a.lastScore | thScore: language()) } }}
        }
      </p>
    }
    @if (a.isAwaitingResult) {
      <p class="note">{{ 'quizPlayer.quiz.awaitingResult' | transloco }}</p>
    }
    @if (q.isFinal) {
      <p class="note final" data-testid="quiz-final-rule">{{ 'quizPlayer.quiz.finalRule' | transloco }}</p>
    }
    @switch (a.action) {
      @case ('not-open') {
        <p class="note" data-testid="quiz-availability">
          {{
            'quizPlayer.availability.not-open'
              | transloco: { opensAt: (q.opensAt | date: 'HH:mm dd/MM/yyyy' : '+0700') }
          }}
        </p>
      }
      @case ('closed') {
        <p class="note" data-testid="quiz-availability">
          {{
            'quizPlayer.availability.closed'
              | transloco: { closesAt: (q.closesAt | date: 'HH:mm dd/MM/yyyy' : '+0700') }
          }}
        </p>
      }
      @case ('exhausted') {
        <p class="note" data-testid="quiz-availability">
          {{ 'quizPlayer.availability.exhausted' | transloco: { count: a.attemptsAllowed } }}
        </p>
      }
    }
  `,
  styles: `
    .facts {
      margin: 0;
      padding: 0;
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
      color: var(--mat-sys-on-surface-variant);
    }
    .scores {
      margin: 8px 0 0;
      font: var(--mat-sys-title-medium);
    }
    .note {
      margin: 8px 0 0;
    }
    .final {
      padding: 8px 12px;
      border-radius: 8px;
      background: #fff0c2;
      color: #5c4300;
    }
  `,
})
export class QuizFacts {
  readonly quiz = input.required<QuizResponse>();
  readonly availability = input.required<QuizAvailability>();
  protected readonly language = inject(LanguageStore).language;
}
