import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CalendarFeedResponse,
  ClassHistoryEntry,
  ClassListQuery,
  ClassResponse,
  ClassSessionResponse,
  ClassSummary,
  ClassTransitionRequest,
  ClassTransitionResponse,
  ClassVerificationResponse,
  CreateClassRequest,
  CreateSessionRequest,
  DecideEnrollmentRequest,
  DecideOpeningApprovalRequest,
  EnrollLearnerRequest,
  EnrollmentImportResponse,
  EnrollmentResponse,
  OpeningApprovalResponse,
  OpeningApprovalStatus,
  RosterQuery,
  UpdateClassRequest,
  UpdateSessionRequest,
  WithdrawEnrollmentRequest,
} from '@thuchoc/classes/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, queryParams } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/** HTTP calls for a centre's classes; the server answers 404 for a class outside the caller's scope. */
@Injectable({ providedIn: 'root' })
export class ClassesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/classes`;

  list(query: ClassListQuery): Observable<Page<ClassSummary>> {
    return this.http.get<Page<ClassSummary>>(this.base, { params: queryParams(query) });
  }

  get(id: string): Observable<ClassResponse> {
    return this.http.get<ClassResponse>(`${this.base}/${id}`);
  }

  create(request: CreateClassRequest): Observable<ClassResponse> {
    return this.http.post<ClassResponse>(this.base, request);
  }

  update(id: string, request: UpdateClassRequest): Observable<ClassResponse> {
    return this.http.patch<ClassResponse>(`${this.base}/${id}`, request);
  }

  /** 200 when the class moved; 202 with the approval when opening has to wait for one. */
  transition(id: string, request: ClassTransitionRequest): Observable<ClassTransitionResponse> {
    return this.http.post<ClassTransitionResponse>(`${this.base}/${id}/transitions`, request);
  }

  sessions(id: string): Observable<ClassSessionResponse[]> {
    return this.http.get<ClassSessionResponse[]>(`${this.base}/${id}/sessions`);
  }

  createSession(id: string, request: CreateSessionRequest): Observable<ClassSessionResponse> {
    return this.http.post<ClassSessionResponse>(`${this.base}/${id}/sessions`, request);
  }

  updateSession(
    id: string,
    sessionId: string,
    request: UpdateSessionRequest,
  ): Observable<ClassSessionResponse> {
    return this.http.patch<ClassSessionResponse>(`${this.base}/${id}/sessions/${sessionId}`, request);
  }

  deleteSession(id: string, sessionId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}/sessions/${sessionId}`);
  }

  calendar(id: string): Observable<CalendarFeedResponse> {
    return this.http.get<CalendarFeedResponse>(`${this.base}/${id}/calendar`);
  }

  roster(id: string, query: RosterQuery): Observable<Page<EnrollmentResponse>> {
    return this.http.get<Page<EnrollmentResponse>>(`${this.base}/${id}/enrollments`, {
      params: queryParams(query),
    });
  }

  enroll(id: string, request: EnrollLearnerRequest): Observable<EnrollmentResponse> {
    return this.http.post<EnrollmentResponse>(`${this.base}/${id}/enrollments`, request);
  }

  decideEnrollment(
    id: string,
    enrollmentId: string,
    request: DecideEnrollmentRequest,
  ): Observable<EnrollmentResponse> {
    return this.http.post<EnrollmentResponse>(
      `${this.base}/${id}/enrollments/${enrollmentId}/decision`,
      request,
    );
  }

  withdraw(
    id: string,
    enrollmentId: string,
    request: WithdrawEnrollmentRequest,
  ): Observable<EnrollmentResponse> {
    return this.http.post<EnrollmentResponse>(
      `${this.base}/${id}/enrollments/${enrollmentId}/withdrawal`,
      request,
    );
  }

  uploadImport(id: string, file: File): Observable<EnrollmentImportResponse> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<EnrollmentImportResponse>(`${this.base}/${id}/imports`, body);
  }

  imports(id: string): Observable<EnrollmentImportResponse[]> {
    return this.http.get<EnrollmentImportResponse[]>(`${this.base}/${id}/imports`);
  }

  getImport(id: string, importId: string): Observable<EnrollmentImportResponse> {
    return this.http.get<EnrollmentImportResponse>(`${this.base}/${id}/imports/${importId}`);
  }

  /** Fetched through HttpClient, not a plain link: the download needs the bearer token. */
  importErrorReport(id: string, importId: string): Observable<HttpResponse<Blob>> {
    return this.download(`${this.base}/${id}/imports/${importId}/error-report`);
  }

  activationSheet(id: string, importId: string): Observable<HttpResponse<Blob>> {
    return this.download(`${this.base}/${id}/imports/${importId}/activation-sheet`);
  }

  history(id: string): Observable<ClassHistoryEntry[]> {
    return this.http.get<ClassHistoryEntry[]>(`${this.base}/${id}/history`);
  }

  requestVerification(id: string): Observable<ClassVerificationResponse> {
    return this.http.post<ClassVerificationResponse>(`${this.base}/${id}/history/verifications`, {});
  }

  getVerification(id: string, verificationId: string): Observable<ClassVerificationResponse> {
    return this.http.get<ClassVerificationResponse>(
      `${this.base}/${id}/history/verifications/${verificationId}`,
    );
  }

  private download(url: string): Observable<HttpResponse<Blob>> {
    return this.http.get(url, { observe: 'response', responseType: 'blob' });
  }
}

/** HTTP calls for requests to open a class below its rules, decided by a parent unit's staff. */
@Injectable({ providedIn: 'root' })
export class OpeningApprovalsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/opening-approvals`;

  list(status?: OpeningApprovalStatus): Observable<OpeningApprovalResponse[]> {
    return this.http.get<OpeningApprovalResponse[]>(this.base, { params: queryParams({ status }) });
  }

  decide(id: string, request: DecideOpeningApprovalRequest): Observable<OpeningApprovalResponse> {
    return this.http.post<OpeningApprovalResponse>(`${this.base}/${id}/decision`, request);
  }
}
