import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router } from '@angular/router';
import { Role, UserResponse } from '@thuchoc/identity/contracts';
import { SessionStore } from '@thuchoc/identity/web';
import { TokenStore } from '@thuchoc/shared/web-core';
import { of } from 'rxjs';
import { appConfig } from './app.config';

function makeUser(overrides: Partial<UserResponse> = {}): UserResponse {
  return {
    id: 'u1',
    username: 'hocvien01',
    email: null,
    fullName: 'Nguyễn Văn An',
    phone: null,
    orgUnitId: 'unit-1',
    orgUnitName: 'Trung tâm chính trị Biên Hoà',
    scopeUnitId: 'unit-1',
    position: null,
    isPartyMember: true,
    roles: [Role.Learner],
    isActive: true,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

function signInAs(user: UserResponse): void {
  TestBed.inject(TokenStore).store({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  jest.spyOn(TestBed.inject(SessionStore), 'loadMe').mockReturnValue(of(user));
}

/** The title key of the page the router ended on. */
function pageTitle(router: Router): string | undefined {
  let route: ActivatedRouteSnapshot = router.routerState.snapshot.root;
  while (route.firstChild !== null) route = route.firstChild;
  return route.routeConfig?.title as string | undefined;
}

describe('appRoutes', () => {
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    router = TestBed.inject(Router);
  });

  it('sends a signed-out visitor to the login page', async () => {
    await router.navigateByUrl('/admin/users');
    expect(router.url).toBe('/login');
  });

  it('opens the home of the first role in HOME_ROLE_ORDER', async () => {
    signInAs(makeUser({ roles: [Role.Learner, Role.Lecturer] }));
    await router.navigateByUrl('/');
    expect(router.url).toBe('/lecturer');
  });

  it('keeps a learner out of the admin area', async () => {
    signInAs(makeUser());
    await router.navigateByUrl('/admin/org-units');
    expect(router.url).toBe('/learner');
  });

  it('lets an admin open the org-unit page', async () => {
    signInAs(makeUser({ roles: [Role.Admin] }));
    await router.navigateByUrl('/admin/org-units');
    expect(router.url).toBe('/admin/org-units');
  });

  it.each([
    [Role.Learner, '/learner/sessions/s1?code=482913', 'attendance.live.title'],
    [Role.Learner, '/learner/classes/c1/attendance', 'attendance.history.title'],
    [Role.Learner, '/learner/classes/c1', 'learning.class.title'],
    [Role.Lecturer, '/lecturer/sessions/s1', 'attendance.console.title'],
    [Role.Lecturer, '/lecturer/classes/c1/attendance', 'attendance.grid.title'],
    [Role.Lecturer, '/lecturer/excuses', 'attendance.excuses.title'],
    [Role.CentreStaff, '/centre/sessions/s1', 'attendance.console.title'],
    [Role.CentreStaff, '/centre/classes/c1/attendance', 'attendance.grid.title'],
    [Role.CentreStaff, '/centre/classes/c1', 'classes.detailTitle'],
    [Role.CentreStaff, '/centre/excuses', 'attendance.excuses.title'],
    [Role.CentreStaff, '/centre/flags', 'attendance.flags.title'],
    [Role.Auditor, '/auditor/classes/c1/attendance', 'attendance.grid.title'],
    [Role.Auditor, '/auditor/excuses', 'attendance.excuses.title'],
    [Role.Auditor, '/auditor/flags', 'attendance.flags.title'],
    [Role.CentreStaff, '/centre/courses/c1/questions', 'questionBank.title'],
    [Role.CentreStaff, '/centre/courses/c1', 'courses.editor.title'],
    [Role.Auditor, '/auditor/courses/c1/questions', 'questionBank.title'],
    [Role.Lecturer, '/lecturer/courses/c1/questions', 'questionBank.title'],
  ])('lets a %s open %s', async (role, url, title) => {
    signInAs(makeUser({ roles: [role] }));
    await router.navigateByUrl(url);
    expect(router.url).toBe(url);
    expect(pageTitle(router)).toBe(title);
  });

  it('keeps the console and the flags out of an auditor’s and a learner’s reach', async () => {
    signInAs(makeUser({ roles: [Role.Auditor] }));
    await router.navigateByUrl('/auditor/sessions/s1');
    expect(router.url).toBe('/auditor');

    signInAs(makeUser({ roles: [Role.Learner] }));
    await router.navigateByUrl('/learner/flags');
    expect(router.url).toBe('/learner');
  });
});
