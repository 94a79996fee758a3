import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TokenStore, authInterceptor, provideI18n } from '@thuchoc/shared/web-core';
import { uiTranslations } from '@thuchoc/shared/web-ui';
import { activationRoute } from '../identity.routes';
import { identityTranslations } from '../identity.translations';
import { ActivationPage } from './activation-page';

const TOKEN = 'tok-0123456789abcdefghij';
const PREVIEW_URL = `/api/v1/auth/activation/${TOKEN}`;
const PASSWORD = 'MatKhauMoi@2026';

describe(ActivationPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    page().querySelector<T>(`[data-testid="${id}"]`);

  function type(testId: string, value: string): void {
    const input = byTestId<HTMLInputElement>(testId);
    if (input === null) throw new Error(`no ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    byTestId('activation-form')?.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
  }

  async function openWithPreview(): Promise<void> {
    await harness.navigateByUrl(`/activate/${TOKEN}`, ActivationPage);
    backend.expectOne(PREVIEW_URL).flush({ fullName: 'Nguyễn Thị Hoa', username: 'hoa.nt' });
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([activationRoute, { path: 'login', children: [] }], withComponentInputBinding()),
        provideI18n(uiTranslations, identityTranslations),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  it('shows whose account the link opens', async () => {
    await openWithPreview();

    expect(page().querySelector('h1')?.textContent).toContain('Kích hoạt tài khoản');
    expect(byTestId('activation-full-name')?.textContent).toBe('Nguyễn Thị Hoa');
    expect(byTestId('activation-username')?.textContent).toBe('hoa.nt');
  });

  it('sets the password and then leads to the login page', async () => {
    await openWithPreview();

    type('activation-password', PASSWORD);
    type('activation-confirm', PASSWORD);
    await submit();
    const request = backend.expectOne('/api/v1/auth/activation');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ token: TOKEN, password: PASSWORD });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();

    expect(byTestId('activation-done')?.textContent).toContain('Tài khoản hoa.nt đã được kích hoạt.');
    expect(byTestId('activation-form')).toBeNull();
    expect(byTestId('activation-login-link')?.getAttribute('href')).toBe('/login');
  });

  it('refuses a short password and a confirmation that differs, without calling the API', async () => {
    await openWithPreview();

    type('activation-password', 'ngan');
    type('activation-confirm', 'khac');
    await submit();

    backend.expectNone('/api/v1/auth/activation');
    expect(page().textContent).toContain('Cần ít nhất 10 ký tự.');
    expect(page().textContent).toContain('Hai mật khẩu chưa khớp nhau.');
  });

  it('says clearly that a used or unknown link cannot be used', async () => {
    await harness.navigateByUrl(`/activate/${TOKEN}`, ActivationPage);
    backend
      .expectOne(PREVIEW_URL)
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'activation.invalid-token' },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();

    expect(byTestId('activation-invalid')?.textContent).toContain(
      'Đường dẫn kích hoạt không hợp lệ, đã hết hạn hoặc đã được sử dụng.',
    );
    expect(byTestId('activation-form')).toBeNull();
  });

  it('leaves a session this browser still holds alone', async () => {
    // An expired access token with a stale refresh token: refreshing would fail and end on /login.
    TestBed.inject(TokenStore).store({ accessToken: 'old', refreshToken: 'stale', expiresIn: 0 });

    await openWithPreview();

    backend.expectNone('/api/v1/auth/refresh');
    expect(byTestId('activation-username')?.textContent).toBe('hoa.nt');
  });
});
