import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AttendanceGrid,
  AttendancePolicy,
  AttendanceSession,
  AttentionAnswerResponse,
  AttentionCheckSummary,
  CheckInCode,
  CheckInRequest,
  CheckInResponse,
  ExcuseDecisionRequest,
  ExcuseListQuery,
  ExcuseResponse,
  HeartbeatResponse,
  LiveRoster,
  ManualMarkRequest,
  ManualMarkResponse,
  MyAttendanceHistory,
  MySessionView,
} from '@thuchoc/attendance/contracts';
import { FlagListQuery, IntegrityFlagResponse, ResolveFlagRequest } from '@thuchoc/integrity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, queryParams, readBlobProblem } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/** A session as its lecturer and centre staff run it; auditors may only read. */
@Injectable({ providedIn: 'root' })
export class AttendanceSessionsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/attendance/sessions`;

  get(sessionId: string): Observable<AttendanceSession> {
    return this.http.get<AttendanceSession>(`${this.base}/${sessionId}`);
  }

  open(sessionId: string): Observable<AttendanceSession> {
    return this.http.post<AttendanceSession>(`${this.base}/${sessionId}/open`, {});
  }

  /** A job finalises the attendance afterwards; the status then becomes `finalised`. */
  close(sessionId: string): Observable<AttendanceSession> {
    return this.http.post<AttendanceSession>(`${this.base}/${sessionId}/close`, {});
  }

  checkInCode(sessionId: string): Observable<CheckInCode> {
    return this.http.get<CheckInCode>(`${this.base}/${sessionId}/check-in-code`);
  }

  live(sessionId: string): Observable<LiveRoster> {
    return this.http.get<LiveRoster>(`${this.base}/${sessionId}/live`);
  }

  fireAttentionCheck(sessionId: string): Observable<AttentionCheckSummary> {
    return this.http.post<AttentionCheckSummary>(`${this.base}/${sessionId}/attention-checks`, {});
  }

  mark(sessionId: string, request: ManualMarkRequest): Observable<ManualMarkResponse> {
    return this.http.post<ManualMarkResponse>(`${this.base}/${sessionId}/marks`, request);
  }
}

/** A class's attendance grid and its attendance rules. */
@Injectable({ providedIn: 'root' })
export class ClassAttendanceApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/classes`;

  grid(classId: string): Observable<AttendanceGrid> {
    return this.http.get<AttendanceGrid>(`${this.base}/${classId}/attendance`);
  }

  policy(classId: string): Observable<AttendancePolicy> {
    return this.http.get<AttendancePolicy>(`${this.base}/${classId}/attendance/policy`);
  }

  /** Centre staff only. */
  updatePolicy(classId: string, policy: AttendancePolicy): Observable<AttendancePolicy> {
    return this.http.put<AttendancePolicy>(`${this.base}/${classId}/attendance/policy`, policy);
  }
}

/** The queue of learners' excuses, decided by staff. */
@Injectable({ providedIn: 'root' })
export class ExcusesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/attendance/excuses`;

  list(query: ExcuseListQuery): Observable<Page<ExcuseResponse>> {
    return this.http.get<Page<ExcuseResponse>>(this.base, { params: queryParams(query) });
  }

  decide(excuseId: string, request: ExcuseDecisionRequest): Observable<ExcuseResponse> {
    return this.http.post<ExcuseResponse>(`${this.base}/${excuseId}/decision`, request);
  }

  attachment(excuseId: string): Observable<HttpResponse<Blob>> {
    return downloadBlob(this.http, `${this.base}/${excuseId}/attachment`);
  }
}

/** Integrity flags raised by check-ins and manual marks; staff resolve them with a reason. */
@Injectable({ providedIn: 'root' })
export class IntegrityFlagsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/integrity-flags`;

  list(query: FlagListQuery): Observable<Page<IntegrityFlagResponse>> {
    return this.http.get<Page<IntegrityFlagResponse>>(this.base, { params: queryParams(query) });
  }

  resolve(flagId: string, request: ResolveFlagRequest): Observable<IntegrityFlagResponse> {
    return this.http.post<IntegrityFlagResponse>(`${this.base}/${flagId}/resolution`, request);
  }
}

/** The signed-in learner's own attendance: check-in, presence, attention checks, excuses, history. */
@Injectable({ providedIn: 'root' })
export class MyAttendanceApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/me/attendance`;

  session(sessionId: string): Observable<MySessionView> {
    return this.http.get<MySessionView>(`${this.base}/sessions/${sessionId}`);
  }

  checkIn(sessionId: string, request: CheckInRequest): Observable<CheckInResponse> {
    return this.http.post<CheckInResponse>(`${this.base}/sessions/${sessionId}/check-in`, request);
  }

  heartbeat(sessionId: string): Observable<HeartbeatResponse> {
    return this.http.post<HeartbeatResponse>(`${this.base}/sessions/${sessionId}/heartbeats`, null);
  }

  answerAttentionCheck(checkId: string, code: string): Observable<AttentionAnswerResponse> {
    return this.http.post<AttentionAnswerResponse>(`${this.base}/attention-checks/${checkId}/answers`, {
      code,
    });
  }

  requestExcuse(sessionId: string, reason: string, attachment: File | null): Observable<ExcuseResponse> {
    const body = new FormData();
    body.append('reason', reason);
    if (attachment !== null) body.append('attachment', attachment, attachment.name);
    return this.http.post<ExcuseResponse>(`${this.base}/sessions/${sessionId}/excuses`, body);
  }

  history(classId: string): Observable<MyAttendanceHistory> {
    return this.http.get<MyAttendanceHistory>(`${this.base}/classes/${classId}`);
  }

  excuseAttachment(excuseId: string): Observable<HttpResponse<Blob>> {
    return downloadBlob(this.http, `${this.base}/excuses/${excuseId}/attachment`);
  }
}

/**
 * A file through HttpClient, not a plain link: the download needs the bearer
 * token. A failure's problem+json body arrives as a Blob; it is parsed so the
 * error is translated by its code like any other.
 */
function downloadBlob(http: HttpClient, url: string): Observable<HttpResponse<Blob>> {
  return http.get(url, { observe: 'response', responseType: 'blob' }).pipe(readBlobProblem());
}
