import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig, REDIS } from '@thuchoc/shared/api-core';
import type { Redis } from 'ioredis';
import { MemoryPresenceStore } from './memory-presence-store';
import { RedisPresenceStore } from './redis-presence-store';

/** What a session's counters are loaded from when the store does not know it (first beat, or after Redis lost its data). */
export interface SessionSeed {
  status: string;
  openedAtMs: number;
  closedAtMs: number | null;
  /** Learners who may beat: the class's active enrollments. */
  roster: readonly string[];
  /** Presence already flushed to PostgreSQL, in seconds. */
  presenceSeconds: ReadonlyMap<string, number>;
}

export type BeatOutcome =
  | { kind: 'counted'; presenceMs: number; pendingCheck: StoredCheck | null }
  | { kind: 'not-live'; status: string }
  | { kind: 'not-enrolled' }
  | { kind: 'unknown-session' };

/** The attention check currently waiting for answers in a session. */
export interface StoredCheck {
  id: string;
  code: string;
  expiresAtMs: number;
}

export interface PresenceSnapshot {
  presenceMs: Map<string, number>;
  lastBeatMs: Map<string, number>;
}

/**
 * The hot path of verified presence: counters per learner per live session.
 * Redis in production (one Lua call per beat, shared by every api process);
 * an in-memory twin in the embedded single-process mode. PostgreSQL holds
 * what the flush copied, so losing the store loses at most one flush interval.
 */
export interface PresenceStore {
  /** Counts the time since this learner's previous beat, if it is at most `maxGapMs`, capped at the live time. */
  beat(sessionId: string, userId: string, nowMs: number, maxGapMs: number): Promise<BeatOutcome>;
  /** (Re)loads a session; keeps counters already present (a concurrent beat wins over a stale seed). */
  load(sessionId: string, seed: SessionSeed): Promise<void>;
  /** Marks the session's status (live → closed stops counting). */
  setStatus(sessionId: string, status: string, closedAtMs: number | null): Promise<void>;
  snapshot(sessionId: string): Promise<PresenceSnapshot>;
  /** Sessions with counters, to flush. */
  activeSessions(): Promise<string[]>;
  /** Replaces the pending attention check: `recipients` must answer it. */
  setCheck(sessionId: string, check: StoredCheck, recipients: readonly string[]): Promise<void>;
  /** True when the learner still owed an answer to this check (and now does not). */
  clearPending(sessionId: string, checkId: string, userId: string): Promise<boolean>;
  /** Forgets the session (after finalisation). */
  drop(sessionId: string): Promise<void>;
}

export const PRESENCE_STORE = Symbol('PRESENCE_STORE');

export const presenceStoreProvider: Provider = {
  provide: PRESENCE_STORE,
  inject: [REDIS, APP_CONFIG],
  useFactory: (redis: Redis | null, config: AppConfig): PresenceStore =>
    redis ? new RedisPresenceStore(redis, `${config.redisPrefix}:presence`) : new MemoryPresenceStore(),
};
