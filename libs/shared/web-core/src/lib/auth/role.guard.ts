import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { Observable, catchError, map, of } from 'rxjs';
import { LOGIN_PATH } from './auth-session';
import { TokenStore } from './token-store';

/**
 * Supplies the signed-in user's roles to the guards. The domain that owns
 * users (identity) provides it; shared code only knows roles as strings.
 */
export abstract class SessionRoles {
  abstract loadRoles(): Observable<readonly string[]>;
}

/** Lets a route match only for a signed-in user holding `role` (any signed-in user when omitted). */
export function requireRole(role?: string): CanMatchFn {
  return () => {
    const router = inject(Router);
    if (!inject(TokenStore).isSignedIn()) return router.parseUrl(LOGIN_PATH);
    return inject(SessionRoles)
      .loadRoles()
      .pipe(
        map((roles) => role === undefined || roles.includes(role) || router.parseUrl('/')),
        // The login page is always reachable, so this cannot loop even while the API is down.
        catchError(() => of(router.parseUrl(LOGIN_PATH))),
      );
  };
}
