import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { AttemptStatus, MyAttemptResult, SubmissionKind } from '@thuchoc/assessments/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { TranslocoPipe } from '@jsverse/transloco';
import { isTextQuestion } from '../data-access/answer-draft';
import { PointsPipe, ScorePipe } from './score.pipe';

/**
 * One of the learner's attempts with its result: the score on the 10-point
 * scale, passed or not, who submitted it, the lecturer's essay grade, and the
 * review (own answer against the key) when the quiz's rule shows it. While a
 * similarity flag names its essay the result is not final: no verdict, the
 * score marked provisional and a notice saying why.
 */
@Component({
  selector: 'th-attempt-result-card',
  imports: [DatePipe, MatCardModule, MatExpansionModule, MatIconModule, TranslocoPipe, ScorePipe, PointsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attempt-result-card.html',
  styleUrl: './attempt-result-card.scss',
})
export class AttemptResultCard {
  readonly result = input.required<MyAttemptResult>();
  /** Opens the review at once (the result just after a submit). */
  readonly isReviewOpen = input(false);

  protected readonly language = inject(LanguageStore).language;
  protected readonly isTextQuestion = isTextQuestion;
  protected readonly isAuto = computed(() => this.result().submission === SubmissionKind.Auto);
  protected readonly isActive = computed(() => this.result().status === AttemptStatus.Active);
  protected readonly isGrading = computed(() => this.result().status === AttemptStatus.Submitted);
  protected readonly isAwaitingEssays = computed(
    () => this.result().status === AttemptStatus.AwaitingGrading,
  );
}
