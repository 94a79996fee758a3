import { Injectable } from '@nestjs/common';
import {
  AttemptEventType,
  AttemptStatus,
  EssayGrade,
  EssayLedgerType,
  GradedAttempt,
  GradingQueueItem,
  GradingQueueStatus,
  QuestionType,
  QueuedEssay,
} from '@thuchoc/assessments/contracts';
import { classChain } from '@thuchoc/classes/contracts';
import { Principal } from '@thuchoc/identity/api';
import { LedgerService } from '@thuchoc/integrity/api';
import { badRequest, conflict } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { versionContents, versionKey } from '../attempts/attempt-contents';
import { AttemptItem } from '../attempts/attempt-row';
import { attemptNotFound } from '../attempts/attempts.service';
import { QuizAccess } from '../quizzes/quiz-access';
import { EssayGradeDto, GradingQueueQueryDto } from './dto/essay-requests.dto';
import { essayGradesOf, openFlagsOf } from './essay-grade-row';
import { rubricOf } from './rubrics.service';
import { attemptTotal, gradeProblems, scoreEssays } from './rubric-rules';

interface QueueRow {
  id: string;
  quiz_id: string;
  quiz_title: string;
  user_id: string;
  full_name: string;
  username: string;
  status: AttemptStatus;
  submitted_at: Date;
  items: AttemptItem[];
  points_possible: number;
  score: number | null;
  is_passed: boolean | null;
  objective_points: number;
}

/** An attempt holds an essay: `items` contains an item of type essay. */
const HAS_ESSAY = `a.items @> '[{"type": "essay"}]'::jsonb`;
/** Objective points: the grading job stores them per answer; essays keep null. */
const OBJECTIVE_POINTS = `(SELECT COALESCE(SUM(s.points_awarded), 0)::float FROM attempt_answers s WHERE s.attempt_id = a.id)`;

/** What a queue item is built from (with `quiz_attempts a`, `quizzes q`, `users u`). */
const QUEUE_COLUMNS = `a.id, a.quiz_id, q.title AS quiz_title, a.user_id, u.full_name, u.username, a.status,
  a.submitted_at, a.items, a.points_possible::float AS points_possible, a.score::float AS score, a.is_passed,
  ${OBJECTIVE_POINTS} AS objective_points`;

const essayItems = (items: readonly AttemptItem[]) =>
  items.filter((item) => item.type === QuestionType.Essay);

/**
 * The lecturer's side of essays: the class's grading queue (oldest first) and
 * the rubric grade, which completes the attempt's score. A first grade is
 * ledgered as given; a later change needs a reason and is ledgered with the
 * old and new scores.
 */
