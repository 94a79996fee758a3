import { createHash } from 'node:crypto';
import { LedgerEntryResponse } from '@thuchoc/integrity/contracts';
import { stringify } from 'safe-stable-stringify';

/** The previous hash of the first seal of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The content of an entry as it is hashed: every field that matters, timestamps to the microsecond. */
export type HashedEntry = Omit<LedgerEntryResponse, 'seq' | 'hash'>;

/**
 * SHA-256 over the canonical JSON (sorted keys) of the entry, its position and
 * the previous hash: changing any field of any sealed entry, or reordering,
 * breaks every hash from that entry on.
 */
export function sealHash(entry: HashedEntry, seq: number, prevHash: string): string {
  return createHash('sha256')
    .update(stringify({ entry, seq, prevHash }) ?? '')
    .digest('hex');
}
