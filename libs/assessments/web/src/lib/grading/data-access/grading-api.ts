import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  EssayGradeRequest,
  GradedAttempt,
  GradingQueueItem,
  GradingQueueStatus,
  QuizResponse,
  ResolveSimilarityFlagRequest,
  RubricResponse,
  SimilarityFlagDetail,
  SimilarityFlagStatus,
  SimilarityFlagSummary,
} from '@thuchoc/assessments/contracts';
import { ClassSummary, TeachingClassResponse } from '@thuchoc/classes/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, queryParams } from '@thuchoc/shared/web-core';
import { Observable, map } from 'rxjs';

export interface GradingQueueQuery {
  status: GradingQueueStatus;
  quizId?: string;
  page: number;
  pageSize: number;
}

/**
 * HTTP calls of essay grading and similarity flags. The class's lecturers and
 * centre staff in scope grade and resolve; auditors read (403
 * `quiz.read-only` on a change); anyone else gets 404.
 */
@Injectable({ providedIn: 'root' })
export class GradingApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** The class's code and title for a heading: lecturers read the classes they teach, staff and auditors any in scope. */
  classSummary(classId: string, isLecturer: boolean): Observable<ClassSummary> {
    return isLecturer
      ? this.http
          .get<TeachingClassResponse>(`${this.base}/me/teaching/${classId}`)
          .pipe(map((teaching) => teaching.class))
      : this.http.get<ClassSummary>(`${this.base}/classes/${classId}`);
  }

  /** Attempts with essays, oldest submission first. */
  queue(classId: string, query: GradingQueueQuery): Observable<Page<GradingQueueItem>> {
    return this.http.get<Page<GradingQueueItem>>(`${this.base}/classes/${classId}/grading-queue`, {
      params: queryParams({ ...query }),
    });
  }

  /** One attempt as the queue shows it; 404 `attempt.not-found` to learners or without essays. */
  attempt(attemptId: string): Observable<GradingQueueItem> {
    return this.http.get<GradingQueueItem>(`${this.base}/quiz-attempts/${attemptId}/essay-grading`);
  }

  /** 404 `rubric.not-found` when the quiz has none. */
  rubric(quizId: string): Observable<RubricResponse> {
    return this.http.get<RubricResponse>(`${this.base}/quizzes/${quizId}/rubric`);
  }

  quiz(quizId: string): Observable<QuizResponse> {
    return this.http.get<QuizResponse>(`${this.base}/quizzes/${quizId}`);
  }

  /** 400 `grade.invalid`; 409 `rubric.missing`, `attempt.not-gradable`, `attempt.similarity-open`. */
  grade(attemptId: string, request: EssayGradeRequest): Observable<GradedAttempt> {
    return this.http.put<GradedAttempt>(`${this.base}/quiz-attempts/${attemptId}/essay-grade`, request);
  }

  /** Newest first. */
  flags(classId: string, status: SimilarityFlagStatus): Observable<SimilarityFlagSummary[]> {
    return this.http.get<SimilarityFlagSummary[]>(`${this.base}/classes/${classId}/similarity-flags`, {
      params: queryParams({ status }),
    });
  }

  flag(flagId: string): Observable<SimilarityFlagDetail> {
    return this.http.get<SimilarityFlagDetail>(`${this.base}/similarity-flags/${flagId}`);
  }

  /** 409 `similarity-flag.resolved` when someone closed it first. */
  resolve(flagId: string, request: ResolveSimilarityFlagRequest): Observable<SimilarityFlagDetail> {
    return this.http.post<SimilarityFlagDetail>(
      `${this.base}/similarity-flags/${flagId}/resolution`,
      request,
    );
  }
}
