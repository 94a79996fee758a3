/** Queue carrying ledger sealing jobs. */
export const INTEGRITY_QUEUE = 'integrity';

export enum IntegrityEventType {
  /** A ledger entry was recorded; its chain needs sealing. */
  EntryRecorded = 'integrity.entry-recorded',
  /** Someone asked for a chain to be verified; a job recomputes it and stores the result. */
  VerificationRequested = 'integrity.verification-requested',
}

export interface VerificationRequestedPayload {
  verificationId: string;
}

/** A stored verifier run. `result` is null until the job has run. */
export interface LedgerVerificationRecord {
  id: string;
  chain: string;
  requestedAt: string;
  completedAt: string | null;
  result: ChainVerification | null;
}

export interface EntryRecordedPayload {
  chain: string;
}

/** One append-only ledger entry, with its place in the chain once sealed. */
export interface LedgerEntryResponse {
  id: string;
  chain: string;
  type: string;
  subjectIds: Record<string, string>;
  actorId: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  recordedAt: string;
  /** Position in the chain; null until the sealing job has chained it. */
  seq: number | null;
  hash: string | null;
}

export enum ChainBreak {
  /** The entry's content no longer matches the hash sealed for it. */
  ContentChanged = 'content-changed',
  /** The seal does not point at the previous seal's hash. */
  LinkBroken = 'link-broken',
  /** A position in the chain is missing. */
  SequenceGap = 'sequence-gap',
}

export interface ChainVerification {
  chain: string;
  sealedEntries: number;
  unsealedEntries: number;
  isIntact: boolean;
  /** The first entry from which the chain cannot be trusted, when broken. */
  firstBrokenEntryId: string | null;
  firstBrokenSeq: number | null;
  breakKind: ChainBreak | null;
  verifiedAt: string;
}
