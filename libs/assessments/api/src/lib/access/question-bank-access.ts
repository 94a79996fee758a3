import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import { CourseFacts, CoursesService } from '@thuchoc/courses/api';
import { isAdmin, Principal, ScopeService } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { forbidden, notFound } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';

/** Reading a bank, or also changing it. */
export type BankAccessLevel = 'read' | 'write';

const courseNotFound = () => notFound('course.not-found', 'No such course in your scope.');

/** A malformed course id is just another unknown course: 404. */
export const CourseIdPipe = new ParseUUIDPipe({ exceptionFactory: courseNotFound });
/** A malformed question id is just another unknown question: 404. */
export const QuestionIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => notFound('question.not-found', 'No such question in this course.'),
});

/**
 * Who may see and change a course's question bank: the people who edit the
 * course (admins, centre staff whose scope holds its owner unit) change it;
 * auditors in scope and the lecturers of any class of the course read it.
 * Anyone else, learners included, gets 404 as if the course did not exist;
 * a reader who tries to change it gets 403 `question-bank.read-only`.
 */
@Injectable()
export class QuestionBankAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly courses: CoursesService,
  ) {}

  async assert(principal: Principal, courseId: string, level: BankAccessLevel): Promise<CourseFacts> {
    const course = await this.courses.findSummary(courseId);
    if (!course) throw courseNotFound();
    if (isAdmin(principal)) return course;
    const isStaffLike = principal.roles.includes(Role.CentreStaff) || principal.roles.includes(Role.Auditor);
    const isInScope = isStaffLike && (await this.scopes.isUnitInScope(principal, course.ownerUnitId));
    if (isInScope && principal.roles.includes(Role.CentreStaff)) return course;
    if (!isInScope && !(await this.teaches(principal, courseId))) throw courseNotFound();
    if (level === 'write') {
      throw forbidden(
        'question-bank.read-only',
        'Auditors and lecturers read the question bank; they do not change it.',
      );
    }
    return course;
  }

  private async teaches(principal: Principal, courseId: string): Promise<boolean> {
    if (!principal.roles.includes(Role.Lecturer)) return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM class_lecturers l JOIN classes c ON c.id = l.class_id
        WHERE c.course_id = $1 AND l.user_id = $2 LIMIT 1`,
      [courseId, principal.userId],
    );
    return rows.length > 0;
  }
}
