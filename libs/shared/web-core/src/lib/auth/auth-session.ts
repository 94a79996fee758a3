import { HttpClient, HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { Observable, catchError, finalize, map, of, shareReplay, tap, throwError } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';
import { IssuedTokens, TokenStore } from './token-store';

/** Marks the session's own calls (login, refresh, logout), which the auth interceptor leaves alone. */
export const IS_SESSION_REQUEST = new HttpContextToken<boolean>(() => false);

export interface Credentials {
  username: string;
  password: string;
}

export const LOGIN_PATH = '/login';

/** Signs in and out and renews the access token; one refresh at a time, shared by every caller. */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly tokens = inject(TokenStore);
  private readonly router = inject(Router);
  private readonly apiBase = inject(API_BASE_URL);
  private refreshInFlight: Observable<string> | null = null;

  login(credentials: Credentials): Observable<void> {
    return this.post<IssuedTokens>('auth/login', credentials).pipe(
      tap((tokens) => this.tokens.store(tokens)),
      map(() => undefined),
    );
  }

  /**
   * Exchanges the refresh token for a new pair and yields the new access token.
   * Concurrent callers share one request: refresh tokens rotate, and sending
   * the same one twice would make the server revoke every session.
   */
  refreshAccessToken(): Observable<string> {
    if (this.refreshInFlight === null) {
      const refreshToken = this.tokens.refreshToken();
      if (refreshToken === null) return throwError(() => new Error('No refresh token'));
      this.refreshInFlight = this.post<IssuedTokens>('auth/refresh', { refreshToken }).pipe(
        tap((tokens) => this.tokens.store(tokens)),
        map((tokens) => tokens.accessToken),
        catchError((error: unknown) => {
          // A refused token ends the session; a network failure does not.
          if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500)
            this.endSession();
          return throwError(() => error);
        }),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay(1),
      );
    }
    return this.refreshInFlight;
  }

  /** Revokes the refresh token on the server (best effort) and ends the session here. */
  logout(): Observable<void> {
    const refreshToken = this.tokens.refreshToken();
    const revoke$ =
      refreshToken === null
        ? of(undefined)
        : this.post<void>('auth/logout', { refreshToken }).pipe(catchError(() => of(undefined)));
    return revoke$.pipe(
      tap(() => this.endSession()),
      map(() => undefined),
    );
  }

  /** Forgets the tokens and goes to the login page. */
  endSession(): void {
    this.tokens.clear();
    void this.router.navigateByUrl(LOGIN_PATH);
  }

  private post<T>(path: string, body: unknown): Observable<T> {
    return this.http.post<T>(`${this.apiBase}/${path}`, body, {
      context: new HttpContext().set(IS_SESSION_REQUEST, true),
    });
  }
}
