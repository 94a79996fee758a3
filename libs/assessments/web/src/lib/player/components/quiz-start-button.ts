import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { QuizStarter } from '../data-access/learner-quizzes.store';
import { QuizAction } from '../data-access/quiz-availability';

/**
 * "Làm bài" / "Tiếp tục làm bài", or why not (closed, not open yet, no
 * attempts left); starting opens the player, and a refusal from the server's
 * gates (a final quiz's attendance rule, a window that just closed) shows here.
 */
@Component({
  selector: 'th-quiz-start-button',
  imports: [MatButtonModule, TranslocoPipe, ErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <th-error-alert [message]="error()" />
    <button
      mat-flat-button
      type="button"
      class="start"
      [disabled]="!canStart() || isStarting()"
      (click)="start()"
      data-testid="quiz-start"
      [attr.data-action]="action()"
    >
      {{ (isStarting() ? 'quizPlayer.actions.starting' : 'quizPlayer.actions.' + action()) | transloco }}
    </button>
  `,
  styles: `
    :host {
      display: grid;
      justify-items: start;
    }
    th-error-alert {
      justify-self: stretch;
    }
    .start {
      min-height: 48px;
      min-width: 160px;
    }
  `,
})
export class QuizStartButton {
  private readonly starter = inject(QuizStarter);
  private readonly problems = inject(ProblemMessages);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly quizId = input.required<string>();
  readonly action = input.required<QuizAction>();
  /** Where the attempts are, relative to the page's route (`../../attempts`). */
  readonly attemptsPath = input.required<string>();

  protected readonly isStarting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly canStart = computed(() => this.action() === 'start' || this.action() === 'resume');

  protected start(): void {
    this.isStarting.set(true);
    this.error.set(null);
    this.starter.start(this.quizId()).subscribe({
      next: (attempt) =>
        void this.router.navigate([this.attemptsPath(), attempt.id], { relativeTo: this.route }),
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error).message);
        this.isStarting.set(false);
      },
    });
  }
}
