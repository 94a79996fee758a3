import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  EssayGradeRequest,
  GradedAttempt,
  GradingQueueItem,
  GradingQueueStatus,
  QuizResponse,
  RubricResponse,
} from '@thuchoc/assessments/contracts';
import { MAX_PAGE_SIZE, Page } from '@thuchoc/shared/contracts';
import { RemoteValue, toProblem } from '@thuchoc/shared/web-core';
import {
  EMPTY,
  Observable,
  catchError,
  defaultIfEmpty,
  expand,
  filter,
  forkJoin,
  map,
  of,
  switchMap,
  take,
  tap,
  throwError,
} from 'rxjs';
import { AttemptPoints, essayPointsPossible } from './grade-preview';
import { GradingApi } from './grading-api';

/** Everything the grading page shows: the attempt with its essays, the quiz's rubric (null: none yet), the quiz. */
export interface GradingContext {
  item: GradingQueueItem;
  rubric: RubricResponse | null;
  quiz: QuizResponse;
}

/** The API's answer when an attempt is not in the class's queue, as a problem the page translates. */
export const attemptNotFound = () =>
  new HttpErrorResponse({
    status: 404,
    error: { type: 'about:blank', title: 'Not Found', status: 404, code: 'attempt.not-found' },
  });

const isRubricMissing = (error: unknown) => toProblem(error).code === 'rubric.not-found';

/** Whether the queue goes on after this page. */
const hasNextPage = (page: Page<GradingQueueItem>) => page.page * page.pageSize < page.total;

/**
 * One attempt's essay grading: the attempt (found in the class's grading
 * queue, the API having no single-attempt read for graders), the quiz's
 * rubric and pass mark, and saving a grade. A saved grade replaces the
 * attempt's own, so the page shows it as the API stored it.
 */
@Injectable()
export class EssayGradingStore {
  private readonly api = inject(GradingApi);

  readonly context = new RemoteValue<GradingContext>();
  /** The API's answer to the last save on this page. */
  readonly saved = signal<GradedAttempt | null>(null);
  /** What the preview adds the essays to. */
  readonly attemptPoints = computed<AttemptPoints | null>(() => {
    const context = this.context.value();
    if (context === null) return null;
    return {
      essayPointsPossible: essayPointsPossible(context.item.essays),
      objectivePoints: context.item.objectivePoints,
      pointsPossible: context.item.pointsPossible,
      passMark: context.quiz.passMark,
    };
  });

  open(classId: string, attemptId: string, quizId: string | null): void {
    this.saved.set(null);
    this.context.reset();
    this.context.load(
      this.findAttempt(classId, attemptId, quizId).pipe(switchMap((item) => this.contextOf(item))),
    );
  }

  /** Saves the grade; the attempt then holds the stored grade, score and status. */
  grade(request: EssayGradeRequest): Observable<GradedAttempt> {
    const context = this.context.value();
    if (context === null) throw new Error('No attempt is open');
    return this.api.grade(context.item.attemptId, request).pipe(
      tap((graded) => {
        this.saved.set(graded);
        this.context.update((current) => ({
          ...current,
          item: {
            ...current.item,
            status: graded.status,
            score: graded.score,
            isPassed: graded.isPassed,
            grade: graded.grade,
          },
        }));
      }),
    );
  }

  /** Pages through the queue (all statuses, the quiz's attempts when known) until the attempt turns up. */
  private findAttempt(
    classId: string,
    attemptId: string,
    quizId: string | null,
  ): Observable<GradingQueueItem> {
    const fetch = (page: number) =>
      this.api.queue(classId, {
        status: GradingQueueStatus.All,
        ...(quizId === null ? {} : { quizId }),
        page,
        pageSize: MAX_PAGE_SIZE,
      });
    const holds = (page: Page<GradingQueueItem>) => page.items.find((item) => item.attemptId === attemptId);
    return fetch(1).pipe(
      expand((page) => (holds(page) !== undefined || !hasNextPage(page) ? EMPTY : fetch(page.page + 1))),
      map(holds),
      filter((item) => item !== undefined),
      take(1),
      defaultIfEmpty(null),
      switchMap((item) => (item === null ? throwError(attemptNotFound) : of(item))),
    );
  }

  private contextOf(item: GradingQueueItem): Observable<GradingContext> {
    return forkJoin({
      rubric: this.api
        .rubric(item.quizId)
        .pipe(catchError((error: unknown) => (isRubricMissing(error) ? of(null) : throwError(() => error)))),
      quiz: this.api.quiz(item.quizId),
    }).pipe(map(({ rubric, quiz }) => ({ item, rubric, quiz })));
  }
}
