import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { QuizFacts } from '../components/quiz-facts';
import { QuizStartButton } from '../components/quiz-start-button';
import { ClassQuizzesStore } from '../data-access/learner-quizzes.store';

/** `/learner/classes/:classId/quizzes`: the class's published quizzes, the learner's standing in each, and starting one. */
@Component({
  selector: 'th-class-quizzes-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    QuizFacts,
    QuizStartButton,
  ],
  providers: [ClassQuizzesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-quizzes-page.html',
  styleUrl: './player-pages.scss',
})
export class ClassQuizzesPage {
  /** From the route. */
  readonly classId = input.required<string>();
  protected readonly store = inject(ClassQuizzesStore);

  constructor() {
    effect(() => {
      const classId = this.classId();
      untracked(() => this.store.load(classId));
    });
  }
}
