import { Injectable } from '@nestjs/common';
import { AttendanceLedgerType } from '@thuchoc/attendance/contracts';
import { Principal, ScopeService } from '@thuchoc/identity/api';
import { IntegrityFlagKind } from '@thuchoc/integrity/contracts';
import { conflict, notFound } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceLedger } from '../ledger/attendance-ledger';
import { FlagListQueryDto } from './dto/integrity-flag-requests.dto';
import { INTEGRITY_FLAG_SELECT, IntegrityFlagRow } from './integrity-flag-row';

export interface NewIntegrityFlag {
  kind: IntegrityFlagKind;
  classId: string;
  sessionId: string | null;
  userIds: readonly string[];
  details: Record<string, unknown>;
  /** Raising the same flag twice (a retried job, a repeated attempt) keeps one: same key, one row. */
  dedupeKey: string | null;
  raisedBy: string | null;
}

/**
 * Integrity flags: facts that make an attendance record doubtful. Raising one
 * is an INSERT in the caller's transaction plus its ledger entry; the flag's
 * scope is the class's owner unit, so the centre that runs the class sees it.
 */
@Injectable()
export class IntegrityFlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: AttendanceLedger,
    private readonly scopes: ScopeService,
  ) {
    scopes.registerResolver('integrity-flag', async (id) => {
      const rows: { scope_unit_id: string }[] = await dataSource.query(
        'SELECT scope_unit_id FROM integrity_flags WHERE id = $1',
        [id],
      );
      return rows[0]?.scope_unit_id ?? null;
    });
  }

  /** The new flag's id, or null when a flag with the same dedupe key exists already. */
  async raise(manager: EntityManager, flag: NewIntegrityFlag): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO integrity_flags (kind, scope_unit_id, class_id, session_id, user_ids, details, dedupe_key, raised_by)
       SELECT $1, c.owner_unit_id, c.id, $3, $4::uuid[], $5, $6, $7 FROM classes c WHERE c.id = $2
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        flag.kind,
        flag.classId,
        flag.sessionId,
        flag.userIds,
        JSON.stringify(flag.details),
        flag.dedupeKey,
        flag.raisedBy,
      ],
    );
    const id = rows[0]?.id ?? null;
    if (id === null) return null;
    await this.ledger.record(manager, flag.classId, {
      type: AttendanceLedgerType.FlagRaised,
      actorId: flag.raisedBy,
      subjectIds: { flag: id, ...(flag.sessionId ? { session: flag.sessionId } : {}) },
      payload: { kind: flag.kind, userIds: [...flag.userIds], ...flag.details },
    });
    return id;
  }

  /** Raises in its own transaction: for flags that must survive the refusal of the request that caused them. */
  async raiseNow(flag: NewIntegrityFlag): Promise<string | null> {
    return this.dataSource.transaction((tx) => this.raise(tx, flag));
  }

  /** Flags in the caller's subtree (everything for admins), newest first. */
  async list(principal: Principal, query: FlagListQueryDto): Promise<Page<IntegrityFlagRow>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    const prefix = await this.scopes.scopePath(principal);
    if (prefix !== null) {
      params.push(prefix);
      where.push(`ou.path LIKE $${params.length} || '%'`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`f.status = $${params.length}`);
    }
    if (query.classId) {
      params.push(query.classId);
      where.push(`f.class_id = $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM integrity_flags f JOIN org_units ou ON ou.id = f.scope_unit_id ${filter}`,
      params,
    );
    const items: IntegrityFlagRow[] = await this.dataSource.query(
      `${INTEGRITY_FLAG_SELECT} ${filter}
        ORDER BY f.raised_at DESC, f.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<IntegrityFlagRow> {
    const rows: IntegrityFlagRow[] = await manager.query(`${INTEGRITY_FLAG_SELECT} WHERE f.id = $1`, [id]);
    if (!rows[0]) throw notFound('integrity-flag.not-found', 'No such integrity flag in your scope.');
    return rows[0];
  }

  /**
   * Closes an open flag with the reason staff give; the scope check is the
   * route's (`@ScopedBy('integrity-flag')`). Only one resolution wins: the
   * UPDATE is conditional on the flag still being open.
   */
  async resolve(principal: Principal, id: string, reason: string): Promise<IntegrityFlagRow> {
    return this.dataSource.transaction(async (tx) => {
      const resolved: { class_id: string | null; session_id: string | null; kind: string }[] = await tx.query(
        // A CTE, so the driver hands back the returned rows rather than an UPDATE's row count.
        `WITH done AS (
           UPDATE integrity_flags SET status = 'resolved', resolved_by = $2, resolution_reason = $3, resolved_at = now()
            WHERE id = $1 AND status = 'open'
           RETURNING class_id, session_id, kind
         )
         SELECT class_id, session_id, kind FROM done`,
        [id, principal.userId, reason],
      );
      const flag = resolved[0];
      if (!flag) throw conflict('integrity-flag.resolved', 'This integrity flag has already been resolved.');
      if (flag.class_id !== null)
        await this.ledger.record(tx, flag.class_id, {
          type: AttendanceLedgerType.FlagResolved,
          actorId: principal.userId,
          reason,
          subjectIds: { flag: id, ...(flag.session_id ? { session: flag.session_id } : {}) },
          payload: { kind: flag.kind },
        });
      return this.get(id, tx);
    });
  }
}
