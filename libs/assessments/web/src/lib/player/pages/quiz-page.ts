import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { AttemptResultCard } from '../components/attempt-result-card';
import { QuizFacts } from '../components/quiz-facts';
import { QuizStartButton } from '../components/quiz-start-button';
import { ScorePipe } from '../components/score.pipe';
import { QuizDetailStore } from '../data-access/learner-quizzes.store';

/**
 * `/learner/quizzes/:quizId`: the quiz's rules in plain words, starting or
 * resuming it, and the learner's attempts with their results.
 */
@Component({
  selector: 'th-quiz-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    AttemptResultCard,
    QuizFacts,
    QuizStartButton,
    ScorePipe,
  ],
  providers: [QuizDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quiz-page.html',
  styleUrl: './player-pages.scss',
})
export class QuizPage {
  /** From the route. */
  readonly quizId = input.required<string>();
  protected readonly store = inject(QuizDetailStore);
  protected readonly language = inject(LanguageStore).language;

  constructor() {
    effect(() => {
      const quizId = this.quizId();
      untracked(() => this.store.load(quizId));
    });
  }
}
