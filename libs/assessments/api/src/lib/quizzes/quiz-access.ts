import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import { isAdmin, Principal, ScopeService } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { forbidden, notFound } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { Quiz } from './quiz.entity';

/**
 * The caller's part in a class's quizzes: editors (admins, centre staff whose
 * scope holds the class's owner unit, the class's lecturers) create and edit
 * them, readers (auditors in scope) read them and their results, learners of
 * the class see the published ones and take them.
 */
export type QuizRole = 'editor' | 'reader' | 'learner';

export interface ClassQuizAccess {
  role: QuizRole;
  courseId: string;
}

export const classNotFound = () => notFound('class.not-found', 'No such class in your scope.');
export const quizNotFound = () => notFound('quiz.not-found', 'No such quiz in your scope.');

/** A malformed id is just another unknown one: 404. */
export const ClassIdPipe = new ParseUUIDPipe({ exceptionFactory: classNotFound });
export const QuizIdPipe = new ParseUUIDPipe({ exceptionFactory: quizNotFound });

/** Enrollment statuses that make a learner one of the class's learners. */
export const LEARNER_ENROLLMENT_STATUSES = ['active', 'completed', 'failed'];

/** Who may see a class's quizzes and how; anyone else gets 404, as if the class did not exist. */
@Injectable()
export class QuizAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
  ) {}

  async forClass(principal: Principal, classId: string): Promise<ClassQuizAccess> {
    const rows: { owner_unit_id: string; course_id: string; teaches: boolean; is_enrolled: boolean }[] =
      await this.dataSource.query(
        `SELECT c.owner_unit_id, c.course_id,
                EXISTS (SELECT 1 FROM class_lecturers l WHERE l.class_id = c.id AND l.user_id = $2) AS teaches,
                EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = c.id AND e.user_id = $2
                           AND e.status = ANY($3)) AS is_enrolled
           FROM classes c WHERE c.id = $1`,
        [classId, principal.userId, LEARNER_ENROLLMENT_STATUSES],
      );
    const row = rows[0];
    if (!row) throw classNotFound();
    const has = (role: Role) => principal.roles.includes(role);
    const courseId = row.course_id;
    if (isAdmin(principal)) return { role: 'editor', courseId };
    if (row.teaches && has(Role.Lecturer)) return { role: 'editor', courseId };
    if (
      (has(Role.CentreStaff) || has(Role.Auditor)) &&
      (await this.scopes.isUnitInScope(principal, row.owner_unit_id))
    )
      return { role: has(Role.CentreStaff) ? 'editor' : 'reader', courseId };
    if (row.is_enrolled && has(Role.Learner)) return { role: 'learner', courseId };
    throw classNotFound();
  }

  /** The quiz, if the caller may see it: learners only see it once published. */
  async forQuiz(principal: Principal, quizId: string): Promise<{ quiz: Quiz; role: QuizRole }> {
    const quiz = await this.dataSource.getRepository(Quiz).findOneBy({ id: quizId });
    if (!quiz) throw quizNotFound();
    const { role } = await this.forClass(principal, quiz.classId).catch(() => {
      throw quizNotFound();
    });
    if (role === 'learner' && !quiz.isPublished) throw quizNotFound();
    return { quiz, role };
  }

  /** Editors only: readers get 403 `quiz.read-only`, learners 404. */
  assertEditor(role: QuizRole, notFoundError = quizNotFound): void {
    if (role === 'reader')
      throw forbidden('quiz.read-only', 'Auditors read quizzes; they do not change them.');
    if (role === 'learner') throw notFoundError();
  }

  /** Staff and lecturers (editors and readers): learners get 404. */
  assertStaff(role: QuizRole): void {
    if (role === 'learner') throw quizNotFound();
  }
}
