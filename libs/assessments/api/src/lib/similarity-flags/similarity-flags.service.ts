import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import {
  EssayLedgerType,
  FlaggedEssay,
  QuestionType,
  SimilarityFlagDetail,
  SimilarityFlagStatus,
  SimilarityFlagSummary,
  SimilarityOutcome,
  SimilarPassage,
} from '@thuchoc/assessments/contracts';
import { classChain } from '@thuchoc/classes/contracts';
import { Principal } from '@thuchoc/identity/api';
import { LedgerService } from '@thuchoc/integrity/api';
import { conflict, notFound, ProcessedEventsService } from '@thuchoc/shared/api-core';
import { DataSource, EntityManager } from 'typeorm';
import { AttemptItem } from '../attempts/attempt-row';
import { QuizAccess } from '../quizzes/quiz-access';
import {
  compareEssays,
  essayFingerprint,
  EssayFingerprint,
  estimatedScore,
  SCREENING_THRESHOLD,
} from '../similarity';
import { SimilarityFlagQueryDto } from './dto/similarity-flag-requests.dto';
import { EssayRef, flagPair } from './flag-pair';

export const flagNotFound = () =>
  notFound('similarity-flag.not-found', 'No such similarity flag in your scope.');
export const FlagIdPipe = new ParseUUIDPipe({ exceptionFactory: flagNotFound });

interface Essay extends EssayRef {
  classId: string;
  fingerprint: EssayFingerprint;
}

interface FingerprintRow {
  attempt_id: string;
  question_id: string;
  class_id: string;
  version: number;
  word_count: number;
  shingle_count: number;
  signature: number[];
}

interface FlagRow {
  id: string;
  class_id: string;
  status: SimilarityFlagStatus;
  score: number;
  raised_at: Date;
  outcome: SimilarityOutcome | null;
  resolution_reason: string | null;
  resolved_at: Date | null;
  attempt_a: string;
  question_a: string;
  class_a: string;
  user_a: string;
  name_a: string;
  attempt_b: string;
  question_b: string;
  class_b: string;
  user_b: string;
  name_b: string;
  passages: SimilarPassage[];
}

const FLAG_SELECT = `SELECT f.id, f.class_id, f.status, f.score::float AS score, f.raised_at, f.outcome,
       f.resolution_reason, f.resolved_at, f.passages,
       f.attempt_a, f.question_a, fa.class_id AS class_a, fa.user_id AS user_a, ua.full_name AS name_a,
       f.attempt_b, f.question_b, fb.class_id AS class_b, fb.user_id AS user_b, ub.full_name AS name_b
  FROM essay_similarity_flags f
  JOIN essay_fingerprints fa ON fa.attempt_id = f.attempt_a AND fa.question_id = f.question_a
  JOIN essay_fingerprints fb ON fb.attempt_id = f.attempt_b AND fb.question_id = f.question_b
  JOIN users ua ON ua.id = fa.user_id JOIN users ub ON ub.id = fb.user_id`;

const side = (row: FlagRow, which: 'a' | 'b'): FlaggedEssay =>
  which === 'a'
    ? {
        attemptId: row.attempt_a,
        questionId: row.question_a,
        classId: row.class_a,
        userId: row.user_a,
        fullName: row.name_a,
      }
    : {
        attemptId: row.attempt_b,
        questionId: row.question_b,
        classId: row.class_b,
        userId: row.user_b,
        fullName: row.name_b,
      };

const toSummary = (row: FlagRow): SimilarityFlagSummary => ({
  id: row.id,
  classId: row.class_id,
  status: row.status,
  score: row.score,
  a: side(row, 'a'),
  b: side(row, 'b'),
  raisedAt: row.raised_at.toISOString(),
  outcome: row.outcome,
  resolutionReason: row.resolution_reason,
  resolvedAt: row.resolved_at?.toISOString() ?? null,
});

/**
 * Near-duplicate essays. When an attempt with essays is submitted (the
 * grading job's event, once per event), each essay is fingerprinted and
 * compared with the course's other essays — its own class's and those of
 * earlier classes of the course: candidates share an LSH band key, are
 * screened by `estimatedScore` and confirmed by `compareEssays`; a pair over
 * the threshold gets one flag (unique per unordered pair) with its passages.
 * The class's lecturers and staff list, open and resolve them.
 */
