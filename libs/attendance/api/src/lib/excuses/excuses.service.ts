import { Injectable } from '@nestjs/common';
import {
  ATTENDANCE_QUEUE,
  AbsencesChangedPayload,
  AttendanceEventType,
  AttendanceLedgerType,
  ExcuseResponse,
  ExcuseStatus,
} from '@thuchoc/attendance/contracts';
import { isAdmin, Principal, ScopeService } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { conflict, notFound, OutboxService } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AttendanceLedger } from '../ledger/attendance-ledger';
import { SessionAccess } from '../sessions/session-access';
import { policyOf } from '../sessions/session-facts';
import { DecideExcuseDto, ExcuseListQueryDto } from './dto/excuse-requests.dto';
import { checkExcuseAttachment, ExcuseFile, UploadedAttachment } from './excuse-attachment';
import { EXCUSE_SELECT, ExcuseRow, toExcuseResponse } from './excuse-row';
import { isExcuseWindowOpen } from './excuse-window';

const NOT_FOUND = () => notFound('attendance-excuse.not-found', 'No such excuse in your scope.');

/**
 * Learners' excuses for sessions and the staff's decisions on them. An
 * approval makes the learner's attendance for the session `excused` in the
 * same transaction; every submission and decision goes on the class's ledger.
 */
