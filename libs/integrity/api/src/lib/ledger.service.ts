import { Injectable } from '@nestjs/common';
import { OutboxService } from '@thuchoc/shared/api-core';
import {
  ChainBreak,
  ChainVerification,
  INTEGRITY_QUEUE,
  IntegrityEventType,
  LedgerEntryResponse,
  LedgerVerificationRecord,
} from '@thuchoc/integrity/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH, HashedEntry, sealHash } from './ledger-hash';

/** What a domain records: who did what to which subjects, and why. */
export interface NewLedgerEntry {
  /** The chain the entry belongs to, e.g. `class:<id>`: one hash chain per chain key. */
  chain: string;
  type: string;
  subjectIds?: Record<string, string>;
  actorId: string | null;
  reason?: string | null;
  payload?: Record<string, unknown>;
}

interface EntryRow {
  id: string;
  chain: string;
  type: string;
  subject_ids: Record<string, string>;
  actor_id: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  recorded_at: string;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

// Microsecond timestamps in UTC, so the hash covers exactly what is stored.
const ENTRY_COLUMNS = `e.id, e.chain, e.type, e.subject_ids, e.actor_id, e.reason, e.payload,
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at`;

const SEAL_BATCH = 1000;

const hashed = (row: EntryRow): HashedEntry => ({
  id: row.id,
  chain: row.chain,
  type: row.type,
  subjectIds: row.subject_ids,
  actorId: row.actor_id,
  reason: row.reason,
  payload: row.payload,
  recordedAt: row.recorded_at,
});

/**
 * The integrity ledger. Recording is one INSERT in the caller's transaction
 * (plus its outbox event), so concurrent writers never wait on a chain head;
 * a sealing job then chains the chain's new entries in order.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async record(manager: EntityManager, entry: NewLedgerEntry): Promise<string> {
    const [id] = await this.recordMany(manager, [entry]);
    return id;
  }

  /**
   * Records many entries with one INSERT and one sealing event per chain, in
   * the given order: what bulk work (an enrollment import) needs to stay fast.
   */
  async recordMany(manager: EntityManager, entries: readonly NewLedgerEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO ledger_entries (chain, type, subject_ids, actor_id, reason, payload)
       SELECT x.e->>'chain', x.e->>'type', x.e->'subject_ids', (x.e->>'actor_id')::uuid, x.e->>'reason',
              x.e->'payload'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, ord)
        ORDER BY x.ord
       RETURNING id`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            chain: entry.chain,
            type: entry.type,
            subject_ids: entry.subjectIds ?? {},
            actor_id: entry.actorId,
            reason: entry.reason ?? null,
            payload: entry.payload ?? {},
          })),
        ),
      ],
    );
    for (const chain of new Set(entries.map((entry) => entry.chain))) {
      await this.outbox.publish(manager, {
        type: IntegrityEventType.EntryRecorded,
        queue: INTEGRITY_QUEUE,
        payload: { chain },
      });
    }
    return rows.map((row) => row.id);
  }

  /** Queues a verifier run over the chain; the job stores its result on the returned record. */
  async requestVerification(chain: string, actorId: string | null): Promise<LedgerVerificationRecord> {
    const id = await this.dataSource.transaction(async (tx) => {
      const rows: { id: string }[] = await tx.query(
        'INSERT INTO ledger_verifications (chain, requested_by) VALUES ($1, $2) RETURNING id',
        [chain, actorId],
      );
      await this.outbox.publish(tx, {
        type: IntegrityEventType.VerificationRequested,
        queue: INTEGRITY_QUEUE,
        payload: { verificationId: rows[0].id },
      });
      return rows[0].id;
    });
    return (await this.verification(id)) as LedgerVerificationRecord;
  }

  /** Runs a queued verification and stores the result. A second run of the same job changes nothing. */
  async runVerification(id: string): Promise<void> {
    const record = await this.verification(id);
    if (!record || record.result) return;
    const result = await this.verify(record.chain);
    await this.dataSource.query(
      `UPDATE ledger_verifications SET result = $2, completed_at = now() WHERE id = $1 AND result IS NULL`,
      [id, JSON.stringify(result)],
    );
  }

  async verification(id: string): Promise<LedgerVerificationRecord | null> {
    const rows: {
      id: string;
      chain: string;
      requested_at: Date;
      completed_at: Date | null;
      result: ChainVerification | null;
    }[] = await this.dataSource.query(
      'SELECT id, chain, requested_at, completed_at, result FROM ledger_verifications WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      chain: row.chain,
      requestedAt: row.requested_at.toISOString(),
      completedAt: row.completed_at?.toISOString() ?? null,
      result: row.result,
    };
  }

  /** Chains every unsealed entry of the chain, in recording order. Safe to run twice or concurrently. */
  async seal(chain: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger:${chain}`]);
      const [head]: { seq: number; hash: string }[] = await tx.query(
        'SELECT seq, hash FROM ledger_seals WHERE chain = $1 ORDER BY seq DESC LIMIT 1',
        [chain],
      );
      const pending: EntryRow[] = await tx.query(
        `SELECT ${ENTRY_COLUMNS} FROM ledger_entries e
          WHERE e.chain = $1 AND NOT EXISTS (SELECT 1 FROM ledger_seals s WHERE s.entry_id = e.id)
          ORDER BY e.position`,
        [chain],
      );
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const seals: { entry_id: string; seq: number; prev_hash: string; hash: string }[] = [];
      for (const row of pending) {
        seq += 1;
        const hash = sealHash(hashed(row), seq, prevHash);
        seals.push({ entry_id: row.id, seq, prev_hash: prevHash, hash });
        prevHash = hash;
      }
      // One INSERT per thousand seals: a 50,000-row import seals in seconds, not minutes.
      for (let start = 0; start < seals.length; start += SEAL_BATCH) {
        await tx.query(
          `INSERT INTO ledger_seals (entry_id, chain, seq, prev_hash, hash)
           SELECT s.entry_id, $1, s.seq, s.prev_hash, s.hash
             FROM jsonb_to_recordset($2::jsonb) AS s(entry_id uuid, seq integer, prev_hash text, hash text)`,
          [chain, JSON.stringify(seals.slice(start, start + SEAL_BATCH))],
        );
      }
      return pending.length;
    });
  }

  /** The chain's entries, sealed ones in chain order, then those still waiting for their seal. */
  async entries(chain: string): Promise<LedgerEntryResponse[]> {
    const rows = await this.rows(chain);
    return rows.map((row) => ({ ...hashed(row), seq: row.seq, hash: row.hash }));
  }

  /** Recomputes the chain and names the first entry that no longer matches. */
  async verify(chain: string): Promise<ChainVerification> {
    const rows = await this.rows(chain);
    const sealed = rows.filter((row) => row.seq !== null);
    let broken: { row: EntryRow; kind: ChainBreak } | null = null;
    let prevHash = GENESIS_HASH;
    for (const [index, row] of sealed.entries()) {
      if (row.seq !== index + 1) broken = { row, kind: ChainBreak.SequenceGap };
      else if (row.prev_hash !== prevHash) broken = { row, kind: ChainBreak.LinkBroken };
      else if (sealHash(hashed(row), row.seq, prevHash) !== row.hash)
        broken = { row, kind: ChainBreak.ContentChanged };
      if (broken) break;
      prevHash = row.hash as string;
    }
    return {
      chain,
      sealedEntries: sealed.length,
      unsealedEntries: rows.length - sealed.length,
      isIntact: broken === null,
      firstBrokenEntryId: broken?.row.id ?? null,
      firstBrokenSeq: broken?.row.seq ?? null,
      breakKind: broken?.kind ?? null,
      verifiedAt: new Date().toISOString(),
    };
  }

  private rows(chain: string): Promise<EntryRow[]> {
    return this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS}, s.seq, s.prev_hash, s.hash
         FROM ledger_entries e LEFT JOIN ledger_seals s ON s.entry_id = e.id
        WHERE e.chain = $1
        ORDER BY s.seq NULLS LAST, e.position`,
      [chain],
    );
  }
}
