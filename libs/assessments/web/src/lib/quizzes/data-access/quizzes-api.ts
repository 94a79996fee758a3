import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateQuizRequest,
  QuizResponse,
  QuizResultRow,
  RubricRequest,
  RubricResponse,
  TopicSummary,
  UpdateQuizRequest,
} from '@thuchoc/assessments/contracts';
import { ClassSummary } from '@thuchoc/classes/contracts';
import { API_BASE_URL, toProblem } from '@thuchoc/shared/web-core';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { QuizPageAccess } from '../quiz-page-access';

/** What the quiz pages show of their class: its name for the heading, its course for the bank's topics. */
export type QuizClassInfo = Pick<ClassSummary, 'id' | 'code' | 'title' | 'courseId' | 'courseTitle'>;

const classNotFound = () =>
  new HttpErrorResponse({
    status: 404,
    statusText: 'Not Found',
    error: { type: 'about:blank', title: 'Not Found', status: 404, code: 'class.not-found' },
  });

/**
 * HTTP calls of the quiz builder and class results pages. Editors (centre
 * staff in scope, the class's lecturers) create and change quizzes and
 * rubrics; auditors read them (403 `quiz.read-only` on a change); anyone else
 * gets 404 for the class or quiz.
 */
@Injectable({ providedIn: 'root' })
export class QuizzesApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Every quiz of the class, drafts included, by opening time. */
  list(classId: string): Observable<QuizResponse[]> {
    return this.http.get<QuizResponse[]>(`${this.base}/classes/${classId}/quizzes`);
  }

  get(quizId: string): Observable<QuizResponse> {
    return this.http.get<QuizResponse>(this.quiz(quizId));
  }

  /** 400 `quiz.invalid` with field errors, also when the bank lacks the questions a rule draws. */
  create(classId: string, request: CreateQuizRequest): Observable<QuizResponse> {
    return this.http.post<QuizResponse>(`${this.base}/classes/${classId}/quizzes`, request);
  }

  /** 409 `quiz.has-attempts` when a rule changes after the first attempt. */
  update(quizId: string, request: UpdateQuizRequest): Observable<QuizResponse> {
    return this.http.patch<QuizResponse>(this.quiz(quizId), request);
  }

  /** Every attempt with its learner and result. */
  results(quizId: string): Observable<QuizResultRow[]> {
    return this.http.get<QuizResultRow[]>(`${this.quiz(quizId)}/results`);
  }

  /** The quiz's essay rubric; null when it has none yet (404 `rubric.not-found`). */
  rubric(quizId: string): Observable<RubricResponse | null> {
    return this.http
      .get<RubricResponse>(`${this.quiz(quizId)}/rubric`)
      .pipe(
        catchError((error: unknown) =>
          toProblem(error).code === 'rubric.not-found' ? of(null) : throwError(() => error),
        ),
      );
  }

  /** 400 `rubric.invalid`; 409 `rubric.grading-started` once an essay of the quiz is graded. */
  setRubric(quizId: string, request: RubricRequest): Observable<RubricResponse> {
    return this.http.put<RubricResponse>(`${this.quiz(quizId)}/rubric`, request);
  }

  removeRubric(quizId: string): Observable<void> {
    return this.http.delete<void>(`${this.quiz(quizId)}/rubric`);
  }

  /** Active questions of the course's bank per topic and difficulty: what draw rules may ask for. */
  topics(courseId: string): Observable<TopicSummary[]> {
    return this.http.get<TopicSummary[]>(`${this.base}/courses/${courseId}/questions/topics`);
  }

  /**
   * The class as the role may read it: staff and auditors the class itself, a
   * lecturer among the classes they teach (404 `class.not-found` if not one).
   */
  classInfo(classId: string, access: QuizPageAccess): Observable<QuizClassInfo> {
    if (access !== 'lecturer') return this.http.get<ClassSummary>(`${this.base}/classes/${classId}`);
    return this.http.get<ClassSummary[]>(`${this.base}/me/teaching`).pipe(
      map((classes) => classes.find((taught) => taught.id === classId)),
      map((taught) => {
        if (taught === undefined) throw classNotFound();
        return taught;
      }),
    );
  }

  private quiz(quizId: string): string {
    return `${this.base}/quizzes/${quizId}`;
  }
}
