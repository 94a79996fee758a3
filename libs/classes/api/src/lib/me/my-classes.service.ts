import { Injectable } from '@nestjs/common';
import {
  ClassSummary,
  EnrollmentStatus,
  MyClassDetailResponse,
  MyClassResponse,
  TeachingClassResponse,
} from '@thuchoc/classes/contracts';
import { CoursesService } from '@thuchoc/courses/api';
import { notFound } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { ClassAccess } from '../classes/class-access';
import { CLASS_SELECT, ClassRow, toClassResponse, toClassSummary } from '../classes/class-row';
import {
  ENROLLMENT_SELECT,
  EnrollmentRow,
  toEnrollmentResponse,
  WAITLIST_POSITION,
} from '../enrollments/enrollment-row';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { SessionsService, toSessionResponse } from '../sessions/sessions.service';

interface MyClassRow {
  enrollment_id: string;
  enrollment_status: EnrollmentStatus;
  waitlist_position: number | null;
  class_id: string;
  class_code: string;
  class_title: string;
  course_title: string;
  status: MyClassResponse['status'];
  owner_unit_name: string;
  starts_on: string | null;
  ends_on: string | null;
  next_session_at: Date | null;
}

const MY_CLASS_SELECT = `
  SELECT e.id AS enrollment_id, e.status AS enrollment_status,
         ${WAITLIST_POSITION} AS waitlist_position,
         c.id AS class_id, c.code AS class_code, c.title AS class_title, co.title AS course_title, c.status,
         ou.name AS owner_unit_name,
         to_char(s.first_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS starts_on,
         to_char(s.last_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS ends_on,
         s.next_at AS next_session_at
    FROM enrollments e
    JOIN classes c ON c.id = e.class_id
    JOIN courses co ON co.id = c.course_id
    JOIN org_units ou ON ou.id = c.owner_unit_id
    LEFT JOIN LATERAL (
      SELECT min(cs.starts_at) AS first_at, max(cs.ends_at) AS last_at,
             min(cs.starts_at) FILTER (WHERE cs.ends_at > now()) AS next_at
        FROM class_sessions cs WHERE cs.class_id = c.id
    ) s ON true`;

const toMyClass = (row: MyClassRow): MyClassResponse => ({
  enrollmentId: row.enrollment_id,
  enrollmentStatus: row.enrollment_status,
  waitlistPosition: row.waitlist_position,
  classId: row.class_id,
  classCode: row.class_code,
  classTitle: row.class_title,
  courseTitle: row.course_title,
  status: row.status,
  ownerUnitName: row.owner_unit_name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  nextSessionAt: row.next_session_at?.toISOString() ?? null,
});

/** Statuses that let a learner into the class page at all, and those that open its lessons. */
const SEES_CLASS = ['pending', 'active', 'waitlisted', 'completed', 'failed'];
const SEES_LESSONS: readonly EnrollmentStatus[] = [
  EnrollmentStatus.Active,
  EnrollmentStatus.Completed,
  EnrollmentStatus.Failed,
];

