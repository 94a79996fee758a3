import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { LanguageStore } from '../i18n/language-store';
import { provideI18n } from '../i18n/provide-i18n';
import { ProblemMessages, retryAfterSeconds } from './problem';

function problemError(body: object, status: number, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({
    error: { type: 'about:blank', title: 'Error', status, ...body },
    status,
    headers: new HttpHeaders(headers),
  });
}

describe(ProblemMessages.name, () => {
  let messages: ProblemMessages;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    messages = TestBed.inject(ProblemMessages);
  });

  it('translates a known code', () => {
    const view = messages.describe(
      problemError({ code: 'auth.invalid-credentials', detail: 'Invalid credentials' }, 401),
    );
    expect(view.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('says how long to wait after too many attempts', () => {
    const view = messages.describe(
      problemError({ code: 'auth.too-many-attempts' }, 429, { 'Retry-After': '120' }),
    );
    expect(view.message).toBe('Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 2 phút.');
  });

  it('falls back to the detail of an unknown code, and keeps field errors by top-level field', () => {
    const view = messages.describe(
      problemError(
        {
          code: 'something.new',
          detail: 'Chi tiết từ máy chủ',
          errors: [{ field: 'roles.0', messages: ['vai trò không hợp lệ'] }],
        },
        400,
      ),
    );
    expect(view.message).toBe('Chi tiết từ máy chủ');
    expect(view.fields).toEqual({ roles: 'vai trò không hợp lệ' });
  });

  it('explains a network failure', () => {
    const view = messages.describe(new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' }));
    expect(view.message).toContain('Không kết nối được');
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds(problemError({}, 429, { 'Retry-After': '30' }), now)).toBe(30);
    expect(
      retryAfterSeconds(problemError({}, 429, { 'Retry-After': 'Thu, 01 Jan 2026 00:01:00 GMT' }), now),
    ).toBe(60);
    expect(retryAfterSeconds(problemError({}, 429), now)).toBeNull();
  });
});
