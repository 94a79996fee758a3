import { Observable, exhaustMap, takeWhile, timer } from 'rxjs';

/** How often a running import or verification is asked for its progress. */
export const POLL_INTERVAL_MS = 500;

/**
 * Asks `fetch()` every `intervalMs` (the first time after one interval) and
 * emits each answer, the first one that `isDone` included, then completes.
 * A slow answer is waited for rather than overtaken by the next request.
 */
export function pollUntil<T>(
  fetch: () => Observable<T>,
  isDone: (value: T) => boolean,
  intervalMs = POLL_INTERVAL_MS,
): Observable<T> {
  return timer(intervalMs, intervalMs).pipe(
    exhaustMap(() => fetch()),
    takeWhile((value) => !isDone(value), true),
  );
}
