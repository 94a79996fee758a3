import { Injectable } from '@nestjs/common';
import {
  ClassLedgerType,
  OpeningApprovalResponse,
  OpeningApprovalStatus,
  OpeningException,
} from '@thuchoc/classes/contracts';
import { isAdmin, Principal, ScopeService } from '@thuchoc/identity/api';
import { conflict, forbidden, notFound } from '@thuchoc/shared/api-core';
import { DataSource, EntityManager } from 'typeorm';
import { ClassAccess, LockedClass } from '../classes/class-access';
import { OpeningFacts } from '../classes/class-rules';
import { ClassOpening } from '../classes/class-opening';
import { ClassLedger } from '../history/class-ledger';

interface ApprovalRow {
  id: string;
  class_id: string;
  class_code: string;
  class_title: string;
  owner_unit_name: string;
  status: OpeningApprovalStatus;
  exceptions: OpeningException[];
  active_count: number;
  min_size: number;
  outside_target_count: number;
  requested_by: string;
  requested_by_name: string;
  request_reason: string;
  requested_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  decided_at: Date | null;
}

const APPROVAL_SELECT = `
  SELECT a.id, a.class_id, c.code AS class_code, c.title AS class_title, ou.name AS owner_unit_name, a.status,
         a.exceptions, a.active_count, a.min_size, a.outside_target_count, a.requested_by,
         rq.full_name AS requested_by_name, a.request_reason, a.requested_at, a.decided_by,
         dc.full_name AS decided_by_name, a.decision_reason, a.decided_at
    FROM opening_approvals a
    JOIN classes c ON c.id = a.class_id
    JOIN org_units ou ON ou.id = c.owner_unit_id
    JOIN users rq ON rq.id = a.requested_by
    LEFT JOIN users dc ON dc.id = a.decided_by`;

function toApprovalResponse(row: ApprovalRow): OpeningApprovalResponse {
  return {
    id: row.id,
    classId: row.class_id,
    classCode: row.class_code,
    classTitle: row.class_title,
    ownerUnitName: row.owner_unit_name,
    status: row.status,
    exceptions: row.exceptions,
    activeCount: row.active_count,
    minSize: row.min_size,
    outsideTargetCount: row.outside_target_count,
    requestedBy: { userId: row.requested_by, fullName: row.requested_by_name },
    requestReason: row.request_reason,
    requestedAt: row.requested_at.toISOString(),
    decidedBy: row.decided_by ? { userId: row.decided_by, fullName: row.decided_by_name ?? '' } : null,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}

/**
 * Opening a class below its minimum size, or with learners from outside its
 * target unit, is an exception to the plan: staff of a unit above the class's
 * centre must approve it, with a reason, and never the person who asked.
 */
@Injectable()
export class OpeningApprovalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly access: ClassAccess,
    private readonly ledger: ClassLedger,
    private readonly opening: ClassOpening,
  ) {
    scopes.registerResolver('opening-approval', async (id) => {
      const rows: { owner_unit_id: string }[] = await dataSource.query(
        `SELECT c.owner_unit_id FROM opening_approvals a JOIN classes c ON c.id = a.class_id WHERE a.id = $1`,
        [id],
      );
      return rows[0]?.owner_unit_id ?? null;
    });
  }

  async request(
    manager: EntityManager,
    klass: LockedClass,
    actorId: string,
    reason: string,
    exceptions: OpeningException[],
    facts: OpeningFacts,
  ): Promise<string> {
    const pending: unknown[] = await manager.query(
      `SELECT 1 FROM opening_approvals WHERE class_id = $1 AND status = 'pending'`,
      [klass.id],
    );
    if (pending.length > 0)
      throw conflict(
        'approval.already-pending',
        'An opening request for this class already waits for approval.',
      );
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO opening_approvals (class_id, exceptions, active_count, outside_target_count, min_size,
                                      requested_by, request_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [klass.id, exceptions, facts.activeCount, facts.outsideTargetCount, facts.minSize, actorId, reason],
    );
    await this.ledger.record(manager, klass.id, {
      type: ClassLedgerType.OpeningRequested,
      actorId,
      reason,
      subjectIds: { approvalId: id },
      payload: { exceptions, ...facts },
    });
    return id;
  }

  async get(id: string): Promise<OpeningApprovalResponse> {
    const rows: ApprovalRow[] = await this.dataSource.query(`${APPROVAL_SELECT} WHERE a.id = $1`, [id]);
    if (!rows[0]) throw notFound('opening-approval.not-found', 'No such approval request in your scope.');
    return toApprovalResponse(rows[0]);
  }

  /** Requests for classes in the caller's subtree, pending first, newest first. */
  async list(principal: Principal, status?: OpeningApprovalStatus): Promise<OpeningApprovalResponse[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const prefix = await this.scopes.scopePath(principal);
    if (prefix !== null) {
      params.push(prefix);
      where.push(`ou.path LIKE $${params.length} || '%'`);
    }
    if (status) {
      params.push(status);
      where.push(`a.status = $${params.length}`);
    }
    const rows: ApprovalRow[] = await this.dataSource.query(
      `${APPROVAL_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY (a.status = 'pending') DESC, a.requested_at DESC LIMIT 200`,
      params,
    );
    return rows.map(toApprovalResponse);
  }

  /** Approving opens the class at once; rejecting leaves it a draft. Either way the ledger keeps the reason. */
  async decide(
    principal: Principal,
    id: string,
    isApproved: boolean,
    reason: string,
  ): Promise<OpeningApprovalResponse> {
    await this.dataSource.transaction(async (tx) => {
      const [approval]: {
        class_id: string;
        status: OpeningApprovalStatus;
        requested_by: string;
        exceptions: OpeningException[];
      }[] = await tx.query(
        'SELECT class_id, status, requested_by, exceptions FROM opening_approvals WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!approval) throw notFound('opening-approval.not-found', 'No such approval request in your scope.');
      const klass = await this.access.lock(tx, approval.class_id);
      if (approval.status !== OpeningApprovalStatus.Pending)
        throw conflict('approval.already-decided', 'This request has already been decided.');
      if (approval.requested_by === principal.userId)
        throw forbidden('approval.self-decision', 'You cannot decide on your own opening request.');
      if (!isAdmin(principal) && !(await this.isAboveUnit(tx, principal.userId, klass.owner_unit_id)))
        throw forbidden(
          'approval.not-parent-staff',
          'Only staff of a unit above the class’s centre may decide on its opening.',
        );
      await tx.query(
        `UPDATE opening_approvals SET status = $2, decided_by = $3, decision_reason = $4, decided_at = now()
          WHERE id = $1`,
        [
          id,
          isApproved ? OpeningApprovalStatus.Approved : OpeningApprovalStatus.Rejected,
          principal.userId,
          reason,
        ],
      );
      await this.ledger.record(tx, klass.id, {
        type: isApproved ? ClassLedgerType.OpeningApproved : ClassLedgerType.OpeningRejected,
        actorId: principal.userId,
        reason,
        subjectIds: { approvalId: id },
        payload: { exceptions: approval.exceptions },
      });
      if (isApproved) await this.opening.open(tx, klass, principal.userId);
    });
    return this.get(id);
  }

  /** Whether the user's own unit lies strictly above the given unit. */
  private async isAboveUnit(manager: EntityManager, userId: string, unitId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users u
         JOIN org_units mine ON mine.id = u.org_unit_id
         JOIN org_units target ON target.id = $2
        WHERE u.id = $1 AND mine.id <> target.id AND target.path LIKE mine.path || '%'`,
      [userId, unitId],
    );
    return rows.length > 0;
  }
}
