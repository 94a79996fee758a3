import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { TokenStore, authInterceptor, provideI18n } from '@thuchoc/shared/web-core';
import { uiTranslations } from '@thuchoc/shared/web-ui';
import { identityTranslations } from '../identity.translations';
import { ProfilePage } from './profile-page';

const OLD_PASSWORD = 'ThucHoc@2026';
const NEW_PASSWORD = 'MatKhauMoi@2026';

describe(ProfilePage.name, () => {
  let fixture: ComponentFixture<ProfilePage>;
  let backend: HttpTestingController;
  let tokens: TokenStore;
  let router: Router;

  const element = () => fixture.nativeElement as HTMLElement;

  function type(name: string, value: string): void {
    const input = element().querySelector<HTMLInputElement>(`input[formControlName="${name}"]`);
    if (input === null) throw new Error(`no ${name} field`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function changePassword(currentPassword: string): Promise<void> {
    type('currentPassword', currentPassword);
    type('newPassword', NEW_PASSWORD);
    type('confirmPassword', NEW_PASSWORD);
    element().querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideI18n(uiTranslations, identityTranslations),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(TokenStore);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    tokens.store({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 });
    fixture = TestBed.createComponent(ProfilePage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('changes the password and says so', async () => {
    await changePassword(OLD_PASSWORD);

    const request = backend.expectOne('/api/v1/me/password');
    expect(request.request.body).toEqual({ currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(element().querySelector('[data-testid="password-changed"]')?.textContent).toContain(
      'Đã đổi mật khẩu thành công.',
    );
  });

  it('says the current password is wrong and keeps the user signed in', async () => {
    await changePassword('not-my-password');

    backend.expectOne('/api/v1/me/password').flush(
      {
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: 'auth.wrong-password',
        detail: 'The current password is wrong.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();

    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Mật khẩu hiện tại không đúng.');
    backend.expectNone('/api/v1/auth/refresh');
    expect(tokens.isSignedIn()).toBe(true);
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });
});
