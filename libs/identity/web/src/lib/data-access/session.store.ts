import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { ChangePasswordRequest, LoginRequest, Role, UserResponse } from '@thuchoc/identity/contracts';
import { API_BASE_URL, AuthSession, SessionRoles, TokenStore } from '@thuchoc/shared/web-core';
import { Observable, finalize, map, of, shareReplay, switchMap, tap } from 'rxjs';
import { deviceKey } from './device-key';
import { ROLE_AREAS, homeUrlFor } from './role-areas';

/** The signed-in user: who they are, which areas they may open, and signing in and out. */
@Injectable({ providedIn: 'root' })
export class SessionStore extends SessionRoles {
  private readonly http = inject(HttpClient);
  private readonly apiBase = inject(API_BASE_URL);
  private readonly tokens = inject(TokenStore);
  private readonly auth = inject(AuthSession);
  private readonly loaded = signal<UserResponse | null>(null);
  private meInFlight: Observable<UserResponse> | null = null;

  /** Null once the session ends, even before anything reloads. */
  readonly me = computed(() => (this.tokens.isSignedIn() ? this.loaded() : null));
  readonly roles = computed<readonly Role[]>(() => this.me()?.roles ?? []);
  readonly areas = computed(() => ROLE_AREAS.filter((area) => this.roles().includes(area.role)));
  readonly homeUrl = computed(() => homeUrlFor(this.roles()));

  /** The current user, fetched once per session and shared by concurrent callers. */
  loadMe(): Observable<UserResponse> {
    const cached = this.me();
    if (cached !== null) return of(cached);
    this.meInFlight ??= this.http.get<UserResponse>(`${this.apiBase}/me`).pipe(
      tap((me) => this.loaded.set(me)),
      finalize(() => (this.meInFlight = null)),
      shareReplay(1),
    );
    return this.meInFlight;
  }

  override loadRoles(): Observable<readonly string[]> {
    return this.loadMe().pipe(map((me) => me.roles));
  }

  /** Signs in with this browser's device key and yields the URL of the user's home area. */
  login(credentials: LoginRequest): Observable<string> {
    const request: LoginRequest = { ...credentials, deviceKey: deviceKey() };
    return this.auth.login(request).pipe(
      tap(() => this.loaded.set(null)),
      switchMap(() => this.loadMe()),
      map((me) => homeUrlFor(me.roles)),
    );
  }

  logout(): Observable<void> {
    return this.auth.logout().pipe(tap(() => this.loaded.set(null)));
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.apiBase}/me/password`, request);
  }
}
