import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { AttemptAnswer, SaveAnswerRequest } from '@thuchoc/assessments/contracts';
import { toProblem } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/** An answer's body without its sequence number, which is given when it is sent. */
export type AnswerBody = Omit<SaveAnswerRequest, 'seq'>;

/** What the autosave indicator shows. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** A network or server failure: the answers stay queued and are sent again after a pause. */
  | { kind: 'retrying' }
  /** The server refused an answer (not a closed attempt): it is not sent again. */
  | { kind: 'refused'; error: unknown }
  /** The deadline passed (409 `attempt.closed`): nothing more is sent. */
  | { kind: 'closed' };

export interface AnswerSyncOptions {
  send: (questionId: string, request: SaveAnswerRequest) => Observable<AttemptAnswer>;
  /** The next sequence number; called once per request, so a later write always has a higher one. */
  nextSeq: () => number;
  /** A save answered 409 `attempt.closed`. */
  onClosed: () => void;
}

export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;

export const isAttemptClosed = (error: unknown) => toProblem(error).code === 'attempt.closed';

/** Failures worth trying again: no answer at all, a timeout, throttling, a server error. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Autosaves an attempt's answers, one question at a time on the wire: while a
 * question's save is in flight, a newer answer waits and goes next, so the
 * server always ends with the latest one (and its `seq` rule drops anything
 * older anyway). Text is debounced; `flush()` sends everything at once. The
 * page shows its own drafts, never the server's echo, so a late answer can
 * never roll the screen back. Network failures keep the answers queued and
 * retry with a growing pause.
 */
export class AnswerSync {
  private readonly pending = new Map<string, AnswerBody>();
  private readonly debounces = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private savedAt: string | null = null;
  private refusal: unknown = null;
  private isClosed = false;
  private waiters: (() => void)[] = [];
  private readonly current = signal<SaveState>({ kind: 'idle' });

  readonly state = this.current.asReadonly();

  constructor(private readonly options: AnswerSyncOptions) {}

  /** Queues an answer; sent after `debounceMs` (0: at once), replacing any answer of the question not yet sent. */
  queue(questionId: string, body: AnswerBody, debounceMs = 0): void {
    if (this.isClosed) return;
    this.pending.set(questionId, body);
    this.refusal = null;
    clearTimeout(this.debounces.get(questionId));
    this.debounces.delete(questionId);
    if (debounceMs > 0) {
      this.debounces.set(
        questionId,
        setTimeout(() => {
          this.debounces.delete(questionId);
          this.send(questionId);
        }, debounceMs),
      );
    } else {
      this.send(questionId);
    }
    this.update();
  }

  /** Sends every queued answer now (a blur, the next question, the submit), even one waiting for a retry. */
  flush(): void {
    for (const timer of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    for (const questionId of [...this.pending.keys()]) this.send(questionId);
    this.update();
  }

  /** Whether answers are still waiting to be sent or on the wire. */
  hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inFlight.size > 0;
  }

  /** Flushes, then resolves once nothing is waiting or on the wire (or the attempt closed). */
  settle(): Promise<void> {
    this.flush();
    if (!this.hasUnsaved() || this.isClosed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Stops: nothing more is queued or sent and timers are cleared. Requests on
   * the wire are left to finish, so answers flushed as the page closes still land.
   */
  dispose(): void {
    this.isClosed = true;
    for (const timer of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pending.clear();
    this.update();
  }

  private send(questionId: string): void {
    if (this.isClosed || this.inFlight.has(questionId) || this.debounces.has(questionId)) return;
    const body = this.pending.get(questionId);
    if (body === undefined) return;
    this.pending.delete(questionId);
    const request = { ...body, seq: this.options.nextSeq() };
    this.inFlight.add(questionId);
    this.options.send(questionId, request).subscribe({
      next: (answer) => this.onSaved(questionId, answer),
      error: (error: unknown) => this.onFailed(questionId, body, error),
    });
    this.update();
  }

  private onSaved(questionId: string, answer: AttemptAnswer): void {
    this.inFlight.delete(questionId);
    this.failures = 0;
    if (this.savedAt === null || answer.savedAt > this.savedAt) this.savedAt = answer.savedAt;
    // A newer answer typed meanwhile goes now (unless it is still being typed).
    this.send(questionId);
    this.update();
  }

  private onFailed(questionId: string, body: AnswerBody, error: unknown): void {
    this.inFlight.delete(questionId);
    if (isAttemptClosed(error)) {
      this.dispose();
      this.options.onClosed();
      return;
    }
    if (isRetryable(error)) {
      // Put it back unless the learner has answered the question again meanwhile.
      if (!this.pending.has(questionId)) this.pending.set(questionId, body);
      this.scheduleRetry();
    } else {
      this.refusal = error;
      this.send(questionId);
    }
    this.update();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)];
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      for (const questionId of [...this.pending.keys()]) this.send(questionId);
      this.update();
    }, delay);
  }

  private update(): void {
    this.current.set(this.computeState());
    if (!this.hasUnsaved() || this.isClosed) this.release();
  }

  private computeState(): SaveState {
    if (this.isClosed) return { kind: 'closed' };
    if (this.retryTimer !== null) return { kind: 'retrying' };
    if (this.hasUnsaved()) return { kind: 'saving' };
    if (this.refusal !== null) return { kind: 'refused', error: this.refusal };
    return this.savedAt === null ? { kind: 'idle' } : { kind: 'saved', at: this.savedAt };
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
