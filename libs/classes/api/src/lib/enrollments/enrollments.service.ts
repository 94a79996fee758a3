import { Injectable } from '@nestjs/common';
import { ClassLedgerType, ClassStatus, EnrollmentStatus } from '@thuchoc/classes/contracts';
import { Principal, ScopeService } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { badRequest, conflict, notFound } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { containsPattern } from '@thuchoc/shared/util';
import { DataSource, EntityManager } from 'typeorm';
import { ClassAccess, LockedClass } from '../classes/class-access';
import { isEnrolling, isSelfEnrollmentOpen } from '../classes/class-rules';
import { ClassLedger } from '../history/class-ledger';
import { DecideEnrollmentDto, EnrollLearnerDto, RosterQueryDto } from './dto/enrollment-requests.dto';
import { ENROLLMENT_SELECT, EnrollmentRow } from './enrollment-row';
import { Waitlist } from './waitlist';

/** Statuses that hold (or wait for) a place; anyone else may enroll again. */
const HOLDING: readonly EnrollmentStatus[] = [
  EnrollmentStatus.Pending,
  EnrollmentStatus.Active,
  EnrollmentStatus.Waitlisted,
];

interface Learner {
  id: string;
  is_active: boolean;
  is_learner: boolean;
  unit_path: string;
}

