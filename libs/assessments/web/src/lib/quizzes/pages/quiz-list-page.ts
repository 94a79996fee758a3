import { DatePipe } from '@angular/common';
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
import { RouterLink } from '@angular/router';
import { narrowScreen } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { QuizListStore } from '../data-access/quiz-pages.store';
import { QuizPageAccess, areaOf, canEditQuizzes } from '../quiz-page-access';

/**
 * `/<area>/classes/:classId/quizzes`: the class's quizzes — window, time
 * limit, questions, final or not, published or draft, attempts started — each
 * linking to its builder and results; "Tạo bài kiểm tra" for editors. A table
 * from 720 px, one card per quiz on a phone.
 */
@Component({
  selector: 'th-quiz-list-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [QuizListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quiz-list-page.html',
  styleUrl: './quiz-list-page.scss',
})
export class QuizListPage {
  /** From the route's `:classId`. */
  readonly classId = input.required<string>();
  /** From the route's data. */
  readonly access = input<QuizPageAccess>('auditor');

  protected readonly store = inject(QuizListStore);
  protected readonly isNarrow = narrowScreen();
  protected readonly canEdit = computed(() => canEditQuizzes(this.access()));
  protected readonly area = computed(() => areaOf(this.access()));
  protected readonly columns = ['title', 'window', 'timeLimit', 'questions', 'status', 'attempts', 'actions'];

  constructor() {
    effect(() => {
      const classId = this.classId();
      const access = this.access();
      untracked(() => this.store.open(classId, access));
    });
  }
}
