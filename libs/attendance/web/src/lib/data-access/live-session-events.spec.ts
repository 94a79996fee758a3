import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LiveSessionEvent } from '@thuchoc/attendance/contracts';
import { TokenStore } from '@thuchoc/shared/web-core';
import { Subscription } from 'rxjs';
import {
  EVENT_STREAM_FETCH,
  LiveSessionEvents,
  RECONNECT_DELAY_MS,
  reconnectDelayMs,
} from './live-session-events';

const EVENTS_URL = '/api/v1/me/attendance/sessions/s1/events';

/** A response body the test writes to chunk by chunk, then ends. */
class FakeStream {
  private readonly chunks: (Uint8Array | null)[] = [];
  private waiting: ((part: ReadableStreamReadResult<Uint8Array>) => void) | null = null;

  readonly response = {
    ok: true,
    status: 200,
    body: { getReader: () => ({ read: () => this.read() }) },
  } as unknown as Response;

  write(text: string): void {
    this.deliver(new TextEncoder().encode(text));
  }

  end(): void {
    this.deliver(null);
  }

  private deliver(chunk: Uint8Array | null): void {
    if (this.waiting === null) {
      this.chunks.push(chunk);
      return;
    }
    const resolve = this.waiting;
    this.waiting = null;
    resolve(chunk === null ? { done: true, value: undefined } : { done: false, value: chunk });
  }

  private read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    if (this.chunks.length > 0) {
      const chunk = this.chunks.shift() ?? null;
      return Promise.resolve(
        chunk === null ? { done: true, value: undefined } : { done: false, value: chunk },
      );
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

describe(LiveSessionEvents.name, () => {
  let fetchMock: jest.Mock<Promise<Response>, [string, RequestInit]>;
  let tokens: TokenStore;
  let events: LiveSessionEvent[];
  let subscription: Subscription;

  /** Lets the fetch promise chain run (no timers pass). */
  const settle = () => jest.advanceTimersByTimeAsync(0);
  const authorization = (call: number) =>
    (fetchMock.mock.calls[call][1].headers as Record<string, string>)['Authorization'];

  beforeEach(() => {
    jest.useFakeTimers();
    localStorage.clear();
    fetchMock = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: EVENT_STREAM_FETCH, useValue: fetchMock },
      ],
    });
    tokens = TestBed.inject(TokenStore);
    tokens.store({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900 });
    events = [];
  });

  afterEach(() => {
    subscription.unsubscribe();
    jest.useRealTimers();
  });

  function watch(): void {
    subscription = TestBed.inject(LiveSessionEvents)
      .watch('s1')
      .subscribe((event) => events.push(event));
  }

  it('reads the stream with the access token and emits each event as it arrives', async () => {
    const stream = new FakeStream();
    fetchMock.mockResolvedValueOnce(stream.response);
    watch();
    await settle();

    expect(fetchMock).toHaveBeenCalledWith(EVENTS_URL, expect.objectContaining({ cache: 'no-store' }));
    expect(authorization(0)).toBe('Bearer access-1');
    stream.write('data: {"type":"attention-check","check":{"id":"k1","code":"X7Q2",');
    stream.write('"expiresAt":"2026-03-02T01:31:00Z"}}\n\n: keep-alive\n\n');
    stream.write('data: {"type":"session-status","status":"closed"}\n\n');
    await settle();

    expect(events).toEqual([
      { type: 'attention-check', check: { id: 'k1', code: 'X7Q2', expiresAt: '2026-03-02T01:31:00Z' } },
      { type: 'session-status', status: 'closed' },
    ]);
  });

  it('reconnects with the current token after the server ends the stream', async () => {
    const first = new FakeStream();
    fetchMock.mockResolvedValueOnce(first.response).mockResolvedValueOnce(new FakeStream().response);
    watch();
    await settle();

    tokens.store({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 });
    first.end();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(RECONNECT_DELAY_MS);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(authorization(1)).toBe('Bearer access-2');
  });

  it('renews the access token after a 401 and tries again', async () => {
    fetchMock
      .mockResolvedValueOnce({ ok: false, status: 401, body: null } as Response)
      .mockResolvedValueOnce(new FakeStream().response);
    watch();
    await settle();

    await jest.advanceTimersByTimeAsync(reconnectDelayMs(1));
    const refresh = TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 });
    await settle();

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(authorization(1)).toBe('Bearer access-2');
  });

  it('waits longer after each failure, up to 30 s', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    watch();
    await settle();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect([1, 2, 3, 4, 5, 6, 7].map(reconnectDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });

  it('aborts the request when nobody listens any more', async () => {
    fetchMock.mockResolvedValueOnce(new FakeStream().response);
    watch();
    await settle();

    subscription.unsubscribe();

    expect((fetchMock.mock.calls[0][1].signal as AbortSignal).aborted).toBe(true);
  });
});
