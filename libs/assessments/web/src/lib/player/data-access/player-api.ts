import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AttemptAnswer,
  AttemptSummary,
  AttemptView,
  MyAttemptResult,
  QuizResponse,
  SaveAnswerRequest,
} from '@thuchoc/assessments/contracts';
import { API_BASE_URL } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/**
 * The learner's side of quizzes: a class's published quizzes, starting or
 * resuming an attempt, autosave, submit and the learner's own results.
 * Anyone outside the class gets 404 (`quiz.not-found`, `attempt.not-found`).
 */
@Injectable({ providedIn: 'root' })
export class PlayerApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** The class's published quizzes. */
  classQuizzes(classId: string): Observable<QuizResponse[]> {
    return this.http.get<QuizResponse[]>(`${this.base}/classes/${classId}/quizzes`);
  }

  quiz(quizId: string): Observable<QuizResponse> {
    return this.http.get<QuizResponse>(`${this.base}/quizzes/${quizId}`);
  }

  /** The learner's attempts of the quiz, oldest first, with results and (when the quiz shows them) keys. */
  myAttempts(quizId: string): Observable<MyAttemptResult[]> {
    return this.http.get<MyAttemptResult[]>(`${this.base}/me/quizzes/${quizId}/attempts`);
  }

  /**
   * 201 with a new attempt, 200 with the active one; 409 `quiz.not-open`,
   * `quiz.closed`, `attempt.limit-reached`, 403 `attempt.not-eligible` (final quiz).
   */
  start(quizId: string): Observable<HttpResponse<AttemptView>> {
    return this.http.post<AttemptView>(
      `${this.base}/me/quizzes/${quizId}/attempts`,
      {},
      { observe: 'response' },
    );
  }

  attempt(attemptId: string): Observable<AttemptView> {
    return this.http.get<AttemptView>(`${this.base}/me/attempts/${attemptId}`);
  }

  /** An older `seq` than the stored one changes nothing; 409 `attempt.closed` after the deadline. */
  save(attemptId: string, questionId: string, request: SaveAnswerRequest): Observable<AttemptAnswer> {
    return this.http.put<AttemptAnswer>(
      `${this.base}/me/attempts/${attemptId}/answers/${questionId}`,
      request,
    );
  }

  /** Repeating it answers the one submission; 409 `attempt.closed` after the deadline. */
  submit(attemptId: string): Observable<AttemptSummary> {
    return this.http.post<AttemptSummary>(`${this.base}/me/attempts/${attemptId}/submit`, {});
  }
}
