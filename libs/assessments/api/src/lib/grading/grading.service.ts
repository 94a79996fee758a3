import { Injectable } from '@nestjs/common';
import {
  AttemptEventType,
  AttemptLedgerType,
  AttemptStatus,
  SubmissionKind,
} from '@thuchoc/assessments/contracts';
import { classChain } from '@thuchoc/classes/contracts';
import { LedgerService, NewLedgerEntry } from '@thuchoc/integrity/api';
import { ProcessedEventsService } from '@thuchoc/shared/api-core';
import { EntityManager } from 'typeorm';
import { versionContents, versionKey } from '../attempts/attempt-contents';
import { AttemptItem } from '../attempts/attempt-row';
import { isPassing, pointsFor, quizScore } from './scoring';

interface SubmittedAttempt {
  id: string;
  quiz_id: string;
  class_id: string;
  user_id: string;
  status: AttemptStatus;
  items: AttemptItem[];
  submission: SubmissionKind;
  submitted_at: Date;
  pass_mark: number;
}

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/**
 * Grades a submitted attempt, once per submission event (job id = event id):
 * objective questions by `pointsFor`, the score on the 10-point scale with the
 * quiz's pass mark. An attempt with an essay keeps its essay text, gets its
 * objective points, and waits in `awaiting-grading` for its lecturer. The
 * submission and the grade go on the class's ledger in the same transaction.
 */
@Injectable()
export class GradingService {
  constructor(
    private readonly processed: ProcessedEventsService,
    private readonly ledger: LedgerService,
  ) {}

  grade(eventId: string, attemptId: string): Promise<boolean> {
    return this.processed.once(eventId, 'assessments.grade-attempt', (tx) => this.gradeIn(tx, attemptId));
  }

  private async gradeIn(tx: EntityManager, attemptId: string): Promise<void> {
    const rows: SubmittedAttempt[] = await tx.query(
      `SELECT a.id, a.quiz_id, a.class_id, a.user_id, a.status, a.items, a.submission, a.submitted_at,
              q.pass_mark::float AS pass_mark
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
        WHERE a.id = $1 FOR UPDATE OF a`,
      [attemptId],
    );
    const attempt = rows[0];
    if (!attempt || attempt.status !== AttemptStatus.Submitted) return;
    const contents = await versionContents(tx, attempt.items);
    const answers: { question_id: string; choices: number[]; text: string | null }[] = await tx.query(
      'SELECT question_id, choices, text FROM attempt_answers WHERE attempt_id = $1',
      [attemptId],
    );
    const answerOf = new Map(answers.map((answer) => [answer.question_id, answer]));
    let pointsPossible = 0;
    let pointsEarned = 0;
    let hasEssay = false;
    const awarded: { questionId: string; points: number }[] = [];
    for (const item of attempt.items) {
      const content = contents.get(versionKey(item.questionId, item.version));
      if (!content) throw new Error(`question ${item.questionId} v${item.version} missing`);
      pointsPossible += content.points;
      const answer = answerOf.get(item.questionId) ?? null;
      const points = pointsFor(content, item.optionOrder, answer);
      if (points === null) hasEssay = true;
      else pointsEarned += points;
      if (points !== null && answer) awarded.push({ questionId: item.questionId, points });
    }
    pointsEarned = round2(pointsEarned);
    pointsPossible = round2(pointsPossible);
    const score = hasEssay ? null : quizScore(pointsEarned, pointsPossible);
    const isPassed = score === null ? null : isPassing(score, attempt.pass_mark);
    const status = hasEssay ? AttemptStatus.AwaitingGrading : AttemptStatus.Graded;
    if (awarded.length > 0) {
      await tx.query(
        `UPDATE attempt_answers s SET points_awarded = x.points
           FROM jsonb_to_recordset($2::jsonb) AS x("questionId" uuid, points numeric)
          WHERE s.attempt_id = $1 AND s.question_id = x."questionId"`,
        [attemptId, JSON.stringify(awarded)],
      );
    }
    await tx.query(
      `UPDATE quiz_attempts SET status = $2, points_earned = $3, points_possible = $4, score = $5, is_passed = $6,
              graded_at = CASE WHEN $2 = 'graded' THEN now() END
        WHERE id = $1`,
      [attemptId, status, pointsEarned, pointsPossible, score, isPassed],
    );
    await tx.query(`INSERT INTO attempt_events (attempt_id, type, payload) VALUES ($1, $2, $3)`, [
      attemptId,
      AttemptEventType.Graded,
      JSON.stringify({ status, pointsEarned, pointsPossible, score }),
    ]);
    const subjectIds = { quizId: attempt.quiz_id, attemptId, userId: attempt.user_id };
    const entries: NewLedgerEntry[] = [
      {
        chain: classChain(attempt.class_id),
        type:
          attempt.submission === SubmissionKind.Auto
            ? AttemptLedgerType.AutoSubmitted
            : AttemptLedgerType.Submitted,
        subjectIds,
        actorId: attempt.submission === SubmissionKind.Auto ? null : attempt.user_id,
        payload: { submittedAt: attempt.submitted_at.toISOString(), questionCount: attempt.items.length },
      },
      {
        chain: classChain(attempt.class_id),
        type: AttemptLedgerType.Graded,
        subjectIds,
        actorId: null,
        payload: { status, pointsEarned, pointsPossible, score, isPassed, passMark: attempt.pass_mark },
      },
    ];
    await this.ledger.recordMany(tx, entries);
  }
}