@Injectable()
export class SimilarityFlagsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly processed: ProcessedEventsService,
    private readonly access: QuizAccess,
    private readonly ledger: LedgerService,
  ) {}

  /** Once per submission event; false when it had already run. */
  screen(eventId: string, attemptId: string): Promise<boolean> {
    return this.processed.once(eventId, 'assessments.essay-similarity', (tx) => this.screenIn(tx, attemptId));
  }

  private async screenIn(tx: EntityManager, attemptId: string): Promise<void> {
    const rows: { class_id: string; course_id: string; user_id: string; items: AttemptItem[] }[] =
      await tx.query(
        `SELECT a.class_id, q.course_id, a.user_id, a.items FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
        WHERE a.id = $1 AND a.status <> 'active'`,
        [attemptId],
      );
    const attempt = rows[0];
    if (!attempt) return;
    const essayIds = attempt.items
      .filter((item) => item.type === QuestionType.Essay)
      .map((item) => item.questionId);
    if (essayIds.length === 0) return;
    // One screening per course at a time, to its commit: two essays submitted together each see the
    // other's fingerprint, instead of both looking before either is stored.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('essay-similarity:' || $1::text, 0))`, [
      attempt.course_id,
    ]);
    const answers: { question_id: string; text: string }[] = await tx.query(
      `SELECT question_id, text FROM attempt_answers
        WHERE attempt_id = $1 AND question_id = ANY($2::uuid[]) AND text IS NOT NULL`,
      [attemptId, essayIds],
    );
    for (const answer of answers) {
      const essay: Essay = {
        attemptId,
        questionId: answer.question_id,
        classId: attempt.class_id,
        fingerprint: essayFingerprint(answer.text),
      };
      await this.storeFingerprint(tx, essay, attempt);
      for (const candidate of await this.candidates(tx, essay, attempt)) {
        if (estimatedScore(essay.fingerprint, candidate.fingerprint) < SCREENING_THRESHOLD) continue;
        await this.confirm(tx, essay, candidate);
      }
    }
  }

  private async storeFingerprint(
    tx: EntityManager,
    essay: Essay,
    attempt: { course_id: string; user_id: string },
  ) {
    const { version, wordCount, shingleCount, signature, bandKeys } = essay.fingerprint;
    const inserted: unknown[] = await tx.query(
      `INSERT INTO essay_fingerprints (attempt_id, question_id, class_id, course_id, user_id, version, word_count,
                                       shingle_count, signature, band_keys)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::int[], $10::text[])
       ON CONFLICT DO NOTHING RETURNING attempt_id`,
      [
        essay.attemptId,
        essay.questionId,
        essay.classId,
        attempt.course_id,
        attempt.user_id,
        version,
        wordCount,
        shingleCount,
        signature,
        bandKeys,
      ],
    );
    if (inserted.length === 0 || bandKeys.length === 0) return;
    await tx.query(
      `INSERT INTO essay_bands (course_id, band_key, attempt_id, question_id)
       SELECT $1, k, $2, $3 FROM unnest($4::text[]) AS k ON CONFLICT DO NOTHING`,
      [attempt.course_id, essay.attemptId, essay.questionId, bandKeys],
    );
  }

  /**
   * Essays of the course sharing a band key with this one, by other learners,
   * in this class or a class of the course created before it.
   */
  private async candidates(
    tx: EntityManager,
    essay: Essay,
    attempt: { course_id: string; user_id: string },
  ): Promise<Essay[]> {
    if (essay.fingerprint.bandKeys.length === 0) return [];
    const rows: FingerprintRow[] = await tx.query(
      `SELECT f.attempt_id, f.question_id, f.class_id, f.version, f.word_count, f.shingle_count, f.signature
         FROM essay_fingerprints f
        WHERE (f.attempt_id, f.question_id) IN (
                SELECT DISTINCT b.attempt_id, b.question_id FROM essay_bands b
                 WHERE b.course_id = $1 AND b.band_key = ANY($2::text[]))
          AND f.user_id <> $3 AND f.version = $4
          AND f.class_id IN (
                SELECT c.id FROM classes c, classes mine
                 WHERE mine.id = $5 AND c.course_id = mine.course_id AND c.created_at <= mine.created_at)`,
      [
        attempt.course_id,
        essay.fingerprint.bandKeys,
        attempt.user_id,
        essay.fingerprint.version,
        essay.classId,
      ],
    );
    return rows.map((row) => ({
      attemptId: row.attempt_id,
      questionId: row.question_id,
      classId: row.class_id,
      fingerprint: {
        version: row.version,
        wordCount: row.word_count,
        shingleCount: row.shingle_count,
        signature: row.signature,
        bandKeys: [],
      },
    }));
  }

  /** Compares the texts exactly and raises the pair's flag (once) when they are over the threshold. */
  private async confirm(tx: EntityManager, essay: Essay, candidate: Essay): Promise<void> {
    const pair = flagPair(essay, candidate);
    if (!pair) return;
    const [a, b] = pair;
    const texts: { attempt_id: string; question_id: string; text: string }[] = await tx.query(
      `SELECT attempt_id, question_id, text FROM attempt_answers
        WHERE (attempt_id, question_id) IN (($1::uuid, $2::uuid), ($3::uuid, $4::uuid))`,
      [a.attemptId, a.questionId, b.attemptId, b.questionId],
    );
    const textOf = (ref: EssayRef) =>
      texts.find((row) => row.attempt_id === ref.attemptId && row.question_id === ref.questionId)?.text ?? '';
    const comparison = compareEssays(textOf(a), textOf(b));
    if (!comparison.isFlagged) return;
    // A grade given at this moment waits for the flag (its attempt row lock conflicts), then sees it and is refused.
    await tx.query('SELECT 1 FROM quiz_attempts WHERE id IN ($1, $2) ORDER BY id FOR KEY SHARE', [
      a.attemptId,
      b.attemptId,
    ]);
    const raised: { id: string }[] = await tx.query(
      `INSERT INTO essay_similarity_flags (class_id, attempt_a, question_a, attempt_b, question_b, score, passages)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (attempt_a, question_a, attempt_b, question_b) DO NOTHING RETURNING id`,
      [
        essay.classId,
        a.attemptId,
        a.questionId,
        b.attemptId,
        b.questionId,
        Math.round(comparison.score * 10_000) / 10_000,
        JSON.stringify(comparison.passages),
      ],
    );
    if (!raised[0]) return;
    await this.ledger.record(tx, {
      chain: classChain(essay.classId),
      type: EssayLedgerType.SimilarityFlagRaised,
      subjectIds: { flagId: raised[0].id, attemptId: essay.attemptId, otherAttemptId: candidate.attemptId },
      actorId: null,
      payload: { score: comparison.score, passageCount: comparison.passages.length },
    });
  }

  /** The class's flags, newest first; `status` defaults to open. Staff, lecturers and auditors of the class. */
  async list(
    principal: Principal,
    classId: string,
    query: SimilarityFlagQueryDto,
  ): Promise<SimilarityFlagSummary[]> {
    const { role } = await this.access.forClass(principal, classId);
    this.access.assertStaff(role);
    const rows: FlagRow[] = await this.dataSource.query(
      `${FLAG_SELECT} WHERE f.class_id = $1 AND f.status = $2 ORDER BY f.raised_at DESC, f.id`,
      [classId, query.status ?? SimilarityFlagStatus.Open],
    );
    return rows.map(toSummary);
  }

  /** Both essays with the passages they share. */
  async get(principal: Principal, flagId: string): Promise<SimilarityFlagDetail> {
    const row = await this.visibleFlag(principal, flagId);
    const texts: { attempt_id: string; question_id: string; text: string }[] = await this.dataSource.query(
      `SELECT attempt_id, question_id, text FROM attempt_answers
        WHERE (attempt_id, question_id) IN (($1::uuid, $2::uuid), ($3::uuid, $4::uuid))`,
      [row.attempt_a, row.question_a, row.attempt_b, row.question_b],
    );
    const textOf = (attemptId: string) => texts.find((text) => text.attempt_id === attemptId)?.text ?? '';
    return {
      ...toSummary(row),
      textA: textOf(row.attempt_a),
      textB: textOf(row.attempt_b),
      passages: row.passages,
    };
  }

  /** Editors close an open flag with an outcome and a reason (ledgered); 409 `similarity-flag.resolved` if closed. */
  async resolve(
    principal: Principal,
    flagId: string,
    outcome: SimilarityOutcome,
    reason: string,
  ): Promise<SimilarityFlagDetail> {
    const row = await this.visibleFlag(principal, flagId, true);
    await this.dataSource.transaction(async (tx) => {
      const done: unknown[] = await tx.query(
        `WITH done AS (
           UPDATE essay_similarity_flags
              SET status = 'resolved', outcome = $2, resolution_reason = $3, resolved_by = $4, resolved_at = now()
            WHERE id = $1 AND status = 'open' RETURNING id)
         SELECT id FROM done`,
        [flagId, outcome, reason, principal.userId],
      );
      if (done.length === 0)
        throw conflict('similarity-flag.resolved', 'This similarity flag has already been resolved.');
      await this.ledger.record(tx, {
        chain: classChain(row.class_id),
        type: EssayLedgerType.SimilarityFlagResolved,
        subjectIds: { flagId, attemptId: row.attempt_a, otherAttemptId: row.attempt_b },
        actorId: principal.userId,
        reason,
        payload: { outcome, score: row.score },
      });
    });
    return this.get(principal, flagId);
  }

  private async visibleFlag(principal: Principal, flagId: string, isChange = false): Promise<FlagRow> {
    const rows: FlagRow[] = await this.dataSource.query(`${FLAG_SELECT} WHERE f.id = $1`, [flagId]);
    const row = rows[0];
    if (!row) throw flagNotFound();
    const { role } = await this.access.forClass(principal, row.class_id).catch(() => {
      throw flagNotFound();
    });
    if (isChange) this.access.assertEditor(role, flagNotFound);
    else this.access.assertStaff(role);
    return row;
  }
}
