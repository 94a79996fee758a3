import { Injectable, computed, inject, signal } from '@angular/core';
import {
  EssayGradeRequest,
  GradedAttempt,
  GradingQueueItem,
  QuizResponse,
  RubricResponse,
} from '@thuchoc/assessments/contracts';
import { RemoteValue, toProblem } from '@thuchoc/shared/web-core';
import { Observable, catchError, forkJoin, map, of, switchMap, tap, throwError } from 'rxjs';
import { AttemptPoints, essayPointsPossible } from './grade-preview';
import { GradingApi } from './grading-api';

/** Everything the grading page shows: the attempt with its essays, the quiz's rubric (null: none yet), the quiz. */
export interface GradingContext {
  item: GradingQueueItem;
  rubric: RubricResponse | null;
  quiz: QuizResponse;
}

const isRubricMissing = (error: unknown) => toProblem(error).code === 'rubric.not-found';

/**
 * One attempt's essay grading: the attempt as the grading queue shows it,
 * the quiz's rubric and pass mark, and saving a grade. A saved grade replaces the
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

  open(attemptId: string): void {
    this.saved.set(null);
    this.context.reset();
    this.context.load(this.api.attempt(attemptId).pipe(switchMap((item) => this.contextOf(item))));
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

  private contextOf(item: GradingQueueItem): Observable<GradingContext> {
    return forkJoin({
      rubric: this.api
        .rubric(item.quizId)
        .pipe(catchError((error: unknown) => (isRubricMissing(error) ? of(null) : throwError(() => error)))),
      quiz: this.api.quiz(item.quizId),
    }).pipe(map(({ rubric, quiz }) => ({ item, rubric, quiz })));
  }
}
