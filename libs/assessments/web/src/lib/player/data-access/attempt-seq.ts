import { AttemptAnswer } from '@thuchoc/assessments/contracts';

const KEY_PREFIX = 'thuchoc.attempt-seq.';

/**
 * The sequence numbers this device gives its autosaves of one attempt. The
 * server keeps a write only if its number is above the stored one, so the
 * numbers must never go backwards: they start above every number the server
 * already holds for the attempt and above the last one this device used,
 * which is kept in localStorage so that a reload continues from there.
 */
export class AttemptSeq {
  private last: number;

  constructor(
    private readonly attemptId: string,
    stored: readonly AttemptAnswer[],
    private readonly storage: Storage | null = safeLocalStorage(),
  ) {
    const kept = Number(this.storage?.getItem(KEY_PREFIX + attemptId) ?? 0);
    this.last = Math.max(Number.isFinite(kept) ? kept : 0, ...stored.map((answer) => answer.seq), 0);
  }

  next(): number {
    this.last += 1;
    try {
      this.storage?.setItem(KEY_PREFIX + this.attemptId, String(this.last));
    } catch {
      // A full or blocked storage only costs the reload guarantee; the stored answers' seqs still count.
    }
    return this.last;
  }

  /** The attempt is over: its counter is no longer needed. */
  forget(): void {
    this.storage?.removeItem(KEY_PREFIX + this.attemptId);
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
