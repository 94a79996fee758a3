import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { IssuedTokens, REFRESH_TOKEN_STORAGE_KEY, TokenStore } from './token-store';

function makeTokens(overrides: Partial<IssuedTokens> = {}): IssuedTokens {
  return { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900, ...overrides };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };

/** The RFC 9457 body the API sends with a 401. */
function problem(code: string): object {
  return { type: 'about:blank', title: 'Unauthorized', status: 401, code };
}

const tokenInvalid = problem('auth.token-invalid');

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let tokens: TokenStore;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(TokenStore);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  it('sends the access token as a bearer header', async () => {
    tokens.store(makeTokens());
    const answer = firstValueFrom(http.get('/api/v1/me'));

    const request = backend.expectOne('/api/v1/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-1');
    request.flush({ ok: true });
    await expect(answer).resolves.toEqual({ ok: true });
  });

  it('leaves requests outside the API alone', () => {
    tokens.store(makeTokens());
    http.get('/assets/logo.svg').subscribe();
    expect(backend.expectOne('/assets/logo.svg').request.headers.has('Authorization')).toBe(false);
  });

  it.each(['auth.token-invalid', 'auth.unauthenticated'])(
    'refreshes once on a 401 %s and retries with the new token',
    async (code) => {
      tokens.store(makeTokens());
      const answer = firstValueFrom(http.get('/api/v1/me'));

      backend.expectOne('/api/v1/me').flush(problem(code), unauthorized);
      const refresh = backend.expectOne('/api/v1/auth/refresh');
      expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
      expect(refresh.request.headers.has('Authorization')).toBe(false);
      refresh.flush(makeTokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));

      const retry = backend.expectOne('/api/v1/me');
      expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
      retry.flush({ ok: true });
      await expect(answer).resolves.toEqual({ ok: true });
      expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-2');
    },
  );

  it('shares one refresh between concurrent requests that get a 401', async () => {
    tokens.store(makeTokens());
    const answers = Promise.all([
      firstValueFrom(http.get('/api/v1/me')),
      firstValueFrom(http.get('/api/v1/users')),
    ]);

    backend.expectOne('/api/v1/me').flush(tokenInvalid, unauthorized);
    backend.expectOne('/api/v1/users').flush(tokenInvalid, unauthorized);
    // Rotating tokens: a second refresh with the same token would revoke every session.
    backend
      .expectOne('/api/v1/auth/refresh')
      .flush(makeTokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));

    const retries = backend.match((request) => request.headers.get('Authorization') === 'Bearer access-2');
    expect(retries.map((request) => request.request.url).sort()).toEqual(['/api/v1/me', '/api/v1/users']);
    retries.forEach((request) => request.flush({ ok: true }));
    await expect(answers).resolves.toHaveLength(2);
  });

  it('refreshes before the first call after a reload, when only the refresh token survives', async () => {
    localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, 'refresh-1');
    const answer = firstValueFrom(http.get('/api/v1/me'));

    backend.expectOne('/api/v1/auth/refresh').flush(makeTokens({ accessToken: 'access-2' }));
    const request = backend.expectOne('/api/v1/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer access-2');
    request.flush({ ok: true });
    await expect(answer).resolves.toEqual({ ok: true });
  });

  it('ends the session and goes to the login page when the refresh is refused', async () => {
    tokens.store(makeTokens());
    const answer = firstValueFrom(http.get('/api/v1/me'));

    backend.expectOne('/api/v1/me').flush(tokenInvalid, unauthorized);
    backend.expectOne('/api/v1/auth/refresh').flush(problem('auth.refresh-invalid'), unauthorized);

    await expect(answer).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(tokens.isSignedIn()).toBe(false);
    expect(tokens.accessToken()).toBeNull();
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/login');
  });

  it('passes a 401 through when there is no session to refresh', async () => {
    const answer = firstValueFrom(http.get('/api/v1/me'));
    backend.expectOne('/api/v1/me').flush(problem('auth.unauthenticated'), unauthorized);
    await expect(answer).rejects.toMatchObject({ status: 401 });
  });

  it.each(['auth.wrong-password', 'auth.invalid-credentials', 'auth.refresh-reused'])(
    'passes a 401 %s to the caller without refreshing or signing out',
    async (code) => {
      tokens.store(makeTokens());
      const answer = firstValueFrom(
        http.post('/api/v1/me/password', { currentPassword: 'wrong', newPassword: 'MatKhauMoi@2026' }),
      );

      backend.expectOne('/api/v1/me/password').flush(problem(code), unauthorized);

      await expect(answer).rejects.toMatchObject({ status: 401, error: { code } });
      backend.expectNone('/api/v1/auth/refresh');
      expect(tokens.isSignedIn()).toBe(true);
      expect(tokens.accessToken()).toBe('access-1');
      expect(router.navigateByUrl).not.toHaveBeenCalled();
    },
  );

  it('keeps the session when the retry after a refresh is refused for its own reason', async () => {
    tokens.store(makeTokens());
    const answer = firstValueFrom(http.post('/api/v1/me/password', {}));

    backend.expectOne('/api/v1/me/password').flush(tokenInvalid, unauthorized);
    backend
      .expectOne('/api/v1/auth/refresh')
      .flush(makeTokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));
    backend.expectOne('/api/v1/me/password').flush(problem('auth.wrong-password'), unauthorized);

    await expect(answer).rejects.toMatchObject({ error: { code: 'auth.wrong-password' } });
    expect(tokens.isSignedIn()).toBe(true);
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('ends the session when the retry with a renewed token still gets an expired-token 401', async () => {
    tokens.store(makeTokens());
    const answer = firstValueFrom(http.get('/api/v1/me'));

    backend.expectOne('/api/v1/me').flush(tokenInvalid, unauthorized);
    backend
      .expectOne('/api/v1/auth/refresh')
      .flush(makeTokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));
    backend.expectOne('/api/v1/me').flush(tokenInvalid, unauthorized);

    await expect(answer).rejects.toMatchObject({ status: 401 });
    expect(tokens.isSignedIn()).toBe(false);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/login');
  });
});
