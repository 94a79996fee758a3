import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CourseListQuery,
  CourseResponse,
  CourseSummary,
  CreateCourseRequest,
  CreateLessonRequest,
  CreateModuleRequest,
  UpdateCourseRequest,
  UpdateLessonRequest,
  UpdateModuleRequest,
} from '@thuchoc/courses/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, readBlobProblem } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/** HTTP calls for courses; every change answers with the whole course as it now stands. */
@Injectable({ providedIn: 'root' })
export class CoursesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/courses`;

  list(query: CourseListQuery): Observable<Page<CourseSummary>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<CourseSummary>>(this.base, { params });
  }

  get(id: string): Observable<CourseResponse> {
    return this.http.get<CourseResponse>(`${this.base}/${id}`);
  }

  create(request: CreateCourseRequest): Observable<CourseResponse> {
    return this.http.post<CourseResponse>(this.base, request);
  }

  update(id: string, request: UpdateCourseRequest): Observable<CourseResponse> {
    return this.http.patch<CourseResponse>(`${this.base}/${id}`, request);
  }

  addModule(id: string, request: CreateModuleRequest): Observable<CourseResponse> {
    return this.http.post<CourseResponse>(`${this.base}/${id}/modules`, request);
  }

  updateModule(id: string, moduleId: string, request: UpdateModuleRequest): Observable<CourseResponse> {
    return this.http.patch<CourseResponse>(`${this.base}/${id}/modules/${moduleId}`, request);
  }

  deleteModule(id: string, moduleId: string): Observable<CourseResponse> {
    return this.http.delete<CourseResponse>(`${this.base}/${id}/modules/${moduleId}`);
  }

  addLesson(id: string, moduleId: string, request: CreateLessonRequest): Observable<CourseResponse> {
    return this.http.post<CourseResponse>(`${this.base}/${id}/modules/${moduleId}/lessons`, request);
  }

  updateLesson(id: string, lessonId: string, request: UpdateLessonRequest): Observable<CourseResponse> {
    return this.http.patch<CourseResponse>(`${this.base}/${id}/lessons/${lessonId}`, request);
  }

  deleteLesson(id: string, lessonId: string): Observable<CourseResponse> {
    return this.http.delete<CourseResponse>(`${this.base}/${id}/lessons/${lessonId}`);
  }

  uploadAttachment(id: string, lessonId: string, file: File): Observable<CourseResponse> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<CourseResponse>(`${this.base}/${id}/lessons/${lessonId}/attachments`, body);
  }

  /** The PDF as a blob: fetched through HttpClient so the access token goes with it. */
  downloadAttachment(id: string, attachmentId: string): Observable<Blob> {
    return this.http
      .get(`${this.base}/${id}/attachments/${attachmentId}`, { responseType: 'blob' })
      .pipe(readBlobProblem());
  }

  deleteAttachment(id: string, attachmentId: string): Observable<CourseResponse> {
    return this.http.delete<CourseResponse>(`${this.base}/${id}/attachments/${attachmentId}`);
  }
}