@Injectable()
export class ExcusesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SessionAccess,
    private readonly scopes: ScopeService,
    private readonly ledger: AttendanceLedger,
    private readonly outbox: OutboxService,
  ) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<ExcuseRow> {
    const rows: ExcuseRow[] = await manager.query(`${EXCUSE_SELECT} WHERE x.id = $1`, [id]);
    if (!rows[0]) throw NOT_FOUND();
    return rows[0];
  }

  /**
   * A learner's excuse for a session of a class they are in, until the
   * policy's deadline after the session. One pending or approved excuse per
   * session: the partial unique index decides, not a read before the write.
   */
  async submit(
    userId: string,
    sessionId: string,
    reason: string,
    file: UploadedAttachment | undefined,
  ): Promise<ExcuseRow> {
    const session = await this.access.forLearner(userId, sessionId);
    const attachment = checkExcuseAttachment(file);
    if (!isExcuseWindowOpen(session.ends_at, policyOf(session.attendance_policy), new Date()))
      throw conflict('attendance.excuse-window-closed', 'Excuses for this session are no longer accepted.');
    const summary = attachment && {
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      sizeBytes: attachment.bytes.length,
    };
    let id: string;
    try {
      id = await this.dataSource.transaction(async (tx) => {
        const [inserted]: { id: string }[] = await tx.query(
          `INSERT INTO attendance_excuses (session_id, class_id, user_id, reason, attachment, attachment_name,
                                           attachment_type, attachment_size)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            session.id,
            session.class_id,
            userId,
            reason,
            attachment?.bytes ?? null,
            summary?.fileName ?? null,
            summary?.contentType ?? null,
            summary?.sizeBytes ?? null,
          ],
        );
        await this.ledger.record(tx, session.class_id, {
          type: AttendanceLedgerType.ExcuseSubmitted,
          actorId: userId,
          reason,
          subjectIds: { excuse: inserted.id, session: session.id, userId },
          payload: { attachment: summary },
        });
        return inserted.id;
      });
    } catch (error) {
      if (isLiveExcuseClash(error))
        throw conflict(
          'attendance.excuse-exists',
          'An excuse for this session is already pending or approved.',
        );
      throw error;
    }
    return this.get(id);
  }

  /** The learner's latest excuse for each of these sessions, as the learner sees it, by session id. */
  async latestForLearner(
    userId: string,
    sessionIds: readonly string[],
  ): Promise<Map<string, ExcuseResponse>> {
    if (sessionIds.length === 0) return new Map();
    const rows: ExcuseRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (latest.session_id) latest.* FROM (${EXCUSE_SELECT}
          WHERE x.user_id = $1 AND x.session_id = ANY($2::uuid[])) latest
        ORDER BY latest.session_id, latest.submitted_at DESC, latest.id`,
      [userId, sessionIds],
    );
    return new Map(rows.map((row) => [row.session_id, toExcuseResponse(row, 'learner')]));
  }

  /**
   * Excuses the caller may decide or read: admins all, centre staff and
   * auditors those of classes owned in their subtree, lecturers those of the
   * classes they teach. Pending first, then newest; newest first within a status.
   */
  async list(principal: Principal, query: ExcuseListQueryDto): Promise<Page<ExcuseRow>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    if (!isAdmin(principal)) {
      const reach: string[] = [];
      if (principal.roles.includes(Role.CentreStaff) || principal.roles.includes(Role.Auditor)) {
        params.push(await this.scopes.scopePath(principal));
        reach.push(
          `c.owner_unit_id IN (SELECT ou.id FROM org_units ou WHERE ou.path LIKE $${params.length} || '%')`,
        );
      }
      if (principal.roles.includes(Role.Lecturer)) {
        params.push(principal.userId);
        reach.push(
          `EXISTS (SELECT 1 FROM class_lecturers cl WHERE cl.class_id = x.class_id AND cl.user_id = $${params.length})`,
        );
      }
      where.push(reach.length > 0 ? `(${reach.join(' OR ')})` : 'false');
    }
    if (query.status) {
      params.push(query.status);
      where.push(`x.status = $${params.length}`);
    }
    if (query.classId) {
      params.push(query.classId);
      where.push(`x.class_id = $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const order = query.status ? '' : `x.status <> 'pending', `;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM attendance_excuses x JOIN classes c ON c.id = x.class_id ${filter}`,
      params,
    );
    const items: ExcuseRow[] = await this.dataSource.query(
      `${EXCUSE_SELECT} ${filter}
        ORDER BY ${order}x.submitted_at DESC, x.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total, page, pageSize };
  }

  /**
   * Approves or rejects a pending excuse, once: the UPDATE is conditional on
   * it still being pending. An approval marks the session `excused` for the
   * learner; after finalisation it also has the absence warnings recomputed.
   */
  async decide(principal: Principal, id: string, dto: DecideExcuseDto): Promise<ExcuseRow> {
    const excuse = await this.get(id);
    await this.access.assertClass(
      principal,
      excuse.class_id,
      excuse.owner_unit_id,
      'run',
      'attendance-excuse.not-found',
    );
    const isApproved = dto.decision === ExcuseStatus.Approved;
    await this.dataSource.transaction(async (tx) => {
      const decided: { is_finalised: boolean }[] = await tx.query(
        // A CTE, so the driver hands back the returned rows rather than an UPDATE's row count.
        `WITH done AS (
           UPDATE attendance_excuses SET status = $2, decided_by = $3, decision_reason = $4, decided_at = now()
            WHERE id = $1 AND status = 'pending'
           RETURNING session_id
         )
         SELECT s.finalised_at IS NOT NULL AS is_finalised FROM done JOIN class_sessions s ON s.id = done.session_id`,
        [id, dto.decision, principal.userId, dto.reason],
      );
      if (!decided[0]) throw conflict('attendance.excuse-decided', 'This excuse has already been decided.');
      if (isApproved) await this.markExcused(tx, excuse, principal.userId, dto.reason);
      await this.ledger.record(tx, excuse.class_id, {
        type: AttendanceLedgerType.ExcuseDecided,
        actorId: principal.userId,
        reason: dto.reason,
        subjectIds: { excuse: id, session: excuse.session_id, userId: excuse.user_id },
        payload: { decision: dto.decision },
      });
      if (isApproved && decided[0].is_finalised) {
        const payload: AbsencesChangedPayload = { classId: excuse.class_id, userIds: [excuse.user_id] };
        await this.outbox.publish(tx, {
          type: AttendanceEventType.AbsencesChanged,
          queue: ATTENDANCE_QUEUE,
          payload: { ...payload },
        });
      }
    });
    return this.get(id);
  }

  /** The attachment of the learner's own excuse. */
  async learnerAttachment(userId: string, id: string): Promise<ExcuseFile> {
    return this.file(id, userId);
  }

  /** The attachment, for whoever may read the excuse's class. */
  async staffAttachment(principal: Principal, id: string): Promise<ExcuseFile> {
    const excuse = await this.get(id);
    await this.access.assertClass(
      principal,
      excuse.class_id,
      excuse.owner_unit_id,
      'read',
      'attendance-excuse.not-found',
    );
    return this.file(id, null);
  }

  /**
   * The learner's attendance for the session becomes `excused`, whether or
   * not it was recorded yet; the evidence already gathered is kept. A record
   * created after finalisation is born finalised, so it counts like the others.
   */
  private async markExcused(
    tx: EntityManager,
    excuse: ExcuseRow,
    deciderId: string,
    reason: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO attendance_records (session_id, user_id, class_id, status, reason, marked_by, marked_at, finalised_at)
       SELECT s.id, $2, s.class_id, 'excused', $3, $4, now(), s.finalised_at FROM class_sessions s WHERE s.id = $1
       ON CONFLICT (session_id, user_id) DO UPDATE
         SET status = 'excused', reason = EXCLUDED.reason, marked_by = EXCLUDED.marked_by,
             marked_at = EXCLUDED.marked_at`,
      [excuse.session_id, excuse.user_id, reason, deciderId],
    );
  }

  private async file(id: string, ownerId: string | null): Promise<ExcuseFile> {
    const rows: { attachment: Buffer; attachment_name: string; attachment_type: string }[] =
      await this.dataSource.query(
        `SELECT attachment, attachment_name, attachment_type FROM attendance_excuses
          WHERE id = $1 AND attachment IS NOT NULL AND ($2::uuid IS NULL OR user_id = $2)`,
        [id, ownerId],
      );
    const row = rows[0];
    if (!row) throw NOT_FOUND();
    return { fileName: row.attachment_name, contentType: row.attachment_type, bytes: row.attachment };
  }
}

function isLiveExcuseClash(error: unknown): boolean {
  const driverError = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
    .driverError;
  return (
    error instanceof QueryFailedError &&
    driverError?.code === '23505' &&
    driverError.constraint === 'attendance_excuses_live_key'
  );
}
