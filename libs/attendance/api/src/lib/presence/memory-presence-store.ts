import { presenceAfterBeat } from './presence-rules';
import { BeatOutcome, PresenceSnapshot, PresenceStore, SessionSeed, StoredCheck } from './presence-store';

interface SessionCounters {
  status: string;
  openedAtMs: number;
  closedAtMs: number | null;
  roster: Set<string>;
  presenceMs: Map<string, number>;
  lastBeatMs: Map<string, number>;
  check: StoredCheck | null;
  pending: Set<string>;
}

/** The embedded mode's presence store: one process, so a Map is the shared state. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly sessions = new Map<string, SessionCounters>();

  async beat(sessionId: string, userId: string, nowMs: number, maxGapMs: number): Promise<BeatOutcome> {
    const s = this.sessions.get(sessionId);
    if (!s) return { kind: 'unknown-session' };
    if (s.status !== 'live') return { kind: 'not-live', status: s.status };
    if (!s.roster.has(userId)) return { kind: 'not-enrolled' };
    const total = presenceAfterBeat(
      s,
      s.presenceMs.get(userId) ?? 0,
      s.lastBeatMs.get(userId) ?? null,
      nowMs,
      maxGapMs,
    );
    s.presenceMs.set(userId, total);
    s.lastBeatMs.set(userId, nowMs);
    const pendingCheck = s.check && s.check.expiresAtMs > nowMs && s.pending.has(userId) ? s.check : null;
    return { kind: 'counted', presenceMs: total, pendingCheck };
  }

  async load(sessionId: string, seed: SessionSeed): Promise<void> {
    const existing = this.sessions.get(sessionId);
    const presenceMs = existing?.presenceMs ?? new Map<string, number>();
    for (const [userId, seconds] of seed.presenceSeconds)
      if (!presenceMs.has(userId)) presenceMs.set(userId, seconds * 1000);
    this.sessions.set(sessionId, {
      status: seed.status,
      openedAtMs: seed.openedAtMs,
      closedAtMs: seed.closedAtMs,
      roster: new Set(seed.roster),
      presenceMs,
      lastBeatMs: existing?.lastBeatMs ?? new Map(),
      check: existing?.check ?? null,
      pending: existing?.pending ?? new Set(),
    });
  }

  async setStatus(sessionId: string, status: string, closedAtMs: number | null): Promise<void> {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    s.status = status;
    s.closedAtMs = closedAtMs;
  }

  async snapshot(sessionId: string): Promise<PresenceSnapshot> {
    const s = this.sessions.get(sessionId);
    return { presenceMs: new Map(s?.presenceMs ?? []), lastBeatMs: new Map(s?.lastBeatMs ?? []) };
  }

  async activeSessions(): Promise<string[]> {
    return [...this.sessions.keys()];
  }

  async setCheck(sessionId: string, check: StoredCheck, recipients: readonly string[]): Promise<void> {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    s.check = check;
    s.pending = new Set(recipients);
  }

  async clearPending(sessionId: string, checkId: string, userId: string): Promise<boolean> {
    const s = this.sessions.get(sessionId);
    if (!s || s.check?.id !== checkId) return false;
    return s.pending.delete(userId);
  }

  async drop(sessionId: string): Promise<void> {
    this.sessions.delete(sessionId);
  }
}
