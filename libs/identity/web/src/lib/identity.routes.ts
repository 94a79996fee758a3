import { inject } from '@angular/core';
import { RedirectFunction, Route, Router, Routes } from '@angular/router';
import { requireRole } from '@thuchoc/shared/web-core';
import { catchError, map, of } from 'rxjs';
import { homeUrlFor } from './data-access/role-areas';
import { SessionStore } from './data-access/session.store';

export const loginRoute: Route = {
  path: 'login',
  title: 'identity.login.title',
  loadComponent: () => import('./pages/login-page').then((m) => m.LoginPage),
};

/** `/activate/:token`: a new learner chooses a password with the one-time link from their activation sheet. */
export const activationRoute: Route = {
  path: 'activate/:token',
  title: 'identity.activation.title',
  loadComponent: () => import('./pages/activation-page').then((m) => m.ActivationPage),
};

export const profileRoute: Route = {
  path: 'profile',
  title: 'identity.profile.title',
  canMatch: [requireRole()],
  loadComponent: () => import('./pages/profile-page').then((m) => m.ProfilePage),
};

/** Pages under `/admin`; the app guards the area itself. */
export const adminRoutes: Routes = [
  {
    path: 'org-units',
    title: 'identity.orgUnits.title',
    loadComponent: () => import('./pages/org-units-page').then((m) => m.OrgUnitsPage),
  },
  {
    path: 'users',
    title: 'identity.users.title',
    loadComponent: () => import('./pages/users-page').then((m) => m.UsersPage),
  },
];

/** `/` leads to the home of the user's first role in `HOME_ROLE_ORDER`. */
export const redirectToHome: RedirectFunction = () => {
  const router = inject(Router);
  return inject(SessionStore)
    .loadMe()
    .pipe(
      map((me) => router.parseUrl(homeUrlFor(me.roles))),
      catchError(() => of(router.parseUrl('/login'))),
    );
};
