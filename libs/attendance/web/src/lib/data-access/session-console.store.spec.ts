import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SessionStatus } from '@thuchoc/attendance/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { attendanceTranslations } from '../attendance.translations';
import { makeCode, makeRoster, makeSession } from '../testing/attendance-factories';
import { FINALISATION_POLL_MS, ROSTER_POLL_MS, SessionConsoleStore } from './session-console.store';

const NOW = Date.parse('2026-03-02T01:00:10Z');
const SESSION_URL = '/api/v1/attendance/sessions/s1';
const CODE_URL = `${SESSION_URL}/check-in-code`;
const LIVE_URL = `${SESSION_URL}/live`;

describe(SessionConsoleStore.name, () => {
  let store: SessionConsoleStore;
  let backend: HttpTestingController;

  function answerAll(url: string, body: object): number {
    const requests = backend.match(url);
    requests.forEach((request) => request.flush(body));
    return requests.length;
  }

  function loadLive(): void {
    store.load('s1');
    backend.expectOne(SESSION_URL).flush(makeSession());
    backend.expectOne(CODE_URL).flush(makeCode({ rotatesAt: '2026-03-02T01:00:30Z' }));
    jest.advanceTimersByTime(0);
    answerAll(LIVE_URL, makeRoster());
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: NOW });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(attendanceTranslations),
        SessionConsoleStore,
      ],
    });
    store = TestBed.inject(SessionConsoleStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('fetches the next check-in code exactly when the shown one rotates', () => {
    loadLive();
    expect(store.code()?.code).toBe('482913');
    expect(store.codeRefreshAt()).toBe(NOW + 20_000);

    jest.advanceTimersByTime(19_999);
    backend.expectNone(CODE_URL);
    answerAll(LIVE_URL, makeRoster());

    jest.advanceTimersByTime(1);
    backend.expectOne(CODE_URL).flush(makeCode({ code: '105834', rotatesAt: '2026-03-02T01:01:00Z' }));
    expect(store.code()?.code).toBe('105834');
    expect(store.codeRefreshAt()).toBe(NOW + 50_000);
  });

  it('tries again for the code at the next poll when fetching it fails', () => {
    store.load('s1');
    backend.expectOne(SESSION_URL).flush(makeSession());
    backend
      .expectOne(CODE_URL)
      .flush(
        { type: 'about:blank', title: 'Error', status: 503 },
        { status: 503, statusText: 'Unavailable' },
      );
    expect(store.liveError()).not.toBeNull();

    jest.advanceTimersByTime(ROSTER_POLL_MS);
    backend.expectOne(CODE_URL).flush(makeCode());
    expect(store.code()?.code).toBe('482913');
    expect(store.liveError()).toBeNull();
  });

  it('polls the live roster every few seconds while the session is live', () => {
    loadLive();
    expect(store.roster()?.presentCount).toBe(1);

    jest.advanceTimersByTime(ROSTER_POLL_MS);
    expect(answerAll(LIVE_URL, makeRoster({ presentCount: 2 }))).toBe(1);
    expect(store.roster()?.presentCount).toBe(2);
  });

  it('follows a close made by the server, then waits for the attendance to be final', () => {
    loadLive();

    jest.advanceTimersByTime(ROSTER_POLL_MS);
    answerAll(LIVE_URL, makeRoster({ session: makeSession({ status: SessionStatus.Closed }) }));
    expect(store.status()).toBe(SessionStatus.Closed);
    expect(store.code()).toBeNull();
    answerAll(LIVE_URL, makeRoster());

    jest.advanceTimersByTime(60_000 - FINALISATION_POLL_MS);
    backend.expectNone(CODE_URL);
    answerAll(SESSION_URL, makeSession({ status: SessionStatus.Closed }));

    jest.advanceTimersByTime(FINALISATION_POLL_MS);
    backend.expectOne(SESSION_URL).flush(makeSession({ status: SessionStatus.Finalised }));
    expect(store.status()).toBe(SessionStatus.Finalised);
    backend.expectOne(LIVE_URL).flush(makeRoster());

    jest.advanceTimersByTime(60_000);
    backend.verify();
  });

  it('opens a scheduled session and starts showing its code', () => {
    store.load('s1');
    backend.expectOne(SESSION_URL).flush(makeSession({ status: SessionStatus.Scheduled }));
    backend.expectOne(LIVE_URL).flush(makeRoster());
    jest.advanceTimersByTime(60_000);
    backend.expectNone(CODE_URL);

    store.open().subscribe();
    const open = backend.expectOne(`${SESSION_URL}/open`);
    expect(open.request.method).toBe('POST');
    open.flush(makeSession());

    expect(store.status()).toBe(SessionStatus.Live);
    backend.expectOne(CODE_URL).flush(makeCode());
    expect(store.code()?.code).toBe('482913');
  });

  it('lists a fired attention check first at once', () => {
    loadLive();

    store.fireAttentionCheck().subscribe();
    backend.expectOne(`${SESSION_URL}/attention-checks`).flush({
      id: 'k1',
      firedAt: '2026-03-02T01:00:10Z',
      expiresAt: '2026-03-02T01:01:10Z',
      isAutomatic: false,
      recipients: 1,
      answered: 0,
    });

    expect(store.roster()?.attentionChecks.map((check) => check.id)).toEqual(['k1']);
  });
});
