import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
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
});