@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ClassAccess,
    private readonly scopes: ScopeService,
    private readonly ledger: ClassLedger,
    private readonly waitlist: Waitlist,
  ) {}

  async roster(classId: string, query: RosterQueryDto): Promise<Page<EnrollmentRow>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [classId];
    const where = ['e.class_id = $1'];
    if (query.status) {
      params.push(query.status);
      where.push(`e.status = $${params.length}`);
    }
    if (query.q) {
      params.push(containsPattern(query.q));
      where.push(`u.search_text LIKE $${params.length}`);
    }
    const filter = `WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM enrollments e JOIN users u ON u.id = e.user_id ${filter}`,
      params,
    );
    const items: EnrollmentRow[] = await this.dataSource.query(
      `${ENROLLMENT_SELECT} ${filter}
        ORDER BY CASE e.status WHEN 'pending' THEN 0 WHEN 'active' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END,
                 e.waitlisted_at NULLS FIRST, u.full_name, e.id
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items, total, page, pageSize };
  }

  async get(classId: string, enrollmentId: string, manager: EntityManager = this.dataSource.manager) {
    const rows: EnrollmentRow[] = await manager.query(
      `${ENROLLMENT_SELECT} WHERE e.id = $1 AND e.class_id = $2`,
      [enrollmentId, classId],
    );
    if (!rows[0]) throw notFound('enrollment.not-found', 'No such enrollment in this class.');
    return rows[0];
  }

  /** Staff enroll one learner: a place if there is one, else the waitlist. */
  async enroll(principal: Principal, classId: string, dto: EnrollLearnerDto): Promise<EnrollmentRow> {
    if (dto.allowOutsideTarget && !dto.reason)
      throw badRequest(
        'enrollment.reason-required',
        'Enrolling from outside the target unit needs a reason.',
        [{ field: 'reason', messages: ['Cần nêu lý do ghi danh học viên ngoài đơn vị đối tượng.'] }],
      );
    const unitId = await this.scopes.resolveUnit('user', dto.userId);
    if (!unitId || !(await this.scopes.isUnitInScope(principal, unitId)))
      throw badRequest('enrollment.user-unknown', 'No such learner in your scope.', [
        { field: 'userId', messages: ['Không tìm thấy học viên này trong phạm vi của bạn.'] },
      ]);
    return this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      this.assertEnrolling(klass);
      const learner = await this.learner(tx, dto.userId);
      const isOutside = !learner.unit_path.startsWith(klass.target_path);
      if (isOutside && !dto.allowOutsideTarget)
        throw conflict('enrollment.outside-target', 'The learner’s unit is outside the class’s target unit.');
      const status = await this.waitlist.placeFor(tx, klass);
      const id = await this.upsert(tx, klass.id, learner.id, status, isOutside, 'staff', dto.reason ?? null);
      await this.ledger.record(tx, klass.id, {
        type: ClassLedgerType.EnrollmentAdded,
        actorId: principal.userId,
        reason: dto.reason ?? null,
        subjectIds: { enrollmentId: id, userId: learner.id },
        payload: { status, isOutsideTarget: isOutside, source: 'staff' },
      });
      if (status === EnrollmentStatus.Active)
        await this.waitlist.announce(tx, klass, [learner.id], 'enrolled');
      return this.get(klass.id, id, tx);
    });
  }

  /** A learner asks to join a class that allows it, inside its window and target unit. */
  async request(userId: string, classId: string): Promise<EnrollmentRow> {
    return this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      const learner = await this.learner(tx, userId);
      if (
        !isSelfEnrollmentOpen(this.windowOf(klass), new Date()) ||
        !learner.unit_path.startsWith(klass.target_path)
      )
        throw notFound('my-class.not-found', 'No such class open to you.');
      const id = await this.upsert(tx, klass.id, userId, EnrollmentStatus.Pending, false, 'self', null);
      await this.ledger.record(tx, klass.id, {
        type: ClassLedgerType.EnrollmentRequested,
        actorId: userId,
        subjectIds: { enrollmentId: id, userId },
      });
      return this.get(klass.id, id, tx);
    });
  }

  async decide(
    principal: Principal,
    classId: string,
    enrollmentId: string,
    dto: DecideEnrollmentDto,
  ): Promise<EnrollmentRow> {
    if (!dto.isApproved && !dto.reason)
      throw badRequest('enrollment.reason-required', 'Rejecting a request needs a reason.', [
        { field: 'reason', messages: ['Cần nêu lý do từ chối.'] },
      ]);
    return this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      const enrollment = await this.get(classId, enrollmentId, tx);
      if (enrollment.status !== EnrollmentStatus.Pending)
        throw conflict('enrollment.not-pending', 'Only a pending request can be decided.');
      if (dto.isApproved) this.assertEnrolling(klass);
      const status = dto.isApproved ? await this.waitlist.placeFor(tx, klass) : EnrollmentStatus.Rejected;
      await tx.query(
        `UPDATE enrollments SET status = $2, decided_at = now(), reason = $3,
                waitlisted_at = CASE WHEN $2 = 'waitlisted' THEN clock_timestamp() END
          WHERE id = $1`,
        [enrollmentId, status, dto.reason ?? null],
      );
      await this.ledger.record(tx, classId, {
        type: dto.isApproved ? ClassLedgerType.EnrollmentApproved : ClassLedgerType.EnrollmentRejected,
        actorId: principal.userId,
        reason: dto.reason ?? null,
        subjectIds: { enrollmentId, userId: enrollment.user_id },
        payload: { status },
      });
      if (status === EnrollmentStatus.Active)
        await this.waitlist.announce(tx, klass, [enrollment.user_id], 'approved');
      return this.get(classId, enrollmentId, tx);
    });
  }

  /** Withdraws with a reason; a freed place goes to the first on the waitlist at once. */
  async withdraw(
    actorId: string,
    classId: string,
    enrollmentId: string,
    reason: string,
  ): Promise<EnrollmentRow> {
    return this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, classId);
      const enrollment = await this.get(classId, enrollmentId, tx);
      if (!HOLDING.includes(enrollment.status))
        throw conflict('enrollment.not-withdrawable', 'This enrollment cannot be withdrawn any more.');
      if (klass.status === ClassStatus.Closed || klass.status === ClassStatus.Archived)
        throw conflict('enrollment.not-withdrawable', 'Enrollments of a closed class are final.');
      await tx.query(
        `UPDATE enrollments SET status = 'withdrawn', waitlisted_at = NULL, decided_at = now(), reason = $2
          WHERE id = $1`,
        [enrollmentId, reason],
      );
      await this.ledger.record(tx, classId, {
        type: ClassLedgerType.EnrollmentWithdrawn,
        actorId,
        reason,
        subjectIds: { enrollmentId, userId: enrollment.user_id },
        payload: { from: enrollment.status },
      });
      if (enrollment.status === EnrollmentStatus.Active) await this.waitlist.fill(tx, klass, actorId);
      return this.get(classId, enrollmentId, tx);
    });
  }

  windowOf(klass: LockedClass) {
    return {
      status: klass.status,
      isSelfEnrollmentAllowed: klass.is_self_enrollment_allowed,
      enrollmentOpensAt: klass.enrollment_opens_at,
      enrollmentClosesAt: klass.enrollment_closes_at,
    };
  }

  private assertEnrolling(klass: LockedClass): void {
    if (!isEnrolling(klass.status))
      throw conflict('enrollment.class-not-enrolling', 'This class no longer takes learners.');
  }

  private async learner(manager: EntityManager, userId: string): Promise<Learner> {
    const rows: Learner[] = await manager.query(
      `SELECT u.id, u.is_active, $2 = ANY(u.roles) AS is_learner, o.path AS unit_path
         FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.id = $1`,
      [userId, Role.Learner],
    );
    const learner = rows[0];
    if (!learner || !learner.is_active || !learner.is_learner)
      throw badRequest('enrollment.user-not-learner', 'Only an active learner account can be enrolled.', [
        { field: 'userId', messages: ['Chỉ ghi danh được tài khoản học viên đang hoạt động.'] },
      ]);
    return learner;
  }

  /** Inserts the enrollment, or revives a withdrawn or rejected one; refuses a second live one. */
  private async upsert(
    manager: EntityManager,
    classId: string,
    userId: string,
    status: EnrollmentStatus,
    isOutsideTarget: boolean,
    source: 'staff' | 'self',
    reason: string | null,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO enrollments (class_id, user_id, status, is_outside_target, source, reason, waitlisted_at, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $3 = 'waitlisted' THEN clock_timestamp() END,
               CASE WHEN $3 <> 'pending' THEN now() END)
       ON CONFLICT (class_id, user_id) DO UPDATE
         SET status = EXCLUDED.status, is_outside_target = EXCLUDED.is_outside_target, source = EXCLUDED.source,
             reason = EXCLUDED.reason, waitlisted_at = EXCLUDED.waitlisted_at, decided_at = EXCLUDED.decided_at,
             requested_at = now(), import_id = NULL
         WHERE enrollments.status IN ('withdrawn', 'rejected')
       RETURNING id`,
      [classId, userId, status, isOutsideTarget, source, reason],
    );
    if (!rows[0]) throw conflict('enrollment.already-enrolled', 'This learner is already in the class.');
    return rows[0].id;
  }
}
