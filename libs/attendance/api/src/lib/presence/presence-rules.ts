/** Presence counting, shared by both stores (the Redis Lua script mirrors it line for line). */
export interface BeatState {
  status: string;
  openedAtMs: number;
  closedAtMs: number | null;
}

/**
 * A learner's presence after a beat: the gap since their previous beat counts
 * if it is at most `maxGapMs` (a longer gap means they were away), and the
 * total never exceeds the session's live time.
 */
export function presenceAfterBeat(
  session: BeatState,
  totalMs: number,
  lastBeatMs: number | null,
  nowMs: number,
  maxGapMs: number,
): number {
  let total = totalMs;
  if (lastBeatMs !== null) {
    const gap = nowMs - lastBeatMs;
    if (gap > 0 && gap <= maxGapMs) total += gap;
  }
  const cap = Math.max(0, (session.closedAtMs ?? nowMs) - session.openedAtMs);
  return Math.min(total, cap);
}
