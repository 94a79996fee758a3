import { Injectable } from '@nestjs/common';
import {
  ClassLedgerType,
  ClassStatus,
  ClassSummary,
  ClassTransitionResponse,
} from '@thuchoc/classes/contracts';
import { CoursesService } from '@thuchoc/courses/api';
import { Role } from '@thuchoc/identity/contracts';
import { Principal, ScopeService, UsersService } from '@thuchoc/identity/api';
import { badRequest, conflict } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { containsPattern, foldVietnamese } from '@thuchoc/shared/util';
import { DataSource, EntityManager } from 'typeorm';
import { ClassLedger } from '../history/class-ledger';
import { Waitlist } from '../enrollments/waitlist';
import { OpeningApprovalsService } from '../approvals/opening-approvals.service';
import { ClassAccess } from './class-access';
import { ClassOpening } from './class-opening';
import { CLASS_SELECT, ClassRow, toClassResponse, toClassSummary } from './class-row';
import { assertClassShape, assertTransition, openingExceptions } from './class-rules';
import {
  ClassListQueryDto,
  ClassTransitionDto,
  CreateClassDto,
  UpdateClassDto,
} from './dto/class-requests.dto';

const STATUS_LEDGER: Partial<Record<ClassStatus, ClassLedgerType>> = {
  [ClassStatus.Running]: ClassLedgerType.ClassRunning,
  [ClassStatus.Closed]: ClassLedgerType.ClassClosed,
  [ClassStatus.Archived]: ClassLedgerType.ClassArchived,
};

const searchText = (code: string, title: string) => foldVietnamese(`${code} ${title}`);
const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);