@Injectable()
export class EssayGradingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: QuizAccess,
    private readonly ledger: LedgerService,
  ) {}

  async queue(
    principal: Principal,
    classId: string,
    query: GradingQueueQueryDto,
  ): Promise<Page<GradingQueueItem>> {
    const { role } = await this.access.forClass(principal, classId);
    this.access.assertStaff(role);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const status = query.status ?? GradingQueueStatus.AwaitingGrading;
    const params: unknown[] = [
      classId,
      status === GradingQueueStatus.All ? [AttemptStatus.AwaitingGrading, AttemptStatus.Graded] : [status],
    ];
    let filter = `a.class_id = $1 AND a.status = ANY($2) AND ${HAS_ESSAY}`;
    if (query.quizId) {
      params.push(query.quizId);
      filter += ` AND a.quiz_id = $${params.length}`;
    }
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM quiz_attempts a WHERE ${filter}`,
      params,
    );
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT ${QUEUE_COLUMNS}
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id JOIN users u ON u.id = a.user_id
        WHERE ${filter}
        ORDER BY a.submitted_at, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    const items = await this.queueItems(rows);
    return { items, total, page, pageSize };
  }

  /** One attempt of the queue, as the queue shows it: 404 unless it has essays and is submitted, or to learners. */
  async queued(principal: Principal, attemptId: string): Promise<GradingQueueItem> {
    const found: { class_id: string }[] = await this.dataSource.query(
      'SELECT class_id FROM quiz_attempts WHERE id = $1',
      [attemptId],
    );
    if (!found[0]) throw attemptNotFound();
    const { role } = await this.access.forClass(principal, found[0].class_id).catch(() => {
      throw attemptNotFound();
    });
    if (role === 'learner') throw attemptNotFound();
    const rows: QueueRow[] = await this.dataSource.query(
      `SELECT ${QUEUE_COLUMNS}
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id JOIN users u ON u.id = a.user_id
        WHERE a.id = $1 AND a.status = ANY($2) AND ${HAS_ESSAY}`,
      [attemptId, [AttemptStatus.AwaitingGrading, AttemptStatus.Graded]],
    );
    if (!rows[0]) throw attemptNotFound();
    return (await this.queueItems(rows))[0];
  }

  private async queueItems(rows: QueueRow[]): Promise<GradingQueueItem[]> {
    const ids = rows.map((row) => row.id);
    const [essays, grades, flags] = await Promise.all([
      this.essaysOf(rows),
      essayGradesOf(this.dataSource, ids),
      openFlagsOf(this.dataSource, ids),
    ]);
    return rows.map((row) => ({
      attemptId: row.id,
      quizId: row.quiz_id,
      quizTitle: row.quiz_title,
      userId: row.user_id,
      fullName: row.full_name,
      username: row.username,
      status: row.status,
      submittedAt: row.submitted_at.toISOString(),
      objectivePoints: row.objective_points,
      pointsPossible: row.points_possible,
      score: row.score,
      isPassed: row.is_passed,
      essays: essays.get(row.id) ?? [],
      grade: grades.get(row.id) ?? null,
      openSimilarityFlagIds: flags.get(row.id) ?? [],
    }));
  }

  /**
   * Grades the attempt's essays with the quiz's rubric. 400 `grade.invalid`
   * (a level per criterion, a reason for a change); 409 `rubric.missing`
   * without a rubric, `attempt.not-gradable` unless it awaits grading or was
   * graded with essays, `attempt.similarity-open` while a similarity flag on
   * it is open: an essay that may be copied is graded only once the lecturer
   * has compared it and resolved the flag. The attempt row is locked: two
   * graders queue up.
   */
  async grade(principal: Principal, attemptId: string, dto: EssayGradeDto): Promise<GradedAttempt> {
    const found: { class_id: string }[] = await this.dataSource.query(
      'SELECT class_id FROM quiz_attempts WHERE id = $1',
      [attemptId],
    );
    if (!found[0]) throw attemptNotFound();
    const { role } = await this.access.forClass(principal, found[0].class_id).catch(() => {
      throw attemptNotFound();
    });
    this.access.assertEditor(role, attemptNotFound);
    return this.dataSource.transaction((tx) => this.gradeIn(tx, principal, attemptId, dto));
  }

  private async gradeIn(
    tx: EntityManager,
    principal: Principal,
    attemptId: string,
    dto: EssayGradeDto,
  ): Promise<GradedAttempt> {
    const rows: {
      quiz_id: string;
      class_id: string;
      user_id: string;
      status: AttemptStatus;
      items: AttemptItem[];
      points_possible: number;
      score: number | null;
      is_passed: boolean | null;
      pass_mark: number;
      objective_points: number;
    }[] = await tx.query(
      `SELECT a.quiz_id, a.class_id, a.user_id, a.status, a.items, a.points_possible::float AS points_possible,
              a.score::float AS score, a.is_passed, q.pass_mark::float AS pass_mark,
              ${OBJECTIVE_POINTS} AS objective_points
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id WHERE a.id = $1 FOR UPDATE OF a`,
      [attemptId],
    );
    const attempt = rows[0];
    const essays = essayItems(attempt.items);
    const isGradable =
      essays.length > 0 && [AttemptStatus.AwaitingGrading, AttemptStatus.Graded].includes(attempt.status);
    if (!isGradable) throw conflict('attempt.not-gradable', 'This attempt has no essay waiting for a grade.');
    if ((await openFlagsOf(tx, [attemptId])).has(attemptId))
      throw conflict(
        'attempt.similarity-open',
        'This essay has an open similarity flag: compare the essays and resolve the flag before grading.',
      );
    const rubric = await rubricOf(tx, attempt.quiz_id, 'FOR SHARE');
    if (!rubric) throw conflict('rubric.missing', 'Set the quiz’s rubric before grading its essays.');
    const previous = (await essayGradesOf(tx, [attemptId])).get(attemptId) ?? null;
    const errors = gradeProblems(rubric.criteria, dto, previous !== null);
    if (errors.length > 0) throw badRequest('grade.invalid', 'The grade does not fit the rubric.', errors);

    const contents = await versionContents(tx, essays);
    const essayPointsPossible = essays.reduce(
      (sum, item) => sum + (contents.get(versionKey(item.questionId, item.version))?.points ?? 0),
      0,
    );
    const essayScore = scoreEssays(rubric.criteria, dto, essayPointsPossible);
    const total = attemptTotal(
      attempt.objective_points,
      essayScore.essayPoints,
      attempt.points_possible,
      attempt.pass_mark,
    );
    const comment = dto.comment?.normalize('NFC').trim() ?? '';
    await tx.query(
      `INSERT INTO essay_grades (attempt_id, quiz_id, criteria, comment, rubric_points, rubric_max_points,
                                 essay_points, essay_points_possible, graded_by, graded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (attempt_id) DO UPDATE SET criteria = EXCLUDED.criteria, comment = EXCLUDED.comment,
              rubric_points = EXCLUDED.rubric_points, rubric_max_points = EXCLUDED.rubric_max_points,
              essay_points = EXCLUDED.essay_points, essay_points_possible = EXCLUDED.essay_points_possible,
              graded_by = EXCLUDED.graded_by, graded_at = EXCLUDED.graded_at`,
      [
        attemptId,
        attempt.quiz_id,
        JSON.stringify(essayScore.criteria),
        comment,
        essayScore.rubricPoints,
        essayScore.rubricMaxPoints,
        essayScore.essayPoints,
        essayPointsPossible,
        principal.userId,
      ],
    );
    await tx.query(
      `UPDATE quiz_attempts SET status = 'graded', points_earned = $2, score = $3, is_passed = $4, graded_at = now()
        WHERE id = $1`,
      [attemptId, total.pointsEarned, total.score, total.isPassed],
    );
    const result = { essayPoints: essayScore.essayPoints, ...total };
    await tx.query(`INSERT INTO attempt_events (attempt_id, type, payload) VALUES ($1, $2, $3)`, [
      attemptId,
      AttemptEventType.Graded,
      JSON.stringify({ status: AttemptStatus.Graded, by: principal.userId, ...result }),
    ]);
    await this.ledger.record(tx, {
      chain: classChain(attempt.class_id),
      type: previous ? EssayLedgerType.GradeChanged : EssayLedgerType.GradeGiven,
      subjectIds: { quizId: attempt.quiz_id, attemptId, userId: attempt.user_id },
      actorId: principal.userId,
      reason: previous ? (dto.reason ?? '').trim() : null,
      payload: previous
        ? {
            old: { essayPoints: previous.essayPoints, score: attempt.score, isPassed: attempt.is_passed },
            new: result,
            criteria: essayScore.criteria.map((grade) => grade.levelLabel),
          }
        : { ...result, criteria: essayScore.criteria.map((grade) => grade.levelLabel) },
    });
    const grade: EssayGrade = (await essayGradesOf(tx, [attemptId])).get(attemptId) as EssayGrade;
    return {
      attemptId,
      status: AttemptStatus.Graded,
      pointsEarned: total.pointsEarned,
      pointsPossible: attempt.points_possible,
      score: total.score,
      isPassed: total.isPassed,
      grade,
    };
  }

  /** Each attempt's essay questions with the learner's text. */
  private async essaysOf(rows: readonly QueueRow[]): Promise<Map<string, QueuedEssay[]>> {
    if (rows.length === 0) return new Map();
    const items = rows.flatMap((row) => essayItems(row.items));
    const [contents, answers] = await Promise.all([
      versionContents(this.dataSource, items),
      this.dataSource.query(
        'SELECT attempt_id, question_id, text FROM attempt_answers WHERE attempt_id = ANY($1::uuid[])',
        [rows.map((row) => row.id)],
      ) as Promise<{ attempt_id: string; question_id: string; text: string | null }[]>,
    ]);
    const textOf = new Map(
      answers.map((answer) => [`${answer.attempt_id}/${answer.question_id}`, answer.text]),
    );
    return new Map(
      rows.map((row) => [
        row.id,
        essayItems(row.items).map((item) => {
          const content = contents.get(versionKey(item.questionId, item.version));
          return {
            questionId: item.questionId,
            stem: content?.stem ?? '',
            points: content?.points ?? 0,
            text: textOf.get(`${row.id}/${item.questionId}`) ?? null,
          };
        }),
      ]),
    );
  }
}
