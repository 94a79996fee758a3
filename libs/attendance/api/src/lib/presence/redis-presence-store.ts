import type { Redis } from 'ioredis';
import { BeatOutcome, PresenceSnapshot, PresenceStore, SessionSeed, StoredCheck } from './presence-store';

/** Counters live two days at most: long after any session is finalised and dropped. */
const TTL_SECONDS = 2 * 24 * 3600;
const CHUNK = 5000;

/**
 * One beat, atomically: presenceAfterBeat() in presence-rules.ts, in Lua.
 * KEYS: meta, roster, ms, last, pending. ARGV: userId, nowMs, maxGapMs.
 * Returns {0} unknown session, {2, status} not live, {3} not enrolled,
 * {1, totalMs, checkJson|false} counted.
 */
const BEAT_SCRIPT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {0} end
if status ~= 'live' then return {2, status} end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then return {3} end
local now = tonumber(ARGV[2])
local maxGap = tonumber(ARGV[3])
local opened = tonumber(redis.call('HGET', KEYS[1], 'openedAt'))
local total = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
local last = redis.call('HGET', KEYS[4], ARGV[1])
if last then
  local gap = now - tonumber(last)
  if gap > 0 and gap <= maxGap then total = total + gap end
end
local cap = now - opened
if cap < 0 then cap = 0 end
if total > cap then total = cap end
redis.call('HSET', KEYS[3], ARGV[1], total)
redis.call('HSET', KEYS[4], ARGV[1], now)
local check = redis.call('HGET', KEYS[1], 'check')
if check and redis.call('SISMEMBER', KEYS[5], ARGV[1]) == 1 then return {1, total, check} end
return {1, total}
`;

/** Sets the status of a session the store knows; an unknown one is loaded, with its status, on its next use. */
const STATUS_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'closedAt', ARGV[2])
return 1
`;

type BeatReply = [number, (number | string)?, string?];

export class RedisPresenceStore implements PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('thuchocPresenceBeat', { numberOfKeys: 5, lua: BEAT_SCRIPT });
    redis.defineCommand('thuchocPresenceStatus', { numberOfKeys: 1, lua: STATUS_SCRIPT });
  }

  private get scripts() {
    return this.redis as unknown as {
      thuchocPresenceBeat(...args: (string | number)[]): Promise<BeatReply>;
      thuchocPresenceStatus(...args: (string | number)[]): Promise<number>;
    };
  }

  private keys(sessionId: string) {
    const base = `${this.prefix}:${sessionId}`;
    return {
      meta: `${base}:meta`,
      roster: `${base}:roster`,
      ms: `${base}:ms`,
      last: `${base}:last`,
      pending: `${base}:pending`,
    };
  }

  private get sessionsKey() {
    return `${this.prefix}:sessions`;
  }

  async beat(sessionId: string, userId: string, nowMs: number, maxGapMs: number): Promise<BeatOutcome> {
    const k = this.keys(sessionId);
    const reply = await this.scripts.thuchocPresenceBeat(
      k.meta,
      k.roster,
      k.ms,
      k.last,
      k.pending,
      userId,
      nowMs,
      maxGapMs,
    );
    switch (reply[0]) {
      case 0:
        return { kind: 'unknown-session' };
      case 2:
        return { kind: 'not-live', status: String(reply[1]) };
      case 3:
        return { kind: 'not-enrolled' };
      default: {
        const check = reply[2] ? (JSON.parse(reply[2]) as StoredCheck) : null;
        return {
          kind: 'counted',
          presenceMs: Number(reply[1]),
          pendingCheck: check && check.expiresAtMs > nowMs ? check : null,
        };
      }
    }
  }

  async load(sessionId: string, seed: SessionSeed): Promise<void> {
    const k = this.keys(sessionId);
    // One MULTI: a concurrent beat sees the old state or the whole new one, never a half-loaded roster.
    const tx = this.redis.multi().del(k.roster);
    for (let i = 0; i < seed.roster.length; i += CHUNK) tx.sadd(k.roster, ...seed.roster.slice(i, i + CHUNK));
    for (const [userId, seconds] of seed.presenceSeconds) tx.hsetnx(k.ms, userId, seconds * 1000);
    tx.hset(k.meta, {
      status: seed.status,
      openedAt: seed.openedAtMs,
      closedAt: seed.closedAtMs ?? '',
    });
    for (const key of Object.values(k)) tx.expire(key, TTL_SECONDS);
    tx.sadd(this.sessionsKey, sessionId);
    await tx.exec();
  }

  async setStatus(sessionId: string, status: string, closedAtMs: number | null): Promise<void> {
    await this.scripts.thuchocPresenceStatus(this.keys(sessionId).meta, status, closedAtMs ?? '');
  }

  async snapshot(sessionId: string): Promise<PresenceSnapshot> {
    const k = this.keys(sessionId);
    const [ms, last] = await Promise.all([this.redis.hgetall(k.ms), this.redis.hgetall(k.last)]);
    const toMap = (hash: Record<string, string>) =>
      new Map(Object.entries(hash).map(([userId, value]) => [userId, Number(value)]));
    return { presenceMs: toMap(ms), lastBeatMs: toMap(last) };
  }

  async activeSessions(): Promise<string[]> {
    return this.redis.smembers(this.sessionsKey);
  }

  async setCheck(sessionId: string, check: StoredCheck, recipients: readonly string[]): Promise<void> {
    const k = this.keys(sessionId);
    const tx = this.redis.multi().del(k.pending);
    for (let i = 0; i < recipients.length; i += CHUNK) tx.sadd(k.pending, ...recipients.slice(i, i + CHUNK));
    tx.hset(k.meta, 'check', JSON.stringify(check)).expire(k.pending, TTL_SECONDS);
    await tx.exec();
  }

  async clearPending(sessionId: string, checkId: string, userId: string): Promise<boolean> {
    const k = this.keys(sessionId);
    const current = await this.redis.hget(k.meta, 'check');
    if (!current || (JSON.parse(current) as StoredCheck).id !== checkId) return false;
    return (await this.redis.srem(k.pending, userId)) === 1;
  }

  async drop(sessionId: string): Promise<void> {
    const k = this.keys(sessionId);
    await this.redis
      .multi()
      .del(...Object.values(k))
      .srem(this.sessionsKey, sessionId)
      .exec();
  }
}
