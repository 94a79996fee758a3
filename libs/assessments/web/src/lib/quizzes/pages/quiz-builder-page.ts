import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  AnswersShown,
  QUESTION_DIFFICULTIES,
  QUIZ_LIMITS,
  QuizResponse,
  TopicSummary,
} from '@thuchoc/assessments/contracts';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { QuizFieldErrorPipe } from '../components/quiz-field-error.pipe';
import { QuizRubricEditor } from '../components/quiz-rubric-editor';
import { QuizBuilderStore } from '../data-access/quiz-pages.store';
import { QuizForm } from '../data-access/quiz-form';
import { QuizPageAccess, areaOf, canEditQuizzes } from '../quiz-page-access';

const NOTICE_DURATION_MS = 4000;
const ANSWERS_SHOWN: readonly AnswersShown[] = [
  AnswersShown.Never,
  AnswersShown.AfterSubmit,
  AnswersShown.AfterClose,
];

/** One topic a draw rule may pick, with what the bank holds of it. */
export interface TopicChoice {
  topic: string;
  total: number;
}

/**
 * The topics a rule may pick: the bank's, plus the rule's own when the bank no
 * longer holds it (a stored quiz whose questions were archived since), so the
 * choice still shows.
 */
export function topicChoices(topics: readonly TopicSummary[] | null, current: string): TopicChoice[] {
  const choices = (topics ?? []).map((summary) => ({ topic: summary.topic, total: summary.total }));
  if (current !== '' && !choices.some((choice) => choice.topic === current))
    choices.push({ topic: current, total: 0 });
  return choices;
}

/**
 * `/<area>/quizzes/:quizId` (and `classes/:classId/quizzes/new`): the quiz
 * builder — title, description, draw rules from the bank's topics with what
 * each holds, shuffling, window, time limit, attempts, pass mark, answers
 * shown, final assessment, publication, and the essay rubric. Once learners
 * have started, only title, description and publication may change. Auditors
 * see it all read-only. The API decides: its field errors show next to the
 * field they name and nothing typed is lost.
 */
@Component({
  selector: 'th-quiz-builder-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    ErrorAlert,
    QuizFieldErrorPipe,
    QuizRubricEditor,
  ],
  providers: [QuizBuilderStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quiz-builder-page.html',
  styleUrl: './quiz-builder-page.scss',
})
export class QuizBuilderPage {
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** From the route's `:classId`: a new quiz of this class. */
  readonly classId = input<string>();
  /** From the route's `:quizId`: the quiz to edit or read. */
  readonly quizId = input<string>();
  /** From the route's data. */
  readonly access = input<QuizPageAccess>('auditor');

  protected readonly store = inject(QuizBuilderStore);
  protected readonly canEdit = computed(() => canEditQuizzes(this.access()));
  protected readonly area = computed(() => areaOf(this.access()));
  protected readonly isNew = computed(() => this.quizId() === undefined);
  protected readonly quiz = computed(() => (this.isNew() ? null : this.store.quiz.value()));
  protected readonly quizClassId = computed(() => this.classId() ?? this.store.quiz.value()?.classId ?? null);
  protected readonly form = signal<QuizForm | null>(null);
  /** The quiz the form was built for. */
  private formQuizId: string | null = null;
  protected readonly isSaving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly difficulties = QUESTION_DIFFICULTIES;
  protected readonly answersShown = ANSWERS_SHOWN;
  protected readonly limits = QUIZ_LIMITS;
  protected readonly topicChoices = topicChoices;
  protected readonly titleKey = computed(() => {
    if (this.isNew()) return 'quizzes.builder.createTitle';
    return this.canEdit() ? 'quizzes.builder.editTitle' : 'quizzes.builder.viewTitle';
  });

  constructor() {
    effect(() => {
      const quizId = this.quizId();
      const classId = this.classId();
      const access = this.access();
      untracked(() => {
        this.error.set(null);
        if (quizId !== undefined) {
          this.form.set(null);
          this.formQuizId = null;
          this.store.openQuiz(quizId, access);
        } else if (classId !== undefined) {
          this.form.set(this.newForm(null));
          this.store.openNew(classId, access);
        }
      });
    });
    // A loaded quiz gets a form, locked as its attempts and the reader require; a saved one keeps
    // its form (and what the user sees), locked if learners started meanwhile.
    effect(() => {
      const quiz = this.quiz();
      if (quiz === null) return;
      untracked(() => {
        const form = this.form();
        if (form === null || quiz.id !== this.formQuizId) {
          this.formQuizId = quiz.id;
          this.form.set(this.newForm(quiz));
        } else {
          if (quiz.hasAttempts && this.canEdit() && !form.isLocked) form.lockForAttempts();
          form.group.markAsPristine();
        }
      });
    });
    effect(() => {
      const topics = this.store.topics.value();
      const form = this.form();
      if (topics !== null && form !== null) untracked(() => form.setTopics(topics));
    });
  }

  protected save(): void {
    const form = this.form();
    if (form === null || this.isSaving() || !this.canEdit()) return;
    if (form.group.invalid) {
      form.group.markAllAsTouched();
      this.showFirstError();
      return;
    }
    const quizId = this.quizId();
    const classId = this.classId();
    let saving: Observable<QuizResponse>;
    if (quizId !== undefined) saving = this.store.update(quizId, form.update());
    else if (classId !== undefined) saving = this.store.create(classId, form.request());
    else return;
    this.isSaving.set(true);
    this.error.set(null);
    saving.subscribe({
      next: (saved) => {
        this.isSaving.set(false);
        if (quizId === undefined) {
          this.notify('quizzes.builder.created');
          void this.router.navigate([this.area(), 'quizzes', saved.id], { replaceUrl: true });
        } else {
          this.notify('quizzes.builder.saved');
        }
      },
      error: (error: unknown) => {
        // The form keeps what was typed; the API's field errors go next to their fields.
        form.applyErrors(error);
        this.error.set(this.problems.describe(error).message);
        this.isSaving.set(false);
        this.showFirstError();
      },
    });
  }

  private newForm(quiz: QuizResponse | null): QuizForm {
    const form = new QuizForm(quiz);
    if (!this.canEdit()) form.makeReadOnly();
    else if (quiz?.hasAttempts) form.lockForAttempts();
    const topics = this.store.topics.value();
    if (topics !== null) form.setTopics(topics);
    return form;
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: NOTICE_DURATION_MS });
  }

  /** A long form scrolls: bring the first marked field (or the message on top) into view. */
  private showFirstError(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const first =
          root.querySelector('.mat-form-field-invalid, .field-error') ?? root.querySelector('[role="alert"]');
        first?.scrollIntoView({ block: 'center' });
      },
      { injector: this.injector },
    );
  }
}
