import { DestroyRef, Injectable, computed, inject } from '@angular/core';
import {
  CreateQuizRequest,
  QuizResponse,
  QuizResultRow,
  TopicSummary,
  UpdateQuizRequest,
} from '@thuchoc/assessments/contracts';
import { RemoteValue } from '@thuchoc/shared/web-core';
import { Observable, tap } from 'rxjs';
import { QuizPageAccess } from '../quiz-page-access';
import { isGradingPending, summarizeResults } from './quiz-results';
import { QuizClassInfo, QuizzesApi } from './quizzes-api';

/** A class's quizzes, and the class for the heading. */
@Injectable()
export class QuizListStore {
  private readonly api = inject(QuizzesApi);

  readonly classInfo = new RemoteValue<QuizClassInfo>();
  readonly quizzes = new RemoteValue<QuizResponse[]>();

  open(classId: string, access: QuizPageAccess): void {
    this.classInfo.reset();
    this.quizzes.reset();
    this.classInfo.load(this.api.classInfo(classId, access));
    this.quizzes.load(this.api.list(classId));
  }
}

/**
 * The quiz the builder edits (none for a new one), its class and the bank's
 * topics its draw rules may use. The course comes from the quiz, or for a new
 * quiz from its class.
 */
@Injectable()
export class QuizBuilderStore {
  private readonly api = inject(QuizzesApi);
  private access: QuizPageAccess = 'auditor';

  readonly quiz = new RemoteValue<QuizResponse>();
  readonly classInfo = new RemoteValue<QuizClassInfo>();
  readonly topics = new RemoteValue<TopicSummary[]>();

  /** A new quiz of the class. */
  openNew(classId: string, access: QuizPageAccess): void {
    this.access = access;
    this.quiz.reset();
    this.topics.reset();
    this.classInfo.reset();
    this.classInfo.load(
      this.api
        .classInfo(classId, access)
        .pipe(tap((info) => this.topics.load(this.api.topics(info.courseId)))),
    );
  }

  openQuiz(quizId: string, access: QuizPageAccess): void {
    this.access = access;
    this.quiz.reset();
    this.topics.reset();
    this.classInfo.reset();
    this.quiz.load(
      this.api.get(quizId).pipe(
        tap((quiz) => {
          this.topics.load(this.api.topics(quiz.courseId));
          this.classInfo.load(this.api.classInfo(quiz.classId, this.access));
        }),
      ),
    );
  }

  create(classId: string, request: CreateQuizRequest): Observable<QuizResponse> {
    return this.api.create(classId, request);
  }

  /** The saved quiz replaces the one shown; the bank's counts are read again. */
  update(quizId: string, request: UpdateQuizRequest): Observable<QuizResponse> {
    return this.api.update(quizId, request).pipe(
      tap((quiz) => {
        this.quiz.set(quiz);
        this.topics.load(this.api.topics(quiz.courseId));
      }),
    );
  }
}

/** How often the results are read again while an attempt waits for its automatic grade. */
export const RESULTS_POLL_MS = 3000;
/** Reading again stops after this many tries (a stuck job must not poll forever). */
export const RESULTS_POLL_LIMIT = 40;

/**
 * A quiz's results for the class, and the quiz and class for the heading.
 * Objective grading runs in the background just after a submission: while an
 * attempt is only `submitted`, the results are read again every few seconds.
 */
@Injectable()
export class QuizResultsStore {
  private readonly api = inject(QuizzesApi);
  private quizId: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polls = 0;

  readonly quiz = new RemoteValue<QuizResponse>();
  readonly classInfo = new RemoteValue<QuizClassInfo>();
  readonly rows = new RemoteValue<QuizResultRow[]>();
  readonly summary = computed(() => summarizeResults(this.rows.value() ?? []));
  readonly isGradingPending = computed(() => isGradingPending(this.rows.value() ?? []));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  open(quizId: string, access: QuizPageAccess): void {
    this.quizId = quizId;
    this.quiz.reset();
    this.classInfo.reset();
    this.rows.reset();
    this.quiz.load(
      this.api.get(quizId).pipe(tap((quiz) => this.classInfo.load(this.api.classInfo(quiz.classId, access)))),
    );
    this.reload();
  }

  /** Reads the results again (the refresh button, or polling for a grade). */
  reload(): void {
    const quizId = this.quizId;
    if (quizId === null) return;
    this.stopPolling();
    this.polls = 0;
    this.load(quizId);
  }

  private load(quizId: string): void {
    this.rows.load(
      this.api.results(quizId).pipe(
        tap((rows) => {
          if (!isGradingPending(rows) || this.polls >= RESULTS_POLL_LIMIT) return;
          this.polls += 1;
          this.timer = setTimeout(() => this.load(quizId), RESULTS_POLL_MS);
        }),
      ),
    );
  }

  private stopPolling(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
