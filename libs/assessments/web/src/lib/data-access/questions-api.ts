import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreateQuestionRequest,
  QuestionFileFormat,
  QuestionImportResult,
  QuestionListQuery,
  QuestionResponse,
  QuestionSheetFormat,
  QuestionVersionResponse,
  TopicSummary,
  UpdateQuestionRequest,
} from '@thuchoc/assessments/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, queryParams, readBlobProblem } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/**
 * HTTP calls for a course's question bank. Readers (auditors, lecturers) get
 * 403 `question-bank.read-only` on a change; anyone else 404 for the course.
 */
@Injectable({ providedIn: 'root' })
export class QuestionsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/courses`;

  list(courseId: string, query: QuestionListQuery): Observable<Page<QuestionResponse>> {
    return this.http.get<Page<QuestionResponse>>(this.questions(courseId), { params: queryParams(query) });
  }

  topics(courseId: string): Observable<TopicSummary[]> {
    return this.http.get<TopicSummary[]>(`${this.questions(courseId)}/topics`);
  }

  create(courseId: string, request: CreateQuestionRequest): Observable<QuestionResponse> {
    return this.http.post<QuestionResponse>(this.questions(courseId), request);
  }

  update(courseId: string, questionId: string, request: UpdateQuestionRequest): Observable<QuestionResponse> {
    return this.http.patch<QuestionResponse>(`${this.questions(courseId)}/${questionId}`, request);
  }

  archive(courseId: string, questionId: string): Observable<QuestionResponse> {
    return this.http.post<QuestionResponse>(`${this.questions(courseId)}/${questionId}/archive`, {});
  }

  restore(courseId: string, questionId: string): Observable<QuestionResponse> {
    return this.http.post<QuestionResponse>(`${this.questions(courseId)}/${questionId}/restore`, {});
  }

  /** Newest first. */
  versions(courseId: string, questionId: string): Observable<QuestionVersionResponse[]> {
    return this.http.get<QuestionVersionResponse[]>(`${this.questions(courseId)}/${questionId}/versions`);
  }

  /** Multipart `file` and `format`; all or nothing (400 `question-import.invalid` lists every problem). */
  import(courseId: string, format: QuestionFileFormat, file: File): Observable<QuestionImportResult> {
    const body = new FormData();
    body.append('format', format);
    body.append('file', file, file.name);
    return this.http.post<QuestionImportResult>(`${this.questions(courseId)}/imports`, body);
  }

  export(courseId: string, format: QuestionSheetFormat): Observable<HttpResponse<Blob>> {
    return this.download(`${this.questions(courseId)}/export`, format);
  }

  template(courseId: string, format: QuestionSheetFormat): Observable<HttpResponse<Blob>> {
    return this.download(`${this.questions(courseId)}/imports/template`, format);
  }

  /** Fetched through HttpClient so the access token goes with it. */
  private download(url: string, format: QuestionSheetFormat): Observable<HttpResponse<Blob>> {
    return this.http
      .get(url, { params: queryParams({ format }), observe: 'response', responseType: 'blob' })
      .pipe(readBlobProblem());
  }

  private questions(courseId: string): string {
    return `${this.base}/${courseId}/questions`;
  }
}
