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
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { SubmissionKind } from '@thuchoc/assessments/contracts';
import { ConfirmDialog, ConfirmDialogData, ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AttemptResultCard } from '../components/attempt-result-card';
import { QuestionField } from '../components/question-field';
import { SaveIndicator } from '../components/save-indicator';
import { AttemptPlayerStore } from '../data-access/attempt-player.store';
import { formatCountdown } from '../data-access/server-clock';
import { PointsPipe } from '../components/score.pipe';
import { LanguageStore } from '@thuchoc/shared/web-core';

/**
 * `/learner/attempts/:attemptId`: the quiz player. One question at a time
 * with a navigator of all of them (answered or not), autosave with its
 * indicator, the timer against the server's clock, submit after a
 * confirmation that names the unanswered questions, and the result — also
 * when time runs out and the server submits the attempt. A reload resumes
 * with the answers the server stored.
 */
@Component({
  selector: 'th-attempt-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    AttemptResultCard,
    QuestionField,
    SaveIndicator,
    PointsPipe,
  ],
  providers: [AttemptPlayerStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attempt-page.html',
  styleUrl: './attempt-page.scss',
})
export class AttemptPage {
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  /** From the route. */
  readonly attemptId = input.required<string>();

  protected readonly store = inject(AttemptPlayerStore);
  protected readonly language = inject(LanguageStore).language;
  protected readonly countdown = computed(() => {
    const seconds = this.store.secondsLeft();
    return seconds === null ? '' : formatCountdown(seconds);
  });
  protected readonly isAutoSubmitted = computed(
    () => this.store.attempt()?.submission === SubmissionKind.Auto,
  );
  protected readonly isPlaying = computed(() => {
    const phase = this.store.phase();
    return phase === 'answering' || phase === 'submitting' || phase === 'time-up';
  });

  constructor() {
    effect(() => {
      const attemptId = this.attemptId();
      untracked(() => this.store.load(attemptId));
    });
  }

  protected confirmSubmit(): void {
    const unanswered = this.store.unanswered();
    const count = this.store.questions().length;
    const message =
      unanswered.length === 0
        ? this.transloco.translate('quizPlayer.player.confirmAll', { count })
        : this.transloco.translate('quizPlayer.player.confirmUnanswered', {
            count: unanswered.length,
            numbers: unanswered.join(', '),
          });
    this.store.flush();
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          message,
          confirmLabel: 'quizPlayer.player.confirmLabel',
          cancelLabel: 'quizPlayer.player.keepWorking',
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((isConfirmed) => {
        if (isConfirmed === true) void this.store.submit();
      });
  }
}