@Injectable()
export class ClassesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ClassAccess,
    private readonly scopes: ScopeService,
    private readonly users: UsersService,
    private readonly courses: CoursesService,
    private readonly ledger: ClassLedger,
    private readonly waitlist: Waitlist,
    private readonly approvals: OpeningApprovalsService,
    private readonly opening: ClassOpening,
  ) {}

  async list(principal: Principal, query: ClassListQueryDto): Promise<Page<ClassSummary>> {
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
      where.push(`c.status = $${params.length}`);
    }
    if (query.courseId) {
      params.push(query.courseId);
      where.push(`c.course_id = $${params.length}`);
    }
    if (query.q) {
      params.push(containsPattern(query.q));
      where.push(`c.search_text LIKE $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM classes c JOIN org_units ou ON ou.id = c.owner_unit_id ${filter}`,
      params,
    );
    const rows: ClassRow[] = await this.dataSource.query(
      `${CLASS_SELECT} ${filter} ORDER BY c.created_at DESC, c.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toClassSummary), total, page, pageSize };
  }

  async get(id: string): Promise<ClassRow> {
    return this.access.row(id);
  }

  async create(principal: Principal, dto: CreateClassDto): Promise<ClassRow> {
    const ownerUnitId = dto.ownerUnitId ?? (await this.users.get(principal.userId)).orgUnitId;
    if (!(await this.scopes.isUnitInScope(principal, ownerUnitId)))
      throw badRequest('class.owner-outside-scope', 'The owning unit is not in your scope.', [
        { field: 'ownerUnitId', messages: ['Đơn vị tổ chức lớp không thuộc phạm vi của bạn.'] },
      ]);
    if (!(await this.scopes.isUnitInScope(principal, dto.targetUnitId)))
      throw badRequest('class.target-outside-scope', 'The target unit is not in your scope.', [
        { field: 'targetUnitId', messages: ['Đơn vị đối tượng không thuộc phạm vi của bạn.'] },
      ]);
    const course = await this.courses.findSummary(dto.courseId);
    if (!course || !(await this.scopes.isUnitInScope(principal, course.ownerUnitId)))
      throw badRequest('class.course-unknown', 'No such course in your scope.', [
        { field: 'courseId', messages: ['Không tìm thấy chương trình này trong phạm vi của bạn.'] },
      ]);
    const plannedSize = dto.plannedSize ?? dto.capacity;
    const opensAt = toDate(dto.enrollmentOpensAt);
    const closesAt = toDate(dto.enrollmentClosesAt);
    assertClassShape({
      capacity: dto.capacity,
      minSize: dto.minSize,
      plannedSize,
      enrollmentOpensAt: opensAt,
      enrollmentClosesAt: closesAt,
    });
    return this.dataSource.transaction(async (tx) => {
      const taken: unknown[] = await tx.query('SELECT 1 FROM classes WHERE lower(code) = lower($1)', [
        dto.code,
      ]);
      if (taken.length > 0) throw conflict('class.code-taken', 'This class code is already used.');
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO classes (course_id, code, title, description, owner_unit_id, target_unit_id, capacity, min_size,
                              planned_size, enrollment_opens_at, enrollment_closes_at, is_self_enrollment_allowed,
                              created_by, search_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          dto.courseId,
          dto.code,
          dto.title,
          dto.description ?? '',
          ownerUnitId,
          dto.targetUnitId,
          dto.capacity,
          dto.minSize,
          plannedSize,
          opensAt,
          closesAt,
          dto.isSelfEnrollmentAllowed ?? false,
          principal.userId,
          searchText(dto.code, dto.title),
        ],
      );
      await this.setLecturers(tx, id, dto.lecturerIds ?? []);
      await this.ledger.record(tx, id, {
        type: ClassLedgerType.ClassCreated,
        actorId: principal.userId,
        payload: {
          code: dto.code,
          title: dto.title,
          courseId: dto.courseId,
          courseCode: course.code,
          capacity: dto.capacity,
          minSize: dto.minSize,
          plannedSize,
        },
      });
      return this.access.row(id, tx);
    });
  }

  async update(principal: Principal, id: string, dto: UpdateClassDto): Promise<ClassRow> {
    if (dto.targetUnitId && !(await this.scopes.isUnitInScope(principal, dto.targetUnitId)))
      throw badRequest('class.target-outside-scope', 'The target unit is not in your scope.', [
        { field: 'targetUnitId', messages: ['Đơn vị đối tượng không thuộc phạm vi của bạn.'] },
      ]);
    return this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, id);
      const current = await this.access.row(id, tx);
      if (klass.status === ClassStatus.Closed || klass.status === ClassStatus.Archived)
        throw conflict('class.not-editable', 'A closed class cannot be changed.');
      if (dto.targetUnitId && dto.targetUnitId !== klass.target_unit_id && klass.status !== ClassStatus.Draft)
        throw conflict('class.not-editable', 'The target unit can change only while the class is a draft.');
      const capacity = dto.capacity ?? current.capacity;
      if (capacity < current.active_count)
        throw conflict(
          'class.capacity-below-active',
          `The class already has ${current.active_count} active learners.`,
        );
      const next = {
        capacity,
        minSize: dto.minSize ?? current.min_size,
        plannedSize: dto.plannedSize ?? current.planned_size,
        enrollmentOpensAt:
          dto.enrollmentOpensAt === undefined ? current.enrollment_opens_at : toDate(dto.enrollmentOpensAt),
        enrollmentClosesAt:
          dto.enrollmentClosesAt === undefined
            ? current.enrollment_closes_at
            : toDate(dto.enrollmentClosesAt),
      };
      assertClassShape(next);
      await tx.query(
        `UPDATE classes SET title = $2, description = $3, target_unit_id = $4, capacity = $5, min_size = $6,
                planned_size = $7, enrollment_opens_at = $8, enrollment_closes_at = $9,
                is_self_enrollment_allowed = $10, search_text = $11, updated_at = now()
          WHERE id = $1`,
        [
          id,
          dto.title ?? current.title,
          dto.description ?? current.description,
          dto.targetUnitId ?? current.target_unit_id,
          next.capacity,
          next.minSize,
          next.plannedSize,
          next.enrollmentOpensAt,
          next.enrollmentClosesAt,
          dto.isSelfEnrollmentAllowed ?? current.is_self_enrollment_allowed,
          searchText(current.code, dto.title ?? current.title),
        ],
      );
      if (dto.lecturerIds) await this.setLecturers(tx, id, dto.lecturerIds);
      // More places: the waitlist moves up at once.
      if (capacity > current.capacity) await this.waitlist.fill(tx, { ...klass, capacity }, principal.userId);
      return this.access.row(id, tx);
    });
  }

  /**
   * One step of the lifecycle. Opening a class below its minimum size or with
   * learners outside the target unit files an approval request instead.
   */
  async transition(
    principal: Principal,
    id: string,
    dto: ClassTransitionDto,
  ): Promise<ClassTransitionResponse> {
    const approvalId = await this.dataSource.transaction(async (tx) => {
      const klass = await this.access.lock(tx, id);
      assertTransition(klass.status, dto.to);
      if (dto.to === ClassStatus.Open) {
        const facts = await this.opening.facts(tx, klass);
        const exceptions = openingExceptions(facts);
        if (exceptions.length > 0) {
          if (!dto.reason)
            throw badRequest('class.reason-required', 'Opening this class needs approval; give a reason.', [
              { field: 'reason', messages: ['Cần nêu lý do để đề nghị phê duyệt mở lớp.'] },
            ]);
          return this.approvals.request(tx, klass, principal.userId, dto.reason, exceptions, facts);
        }
        await this.opening.open(tx, klass, principal.userId);
        return null;
      }
      await tx.query(
        `UPDATE classes SET status = $2, updated_at = now(),
                closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END
          WHERE id = $1`,
        [id, dto.to],
      );
      await this.ledger.record(tx, id, {
        type: STATUS_LEDGER[dto.to] as ClassLedgerType,
        actorId: principal.userId,
        reason: dto.reason ?? null,
        payload: { from: klass.status, to: dto.to },
      });
      return null;
    });
    return {
      class: toClassResponse(await this.access.row(id)),
      approval: approvalId ? await this.approvals.get(approvalId) : null,
    };
  }

  private async setLecturers(manager: EntityManager, classId: string, lecturerIds: string[]): Promise<void> {
    if (lecturerIds.length > 0) {
      const found: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND is_active AND $2 = ANY(roles)`,
        [lecturerIds, Role.Lecturer],
      );
      if (found.length !== lecturerIds.length)
        throw badRequest('class.lecturer-unknown', 'Every lecturer must be an active lecturer account.', [
          { field: 'lecturerIds', messages: ['Có giảng viên không tồn tại hoặc không còn hoạt động.'] },
        ]);
    }
    await manager.query('DELETE FROM class_lecturers WHERE class_id = $1', [classId]);
    await manager.query('INSERT INTO class_lecturers (class_id, user_id) SELECT $1, unnest($2::uuid[])', [
      classId,
      lecturerIds,
    ]);
  }
}
