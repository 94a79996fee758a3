import { Injectable, InjectionToken, inject } from '@angular/core';
import { LiveSessionEvent } from '@thuchoc/attendance/contracts';
import { API_BASE_URL, AuthSession, TokenStore } from '@thuchoc/shared/web-core';
import { Observable, defer, of, repeat, retry, switchMap, timer } from 'rxjs';
import { EventStreamParser, parseLiveEvent } from './event-stream';

/** The browser's fetch; a token so tests can stand in for the network. */
export const EVENT_STREAM_FETCH = new InjectionToken<typeof fetch>('EVENT_STREAM_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => fetch(input, init),
});

/** Wait before reconnecting after the server ended the stream (a deploy, a proxy timeout). */
export const RECONNECT_DELAY_MS = 1_000;
/** Longest wait between attempts while the stream keeps failing. */
export const MAX_RECONNECT_DELAY_MS = 30_000;

/** The stream answered with an HTTP error; a 401 means the access token must be renewed. */
export class EventStreamError extends Error {
  constructor(readonly status: number) {
    super(`Event stream answered ${status}`);
  }
}

/**
 * The learner's live-session events (attention checks, status changes) as
 * server-sent events. EventSource cannot send the Authorization header, so the
 * stream is read with fetch() and the current access token, and reopened with
 * a fresh token whenever it ends or fails, for as long as it is subscribed.
 */
@Injectable({ providedIn: 'root' })
export class LiveSessionEvents {
  private readonly fetch = inject(EVENT_STREAM_FETCH);
  private readonly apiBase = inject(API_BASE_URL);
  private readonly tokens = inject(TokenStore);
  private readonly auth = inject(AuthSession);

  watch(sessionId: string): Observable<LiveSessionEvent> {
    const url = `${this.apiBase}/me/attendance/sessions/${sessionId}/events`;
    let mustRenew = false;
    return defer(() => this.accessToken(mustRenew)).pipe(
      switchMap((token) => {
        mustRenew = false;
        return this.read(url, token);
      }),
      repeat({ delay: RECONNECT_DELAY_MS }),
      retry({
        resetOnSuccess: true,
        delay: (error: unknown, attempt) => {
          mustRenew = error instanceof EventStreamError && error.status === 401;
          return timer(reconnectDelayMs(attempt));
        },
      }),
    );
  }

  private accessToken(mustRenew: boolean): Observable<string> {
    const fresh = mustRenew ? null : this.tokens.freshAccessToken();
    return fresh === null ? this.auth.refreshAccessToken() : of(fresh);
  }

  private read(url: string, token: string): Observable<LiveSessionEvent> {
    return new Observable<LiveSessionEvent>((subscriber) => {
      const controller = new AbortController();
      const parser = new EventStreamParser();
      const decoder = new TextDecoder();
      const emit = (chunk: string): void => {
        for (const data of parser.push(chunk)) {
          const event = parseLiveEvent(data);
          if (event !== null) subscriber.next(event);
        }
      };
      const consume = async (): Promise<void> => {
        const response = await this.fetch(url, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (!response.ok || response.body === null) throw new EventStreamError(response.status);
        const reader = response.body.getReader();
        for (let part = await reader.read(); !part.done; part = await reader.read()) {
          emit(decoder.decode(part.value, { stream: true }));
        }
        emit(decoder.decode());
      };
      consume().then(
        () => subscriber.complete(),
        (error: unknown) => {
          if (!controller.signal.aborted) subscriber.error(error);
        },
      );
      return () => controller.abort();
    });
  }
}

/** 1 s, 2 s, 4 s … up to 30 s between failing attempts. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(MAX_RECONNECT_DELAY_MS, RECONNECT_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}
