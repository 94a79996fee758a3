import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CalendarFeedResponse,
  ClassSummary,
  LessonHeartbeatResponse,
  MyClassDetailResponse,
  MyClassResponse,
  OpenClassResponse,
  TeachingClassResponse,
  WithdrawEnrollmentRequest,
} from '@thuchoc/classes/contracts';
import { API_BASE_URL, readBlobProblem } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/** HTTP calls for the signed-in learner's and lecturer's own classes; the server answers only for their own. */
@Injectable({ providedIn: 'root' })
export class LearningApi {
  private readonly http = inject(HttpClient);
  private readonly me = `${inject(API_BASE_URL)}/me`;

  myClasses(): Observable<MyClassResponse[]> {
    return this.http.get<MyClassResponse[]>(`${this.me}/classes`);
  }

  myClass(classId: string): Observable<MyClassDetailResponse> {
    return this.http.get<MyClassDetailResponse>(`${this.me}/classes/${classId}`);
  }

  withdraw(classId: string, request: WithdrawEnrollmentRequest): Observable<MyClassResponse> {
    return this.http.post<MyClassResponse>(`${this.me}/classes/${classId}/withdrawal`, request);
  }

  /** A lesson's PDF as a blob: the download needs the bearer token, so a plain link cannot fetch it. */
  attachment(classId: string, attachmentId: string): Observable<Blob> {
    return this.http
      .get(`${this.me}/classes/${classId}/attachments/${attachmentId}`, { responseType: 'blob' })
      .pipe(readBlobProblem());
  }

  /** One beat of time-on-task while the learner studies the lesson; answers the verified total. */
  lessonHeartbeat(lessonId: string): Observable<LessonHeartbeatResponse> {
    return this.http.post<LessonHeartbeatResponse>(`${this.me}/lessons/${lessonId}/heartbeats`, null);
  }

  openClasses(): Observable<OpenClassResponse[]> {
    return this.http.get<OpenClassResponse[]>(`${this.me}/open-classes`);
  }

  requestEnrollment(classId: string): Observable<MyClassResponse> {
    return this.http.post<MyClassResponse>(`${this.me}/open-classes/${classId}/enrollment-request`, {});
  }

  teaching(): Observable<ClassSummary[]> {
    return this.http.get<ClassSummary[]>(`${this.me}/teaching`);
  }

  teachingClass(classId: string): Observable<TeachingClassResponse> {
    return this.http.get<TeachingClassResponse>(`${this.me}/teaching/${classId}`);
  }

  calendarFeed(): Observable<CalendarFeedResponse> {
    return this.http.get<CalendarFeedResponse>(`${this.me}/calendar`);
  }
}
