import { Injectable } from '@nestjs/common';
import { EssayLedgerType, RubricCriterion, RubricResponse } from '@thuchoc/assessments/contracts';
import { classChain } from '@thuchoc/classes/contracts';
import { Principal } from '@thuchoc/identity/api';
import { LedgerService } from '@thuchoc/integrity/api';
import { conflict, notFound } from '@thuchoc/shared/api-core';
import { DataSource, EntityManager } from 'typeorm';
import { QuizAccess } from '../quizzes/quiz-access';
import { RubricRequestDto } from './dto/essay-requests.dto';
import { assertRubric, cleanRubric, rubricMaxPoints } from './rubric-rules';

export interface RubricRow {
  quiz_id: string;
  criteria: RubricCriterion[];
  max_points: number;
  updated_at: Date;
}

export const rubricNotFound = () => notFound('rubric.not-found', 'This quiz has no rubric.');

/** The rubric of a quiz, locked `FOR SHARE` when grading reads it so that an edit waits. */
export async function rubricOf(
  manager: EntityManager | DataSource,
  quizId: string,
  lock = '',
): Promise<RubricRow | null> {
  const rows: RubricRow[] = await manager.query(
    `SELECT quiz_id, criteria, max_points::float AS max_points, updated_at FROM quiz_rubrics WHERE quiz_id = $1 ${lock}`,
    [quizId],
  );
  return rows[0] ?? null;
}

const toRubricResponse = (row: RubricRow, isLocked: boolean): RubricResponse => ({
  quizId: row.quiz_id,
  criteria: row.criteria,
  maxPoints: row.max_points,
  isLocked,
  updatedAt: row.updated_at.toISOString(),
});

/**
 * A quiz's rubric: its editors (staff in scope, the class's lecturers) set or
 * remove it until the first essay of the quiz is graded (409
 * `rubric.grading-started`), readers read it. Changes are ledgered.
 */
@Injectable()
export class RubricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
    private readonly ledger: LedgerService,
  ) {}

  async get(principal: Principal, quizId: string): Promise<RubricResponse> {
    const { role } = await this.access.forQuiz(principal, quizId);
    this.access.assertStaff(role);
    const row = await rubricOf(this.dataSource, quizId);
    if (!row) throw rubricNotFound();
    return toRubricResponse(row, await this.isGradingStarted(this.dataSource.manager, quizId));
  }

  /** 400 `rubric.invalid` with field errors; 409 `rubric.grading-started` once an essay is graded. */
  async set(principal: Principal, quizId: string, dto: RubricRequestDto): Promise<RubricResponse> {
    const { quiz, role } = await this.access.forQuiz(principal, quizId);
    this.access.assertEditor(role);
    const criteria = cleanRubric(dto.criteria);
    assertRubric(criteria);
    const maxPoints = rubricMaxPoints(criteria);
    return this.dataSource.transaction(async (tx) => {
      await this.assertNotGraded(tx, quizId);
      await tx.query(
        `INSERT INTO quiz_rubrics (quiz_id, criteria, max_points, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (quiz_id) DO UPDATE SET criteria = EXCLUDED.criteria, max_points = EXCLUDED.max_points,
                updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [quizId, JSON.stringify(criteria), maxPoints, principal.userId],
      );
      await this.ledger.record(tx, {
        chain: classChain(quiz.classId),
        type: EssayLedgerType.RubricSet,
        subjectIds: { quizId },
        actorId: principal.userId,
        payload: { criteria, maxPoints },
      });
      const row = await rubricOf(tx, quizId);
      if (!row) throw rubricNotFound();
      return toRubricResponse(row, false);
    });
  }

  async remove(principal: Principal, quizId: string): Promise<void> {
    const { quiz, role } = await this.access.forQuiz(principal, quizId);
    this.access.assertEditor(role);
    await this.dataSource.transaction(async (tx) => {
      await this.assertNotGraded(tx, quizId);
      const removed: unknown[] = await tx.query(
        'WITH gone AS (DELETE FROM quiz_rubrics WHERE quiz_id = $1 RETURNING quiz_id) SELECT quiz_id FROM gone',
        [quizId],
      );
      if (removed.length === 0) throw rubricNotFound();
      await this.ledger.record(tx, {
        chain: classChain(quiz.classId),
        type: EssayLedgerType.RubricRemoved,
        subjectIds: { quizId },
        actorId: principal.userId,
      });
    });
  }

  /** Locks the rubric (when there is one) so a grade starting now waits, then checks no essay is graded. */
  private async assertNotGraded(tx: EntityManager, quizId: string): Promise<void> {
    await rubricOf(tx, quizId, 'FOR UPDATE');
    if (await this.isGradingStarted(tx, quizId))
      throw conflict(
        'rubric.grading-started',
        'Essays of this quiz have been graded: its rubric can no longer change.',
      );
  }

  private async isGradingStarted(manager: EntityManager, quizId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM essay_grades WHERE quiz_id = $1 LIMIT 1', [
      quizId,
    ]);
    return rows.length > 0;
  }
}
