import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ActivateAccountRequest,
  ActivationPreview,
  CreateOrgUnitRequest,
  CreateUserRequest,
  MergeOrgUnitRequest,
  MoveOrgUnitRequest,
  OrgUnitHistoryEntry,
  OrgUnitResponse,
  RenameOrgUnitRequest,
  UpdateUserRequest,
  UserListQuery,
  UserResponse,
} from '@thuchoc/identity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, IS_SESSION_REQUEST } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/** HTTP calls for org units; the server limits every answer to the caller's scope. */
@Injectable({ providedIn: 'root' })
export class OrgUnitsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/org-units`;

  list(): Observable<OrgUnitResponse[]> {
    return this.http.get<OrgUnitResponse[]>(this.base);
  }

  history(id: string): Observable<OrgUnitHistoryEntry[]> {
    return this.http.get<OrgUnitHistoryEntry[]>(`${this.base}/${id}/history`);
  }

  create(request: CreateOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.http.post<OrgUnitResponse>(this.base, request);
  }

  rename(id: string, request: RenameOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.http.patch<OrgUnitResponse>(`${this.base}/${id}`, request);
  }

  move(id: string, request: MoveOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.http.post<OrgUnitResponse>(`${this.base}/${id}/move`, request);
  }

  merge(id: string, request: MergeOrgUnitRequest): Observable<OrgUnitResponse> {
    return this.http.post<OrgUnitResponse>(`${this.base}/${id}/merge`, request);
  }
}

/** HTTP calls for user accounts. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/users`;

  list(query: UserListQuery): Observable<Page<UserResponse>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<UserResponse>>(this.base, { params });
  }

  create(request: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>(this.base, request);
  }

  update(id: string, request: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${this.base}/${id}`, request);
  }

  setActive(id: string, isActive: boolean): Observable<void> {
    return this.http.post<void>(`${this.base}/${id}/${isActive ? 'activate' : 'deactivate'}`, {});
  }
}

/** The public activation link: who it is for, and choosing the first password. */
@Injectable({ providedIn: 'root' })
export class ActivationApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/auth/activation`;
  /**
   * Public calls: whatever session this browser still holds must not be
   * refreshed (a refused refresh would send the new learner to the login page).
   */
  private readonly context = new HttpContext().set(IS_SESSION_REQUEST, true);

  preview(token: string): Observable<ActivationPreview> {
    return this.http.get<ActivationPreview>(`${this.base}/${encodeURIComponent(token)}`, {
      context: this.context,
    });
  }

  /** Sets the password; the link stops working. */
  activate(request: ActivateAccountRequest): Observable<void> {
    return this.http.post<void>(this.base, request, { context: this.context });
  }
}
