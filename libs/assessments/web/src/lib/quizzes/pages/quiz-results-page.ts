import { DatePipe, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { AttemptStatus } from '@thuchoc/assessments/contracts';
import { narrowScreen } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { QuizResultsStore } from '../data-access/quiz-pages.store';
import { formatPercent, formatScore, verdictOf } from '../data-access/quiz-results';
import { QuizPageAccess, areaOf } from '../quiz-page-access';

/**
 * `/<area>/quizzes/:quizId/results`: every attempt of the class's learners —
 * attempt number, status, when and how it was submitted, the score on the
 * 10-point scale and whether it passed — under a summary (attempts, submitted,
 * graded, average, pass rate). An attempt named by an open similarity flag is
 * marked under review instead of passed or failed, and left out of the grades
 * until the flag is resolved. A table from 720 px, one card per attempt on a
 * phone; a link to the grading queue while essays wait for a lecturer.
 */
@Component({
  selector: 'th-quiz-results-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [QuizResultsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quiz-results-page.html',
  styleUrl: './quiz-results-page.scss',
})
export class QuizResultsPage {
  /** From the route's `:quizId`. */
  readonly quizId = input.required<string>();
  /** From the route's data. */
  readonly access = input<QuizPageAccess>('auditor');

  protected readonly store = inject(QuizResultsStore);
  protected readonly isNarrow = narrowScreen();
  protected readonly area = computed(() => areaOf(this.access()));
  protected readonly columns = [
    'learner',
    'attempt',
    'status',
    'submittedAt',
    'submission',
    'score',
    'result',
  ];
  protected readonly formatScore = formatScore;
  protected readonly formatPercent = formatPercent;
  protected readonly verdictOf = verdictOf;
  protected readonly graded = AttemptStatus.Graded;

  constructor() {
    effect(() => {
      const quizId = this.quizId();
      const access = this.access();
      untracked(() => this.store.open(quizId, access));
    });
  }
}
