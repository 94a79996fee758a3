import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import {
  AttendanceSession,
  AttentionCheckSummary,
  CheckInCode,
  LiveRoster,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { ProblemMessages, RemoteValue } from '@thuchoc/shared/web-core';
import {
  EMPTY,
  Observable,
  Subscription,
  catchError,
  exhaustMap,
  expand,
  merge,
  retry,
  switchMap,
  takeWhile,
  tap,
  timer,
} from 'rxjs';
import { AttendanceSessionsApi } from './attendance-api';
import { codeRefreshDelayMs } from './check-in-code';

/** How often the live roster is fetched while the session is live. */
export const ROSTER_POLL_MS = 5_000;
/** How often a closed session is asked whether its attendance is finalised. */
export const FINALISATION_POLL_MS = 2_000;

/**
 * A session as its lecturer runs it: opening and closing, the rotating
 * check-in code (fetched again whenever it rotates), the live roster (polled
 * while live), attention checks, and waiting for the attendance to be finalised.
 */
@Injectable()
export class SessionConsoleStore {
  private readonly api = inject(AttendanceSessionsApi);
  private readonly problems = inject(ProblemMessages);
  private sessionId: string | null = null;
  private following: Subscription | null = null;

  readonly session = new RemoteValue<AttendanceSession>();
  readonly status = computed(() => this.session.value()?.status ?? null);
  readonly code = signal<CheckInCode | null>(null);
  /** When the shown code is replaced, by this browser's clock. */
  readonly codeRefreshAt = signal<number | null>(null);
  readonly roster = signal<LiveRoster | null>(null);
  /** Why the code or the roster could not be fetched; cleared by the next success. */
  readonly liveError = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.following?.unsubscribe());
  }

  load(sessionId: string): void {
    if (this.sessionId !== sessionId) {
      this.sessionId = sessionId;
      this.session.reset();
      this.roster.set(null);
    }
    this.session.load(this.api.get(sessionId).pipe(tap((session) => this.follow(session))));
  }

  open(): Observable<AttendanceSession> {
    return this.api.open(this.requireId()).pipe(tap((session) => this.changed(session)));
  }

  close(): Observable<AttendanceSession> {
    return this.api.close(this.requireId()).pipe(tap((session) => this.changed(session)));
  }

  /** Fires a check to every learner present; it shows first in the list until the next poll. */
  fireAttentionCheck(): Observable<AttentionCheckSummary> {
    return this.api
      .fireAttentionCheck(this.requireId())
      .pipe(
        tap((check) =>
          this.roster.update(
            (roster) => roster && { ...roster, attentionChecks: [check, ...roster.attentionChecks] },
          ),
        ),
      );
  }

  private changed(session: AttendanceSession): void {
    this.session.set(session);
    this.follow(session);
  }

  /** What the console keeps fetching depends on the status: each change replaces it. */
  private follow(session: AttendanceSession): void {
    this.following?.unsubscribe();
    this.code.set(null);
    this.codeRefreshAt.set(null);
    this.liveError.set(null);
    switch (session.status) {
      case SessionStatus.Live:
        this.following = merge(this.rotatingCode(session.id), this.polledRoster(session.id)).subscribe();
        break;
      case SessionStatus.Closed:
        this.following = merge(this.fetchRoster(session.id), this.finalisation(session.id)).subscribe();
        break;
      case SessionStatus.Scheduled:
      case SessionStatus.Finalised:
        this.following = this.fetchRoster(session.id).subscribe();
        break;
    }
  }

  /** The current code, then the next one each time it rotates. A failure is retried at the next poll. */
  private rotatingCode(sessionId: string): Observable<CheckInCode> {
    const fetchCode = (): Observable<CheckInCode> =>
      this.api.checkInCode(sessionId).pipe(
        tap({
          next: (code) => {
            const now = Date.now();
            this.code.set(code);
            this.codeRefreshAt.set(now + codeRefreshDelayMs(code, now));
            this.liveError.set(null);
          },
          error: (error: unknown) => this.liveError.set(this.problems.describe(error).message),
        }),
        retry({ delay: ROSTER_POLL_MS }),
      );
    return fetchCode().pipe(
      expand(() => timer((this.codeRefreshAt() ?? 0) - Date.now()).pipe(switchMap(fetchCode))),
    );
  }

  /** The roster now and every few seconds; when the server closed the session meanwhile, the console follows. */
  private polledRoster(sessionId: string): Observable<LiveRoster> {
    return timer(0, ROSTER_POLL_MS).pipe(
      exhaustMap(() => this.fetchRoster(sessionId)),
      tap((roster) => {
        if (roster.session.status !== SessionStatus.Live) this.changed(roster.session);
      }),
    );
  }

  private fetchRoster(sessionId: string): Observable<LiveRoster> {
    return this.api.live(sessionId).pipe(
      tap((roster) => {
        this.roster.set(roster);
        this.liveError.set(null);
      }),
      catchError((error: unknown) => {
        this.liveError.set(this.problems.describe(error).message);
        return EMPTY;
      }),
    );
  }

  /** Asks until the job has finalised the attendance, then shows the final roster. */
  private finalisation(sessionId: string): Observable<AttendanceSession> {
    return timer(FINALISATION_POLL_MS, FINALISATION_POLL_MS).pipe(
      exhaustMap(() => this.api.get(sessionId).pipe(catchError(() => EMPTY))),
      takeWhile((session) => session.status === SessionStatus.Closed, true),
      tap((session) => {
        if (session.status !== SessionStatus.Closed) this.changed(session);
      }),
    );
  }

  private requireId(): string {
    if (this.sessionId === null) throw new Error('No session loaded');
    return this.sessionId;
  }
}