/** A learner's and a lecturer's own classes: membership, not org scope, decides access here. */
@Injectable()
export class MyClassesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ClassAccess,
    private readonly sessions: SessionsService,
    private readonly enrollments: EnrollmentsService,
    private readonly courses: CoursesService,
  ) {}

  async list(userId: string): Promise<MyClassResponse[]> {
    const rows: MyClassRow[] = await this.dataSource.query(
      `${MY_CLASS_SELECT} WHERE e.user_id = $1 AND c.status <> 'archived'
        ORDER BY s.next_at NULLS LAST, c.created_at DESC`,
      [userId],
    );
    return rows.map(toMyClass);
  }

  async detail(userId: string, classId: string): Promise<MyClassDetailResponse> {
    const enrollment = await this.mine(userId, classId);
    const klass = await this.access.row(classId);
    const seesLessons = SEES_LESSONS.includes(enrollment.enrollmentStatus);
    return {
      class: toClassResponse(klass),
      enrollment,
      sessions: (await this.sessions.list(classId)).map(toSessionResponse),
      modules: seesLessons
        ? await this.courses.content(klass.course_id, `/api/v1/me/classes/${classId}/attachments`)
        : [],
    };
  }

  async attachment(userId: string, classId: string, attachmentId: string) {
    const enrollment = await this.mine(userId, classId);
    const klass = await this.access.row(classId);
    const file = SEES_LESSONS.includes(enrollment.enrollmentStatus)
      ? await this.courses.attachmentFile(klass.course_id, attachmentId)
      : null;
    if (!file) throw notFound('attachment.not-found', 'No such document in this class.');
    return file;
  }

  async withdraw(userId: string, classId: string, reason: string): Promise<MyClassResponse> {
    const enrollment = await this.mine(userId, classId);
    await this.enrollments.withdraw(userId, classId, enrollment.enrollmentId, reason);
    return this.one(userId, classId);
  }

  /** Classes the learner may ask to join now: self-enrollment allowed, window open, their unit targeted. */
  async openClasses(userId: string): Promise<ClassSummary[]> {
    const rows: ClassRow[] = await this.dataSource.query(
      `${CLASS_SELECT}
        WHERE c.is_self_enrollment_allowed AND c.status IN ('draft', 'open')
          AND (c.enrollment_opens_at IS NULL OR c.enrollment_opens_at <= now())
          AND (c.enrollment_closes_at IS NULL OR c.enrollment_closes_at > now())
          AND (SELECT o.path FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.id = $1)
              LIKE tu.path || '%'
          AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = c.id AND e.user_id = $1
                            AND e.status IN ('pending', 'active', 'waitlisted', 'completed', 'failed'))
        ORDER BY c.enrollment_closes_at NULLS LAST, c.created_at DESC LIMIT 100`,
      [userId],
    );
    return rows.map(toClassSummary);
  }

  async requestToJoin(userId: string, classId: string): Promise<MyClassResponse> {
    await this.enrollments.request(userId, classId);
    return this.one(userId, classId);
  }

  async teaching(userId: string): Promise<ClassSummary[]> {
    const rows: ClassRow[] = await this.dataSource.query(
      `${CLASS_SELECT}
        WHERE EXISTS (SELECT 1 FROM class_lecturers l WHERE l.class_id = c.id AND l.user_id = $1)
          AND c.status <> 'archived'
        ORDER BY c.created_at DESC`,
      [userId],
    );
    return rows.map(toClassSummary);
  }

  async teachingDetail(userId: string, classId: string): Promise<TeachingClassResponse> {
    const teaches: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM class_lecturers WHERE class_id = $1 AND user_id = $2',
      [classId, userId],
    );
    if (teaches.length === 0) throw notFound('my-class.not-found', 'You do not teach this class.');
    const roster: EnrollmentRow[] = await this.dataSource.query(
      `${ENROLLMENT_SELECT} WHERE e.class_id = $1 AND e.status IN ('active', 'waitlisted', 'pending', 'completed', 'failed')
        ORDER BY u.full_name, e.id`,
      [classId],
    );
    return {
      class: toClassResponse(await this.access.row(classId)),
      sessions: (await this.sessions.list(classId)).map(toSessionResponse),
      roster: roster.map(toEnrollmentResponse),
    };
  }

  private async mine(userId: string, classId: string): Promise<MyClassResponse> {
    const rows: MyClassRow[] = await this.dataSource.query(
      `${MY_CLASS_SELECT} WHERE e.user_id = $1 AND e.class_id = $2 AND e.status = ANY($3::text[])`,
      [userId, classId, SEES_CLASS],
    );
    if (!rows[0]) throw notFound('my-class.not-found', 'You are not in this class.');
    return toMyClass(rows[0]);
  }

  private async one(userId: string, classId: string): Promise<MyClassResponse> {
    const rows: MyClassRow[] = await this.dataSource.query(
      `${MY_CLASS_SELECT} WHERE e.user_id = $1 AND e.class_id = $2`,
      [userId, classId],
    );
    return toMyClass(rows[0]);
  }
}
