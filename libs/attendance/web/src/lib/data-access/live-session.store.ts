import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  AttentionAnswerResponse,
  CheckInMethod,
  CheckInResponse,
  ExcuseResponse,
  HeartbeatResponse,
  LiveSessionEvent,
  MySessionView,
  PendingAttentionCheck,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { ProblemMessages, RemoteValue } from '@thuchoc/shared/web-core';
import { EMPTY, Observable, distinctUntilChanged, switchMap, tap } from 'rxjs';
import { MyAttendanceApi } from './attendance-api';
import { LiveSessionEvents } from './live-session-events';

/**
 * A learner's live session: checking in, presence from heartbeats, attention
 * checks (pushed as events, or found by a heartbeat when the push is lost)
 * and an excuse when they could not attend.
 */
@Injectable()
export class LiveSessionStore {
  private readonly api = inject(MyAttendanceApi);
  private readonly problems = inject(ProblemMessages);
  private readonly offeredChecks = new Set<string>();

  readonly view = new RemoteValue<MySessionView>();
  readonly session = computed(() => this.view.value()?.session ?? null);
  readonly record = computed(() => this.view.value()?.record ?? null);
  readonly isLive = computed(() => this.session()?.status === SessionStatus.Live);
  readonly isCheckedIn = computed(() => (this.record()?.evidence.checkedInAt ?? null) !== null);
  /** The attention check waiting for the learner's answer. */
  readonly pendingCheck = signal<PendingAttentionCheck | null>(null);
  /** Why the last heartbeat failed; cleared by the next one that gets through. */
  readonly beatError = signal<string | null>(null);

  constructor() {
    const liveSessionId = computed(() => (this.isLive() ? (this.session()?.id ?? null) : null));
    const events = inject(LiveSessionEvents);
    toObservable(liveSessionId)
      .pipe(
        distinctUntilChanged(),
        switchMap((sessionId) => (sessionId === null ? EMPTY : events.watch(sessionId))),
        takeUntilDestroyed(),
      )
      .subscribe((event) => this.onEvent(event));
  }

  load(sessionId: string): void {
    if (this.session()?.id !== sessionId) this.view.reset();
    this.view.load(
      this.api
        .session(sessionId)
        .pipe(
          tap((view) =>
            this.offerCheck(view.session.status === SessionStatus.Live ? view.pendingCheck : null),
          ),
        ),
    );
  }

  /**
   * Checks in, then fetches the view again: a learner who opened the page
   * before the session went live learns here that it is live now.
   */
  checkIn(code: string, method: CheckInMethod.Code | CheckInMethod.Qr): Observable<CheckInResponse> {
    const sessionId = this.requireId();
    return this.api.checkIn(sessionId, { code, method }).pipe(
      tap((answer) => {
        this.view.update((view) => ({
          ...view,
          record: answer.record,
          canCheckIn: false,
          checkInRefusal: null,
        }));
        this.view.load(this.api.session(sessionId));
      }),
    );
  }

  /** One heartbeat; its answer updates the verified presence, the status and any waiting check. */
  beat(): void {
    this.api.heartbeat(this.requireId()).subscribe({
      next: (answer) => this.onHeartbeat(answer),
      error: (error: unknown) => this.beatError.set(this.problems.describe(error).message),
    });
  }

  answer(check: PendingAttentionCheck, code: string): Observable<AttentionAnswerResponse> {
    return this.api.answerAttentionCheck(check.id, code);
  }

  /** The learner's dialog for the check has closed, answered or not. */
  dismissCheck(): void {
    this.pendingCheck.set(null);
  }

  requestExcuse(reason: string, attachment: File | null): Observable<ExcuseResponse> {
    return this.api
      .requestExcuse(this.requireId(), reason, attachment)
      .pipe(tap((excuse) => this.view.update((view) => ({ ...view, excuse, canRequestExcuse: false }))));
  }

  private onHeartbeat(answer: HeartbeatResponse): void {
    this.beatError.set(null);
    this.view.update((view) =>
      view.record === null
        ? view
        : {
            ...view,
            record: {
              ...view.record,
              evidence: { ...view.record.evidence, presenceSeconds: answer.presenceSeconds },
            },
          },
    );
    this.offerCheck(answer.pendingCheck);
    this.statusChanged(answer.sessionStatus);
  }

  private onEvent(event: LiveSessionEvent): void {
    switch (event.type) {
      case 'attention-check':
        this.offerCheck(event.check);
        break;
      case 'session-status':
        this.statusChanged(event.status);
        break;
    }
  }

  /** Each check is offered once, whether it came by push, by heartbeat or both. */
  private offerCheck(check: PendingAttentionCheck | null): void {
    if (check === null || this.offeredChecks.has(check.id)) return;
    this.offeredChecks.add(check.id);
    this.pendingCheck.set(check);
  }

  /**
   * Once the session is no longer live, a waiting check can no longer count
   * and is withdrawn, and the view is fetched again: the excuse and the final
   * status may change.
   */
  private statusChanged(status: SessionStatus): void {
    const session = this.session();
    if (session === null || session.status === status) return;
    this.view.update((view) => ({ ...view, session: { ...view.session, status } }));
    if (status === SessionStatus.Live) return;
    this.pendingCheck.set(null);
    this.view.load(this.api.session(session.id));
  }

  private requireId(): string {
    const session = this.session();
    if (session === null) throw new Error('No session loaded');
    return session.id;
  }
}
