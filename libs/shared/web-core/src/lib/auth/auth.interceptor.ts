import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Observable, catchError, of, switchMap, throwError } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';
import { toProblem } from '../errors/problem';
import { AuthSession, IS_SESSION_REQUEST } from './auth-session';
import { TokenStore } from './token-store';

/**
 * The 401 codes that mean the access token is missing, expired or invalid.
 * Other 401s (a wrong current password, wrong credentials, a refused refresh
 * token) are answers to the request itself: renewing the token cannot change them.
 */
const EXPIRED_ACCESS_CODES: readonly string[] = ['auth.token-invalid', 'auth.unauthenticated'];

/**
 * Adds the bearer token to API calls. Without a fresh access token (after a
 * reload, or near expiry) it refreshes first; on a 401 for an expired access
 * token it refreshes once and retries, and if that still fails the session ends.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const apiBase = inject(API_BASE_URL);
  if (!req.url.startsWith(apiBase) || req.context.get(IS_SESSION_REQUEST)) return next(req);

  const tokens = inject(TokenStore);
  const session = inject(AuthSession);
  const send = (token: string | null) => next(withBearer(req, token));

  const fresh = tokens.freshAccessToken();
  const firstToken$: Observable<string | null> =
    fresh === null && tokens.refreshToken() !== null ? session.refreshAccessToken() : of(fresh);

  return firstToken$.pipe(
    switchMap((sentToken) =>
      send(sentToken).pipe(
        catchError((error: unknown) => {
          if (!isExpiredAccess(error) || tokens.refreshToken() === null) return throwError(() => error);
          // Another request may already have renewed the token while this one was on the wire.
          const current = tokens.freshAccessToken();
          const retryToken$ =
            current !== null && current !== sentToken ? of(current) : session.refreshAccessToken();
          return retryToken$.pipe(
            switchMap((token) => send(token)),
            catchError((retryError: unknown) => {
              if (isExpiredAccess(retryError)) session.endSession();
              return throwError(() => retryError);
            }),
          );
        }),
      ),
    ),
  );
};

function withBearer<T>(req: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token === null ? req : req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

function isExpiredAccess(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse) || error.status !== 401) return false;
  const code = toProblem(error).code;
  return code !== undefined && EXPIRED_ACCESS_CODES.includes(code);
}
