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

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let tokens: TokenStore;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
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

  it('refreshes once on a 401 and retries with the new token', async () => {
    tokens.store(makeTokens());
    const answer = firstValueFrom(http.get('/api/v1/me'));

    backend.expectOne('/api/v1/me').flush(null, unauthorized);
    const refresh = backend.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(makeTokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));

    const retry = backend.expectOne('/api/v1/me');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ ok: true });
    await expect(answer).resolves.toEqual({ ok: true });
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('refresh-2');
  });

  it('shares one refresh between concurrent requests that get a 401', async () => {
    tokens.store(makeTokens());
    const answers = Promise.all([firstValueFrom(http.get('/api/v1/me')), firstValueFrom(http.get('/api/v1/users'))]);

    backend.expectOne('/api/v1/me').flush(null, unauthorized);
    backend.expectOne('/api/v1/users').flush(null, unauthorized);
    // Rotating tokens: a second refresh with the same token would revoke every session.
    backend.expectOne('/api/v1/auth/refresh').flush(makeTokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));

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

    backend.expectOne('/api/v1/me').flush(null, unauthorized);
    backend.expectOne('/api/v1/auth/refresh').flush({ status: 401, title: 'Unauthorized', type: 'about:blank' }, unauthorized);

    await expect(answer).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(tokens.isSignedIn()).toBe(false);
    expect(tokens.accessToken()).toBeNull();
    expect(localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/login');
  });

  it('passes a 401 through when there is no session to refresh', async () => {
    const answer = firstValueFrom(http.post('/api/v1/me/password', {}));
    backend.expectOne('/api/v1/me/password').flush(null, unauthorized);
    await expect(answer).rejects.toMatchObject({ status: 401 });
  });
});
