import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ASSESSMENTS_QUEUE,
  AssessmentsJobType,
  AttemptAnswer,
  AttemptEventType,
  AttemptLedgerType,
  AttemptQuestion,
  AttemptStatus,
  AttemptSummary,
  AttemptView,
  DrawRule,
  QuestionContent,
} from '@thuchoc/assessments/contracts';
import { classAbsenceRule } from '@thuchoc/attendance/api';
import { classChain } from '@thuchoc/classes/contracts';
import { Principal } from '@thuchoc/identity/api';
import { LedgerService } from '@thuchoc/integrity/api';
import {
  APP_CONFIG,
  AppConfig,
  badRequest,
  conflict,
  forbidden,
  JOB_QUEUE,
  JobQueue,
  notFound,
} from '@thuchoc/shared/api-core';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LEARNER_ENROLLMENT_STATUSES, quizNotFound } from '../quizzes/quiz-access';
import { finalEligibility } from '../quizzes/quiz-rules';
import { SaveAnswerDto } from './dto/attempt-requests.dto';
import { AttemptClosing } from './attempt-closing';
import { versionContents, versionKey } from './attempt-contents';
import { AttemptItemsCache } from './attempt-items-cache';
import { deadlineJob, QueuedDeadlines } from './deadline-jobs';
import {
  ANSWER_COLUMNS,
  AnswerRow,
  ATTEMPT_SUMMARY_COLUMNS,
  AttemptItem,
  AttemptSummaryRow,
  toAttemptSummary,
} from './attempt-row';
import {
  answerProblem,
  attemptDeadline,
  attemptSeed,
  drawQuestions,
  isNewerAnswer,
  optionOrder,
  PoolQuestion,
  seededRandom,
} from './attempt-rules';
import { AttemptStarts } from './attempt-starts';
import { QuestionPool } from './question-pool';
import { QuizRulesCache } from './quiz-rules-cache';

export const attemptNotFound = () => notFound('attempt.not-found', 'No such attempt of yours.');

const attemptClosed = () =>
  conflict('attempt.closed', 'The attempt is submitted or past its deadline; nothing was stored.');

/** What a start needs to know, read in one query. */
interface StartFacts {
  class_id: string;
  course_id: string;
  is_published: boolean;
  opens_at: Date;
  closes_at: Date;
  time_limit_minutes: number;
  max_attempts: number;
  draw_rules: DrawRule[];
  is_shuffling_options: boolean;
  is_final: boolean;
  is_enrolled: boolean;
  attempts: number;
  active_id: string | null;
}

/** An attempt row with what the learner's view needs. */
interface AttemptRow extends AttemptSummaryRow {
  class_id: string;
  items: AttemptItem[];
  device_id: string | null;
}

export interface StartedAttempt {
  view: AttemptView;
  /** False when the learner's active attempt was resumed. */
  isNew: boolean;
}

const toAnswer = (
  row: Pick<AnswerRow, 'question_id' | 'seq' | 'choices' | 'text' | 'saved_at'>,
): AttemptAnswer => ({
  questionId: row.question_id,
  seq: Number(row.seq),
  choices: row.choices,
  text: row.text,
  savedAt: row.saved_at.toISOString(),
});

export function toAttemptQuestion(item: AttemptItem, content: QuestionContent): AttemptQuestion {
  return {
    questionId: item.questionId,
    type: content.type,
    title: content.title,
    stem: content.stem,
    options: item.optionOrder.map((index) => content.options[index].text),
    points: content.points,
  };
}

/**
 * A learner's attempts: start (or resume), the view, autosave and submit.
 * Each hot path is one indexed write after its checks; the attempt's
 * deadline is the server's, enforced inside the SQL that stores an answer or
 * a submit, and a delayed job (with a sweeper behind it) submits what the
 * deadline catches still active.
 */
@Injectable()
export class AttemptsService {
  private readonly logger = new Logger(AttemptsService.name);
  private readonly queuedDeadlines = new QueuedDeadlines();

  constructor(
    private readonly dataSource: DataSource,
    private readonly pool: QuestionPool,
    private readonly quizRules: QuizRulesCache,
    private readonly starts: AttemptStarts,
    private readonly itemsCache: AttemptItemsCache,
    private readonly closing: AttemptClosing,
    private readonly ledger: LedgerService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts an attempt, or answers the learner's active one (a reload, another
   * device). The questions and option orders are drawn now and frozen into
   * the attempt; the partial unique index lets only one of concurrent starts
   * insert, and the others answer the winner's attempt.
   *
   * The common case is one row of a batched statement: drawn by the quiz's
   * cached rules, the attempt is inserted only if every check holds on the
   * rows as they are (enrolled, published, open, no active attempt, attempts
   * left, rules unchanged; see AttemptStarts). Anything else (a resume, a refusal, a final quiz's attendance
   * gate, changed rules) takes the checked path, which reads the facts first.
   */
  async start(principal: Principal, quizId: string): Promise<StartedAttempt> {
    const rules = await this.quizRules.get(quizId);
    if (!rules || rules.is_final) return this.startChecked(principal, quizId);
    const id = randomUUID();
    const random = seededRandom(attemptSeed(id));
    const draw = drawQuestions(await this.pool.cached(rules.course_id), rules.draw_rules, random);
    if (draw.shortfalls.length > 0) return this.startChecked(principal, quizId);
    const items = this.freeze(draw.questions, rules.is_shuffling_options, random);
    const now = new Date();
    const inserted = await this.starts.insert({
      quizId,
      rules,
      attemptId: id,
      userId: principal.userId,
      deviceId: principal.deviceId,
      at: now,
      items,
    });
    if (!inserted) return this.startChecked(principal, quizId);
    return this.started(
      principal,
      quizId,
      id,
      inserted.number,
      now,
      inserted.deadline,
      draw.questions,
      items,
    );
  }

  /** The start that reads the facts first: resumes, refusals with their reason, the final quiz's gate. */
  private async startChecked(principal: Principal, quizId: string): Promise<StartedAttempt> {
    const facts = await this.startFacts(principal.userId, quizId);
    if (facts.active_id) return { view: await this.view(principal, facts.active_id), isNew: false };
    const now = new Date();
    if (now < facts.opens_at) throw conflict('quiz.not-open', 'The quiz has not opened yet.');
    if (now >= facts.closes_at) throw conflict('quiz.closed', 'The quiz has closed.');
    if (facts.attempts >= facts.max_attempts)
      throw conflict('attempt.limit-reached', `All ${facts.max_attempts} attempt(s) of this quiz are used.`);
    if (facts.is_final) await this.assertEligible(facts.class_id, principal.userId);

    const id = randomUUID();
    const random = seededRandom(attemptSeed(id));
    let draw = drawQuestions(await this.pool.cached(facts.course_id), facts.draw_rules, random);
    // The cached pool may predate questions just added to the bank: look again before refusing.
    if (draw.shortfalls.length > 0)
      draw = drawQuestions(await this.pool.reload(facts.course_id), facts.draw_rules, random);
    if (draw.shortfalls.length > 0)
      throw conflict(
        'quiz.not-enough-questions',
        'The question bank no longer holds the questions this quiz draws.',
      );
    const items = this.freeze(draw.questions, facts.is_shuffling_options, random);
    const deadline = attemptDeadline(now, facts.time_limit_minutes, facts.closes_at);
    const inserted: unknown[] = await this.dataSource.query(
      `WITH a AS (
         INSERT INTO quiz_attempts (id, quiz_id, class_id, user_id, number, started_at, deadline, items, device_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT DO NOTHING RETURNING id)
       INSERT INTO attempt_events (attempt_id, type, device_id)
       SELECT id, '${AttemptEventType.Started}', $9 FROM a RETURNING attempt_id`,
      [
        id,
        quizId,
        facts.class_id,
        principal.userId,
        facts.attempts + 1,
        now,
        deadline,
        JSON.stringify(items),
        principal.deviceId,
      ],
    );
    if (inserted.length === 0) {
      // Another start of this learner won the race: answer theirs.
      const winner = await this.startFacts(principal.userId, quizId);
      if (!winner.active_id)
        throw conflict('attempt.conflict', 'Another attempt was started at the same moment.');
      return { view: await this.view(principal, winner.active_id), isNew: false };
    }
    return this.started(principal, quizId, id, facts.attempts + 1, now, deadline, draw.questions, items);
  }

  private freeze(questions: PoolQuestion[], isShuffling: boolean, random: () => number): AttemptItem[] {
    return questions.map((question) => ({
      questionId: question.id,
      version: question.version,
      type: question.content.type,
      optionOrder: optionOrder(question.content, isShuffling, random),
    }));
  }

  /** A new attempt, inserted: remembered for autosaves, its deadline queued, and the learner's view. */
  private started(
    principal: Principal,
    quizId: string,
    id: string,
    number: number,
    now: Date,
    deadline: Date,
    questions: PoolQuestion[],
    items: AttemptItem[],
  ): StartedAttempt {
    this.itemsCache.remember(id, { userId: principal.userId, items });
    this.scheduleDeadline(quizId, deadline);
    const contents = new Map(
      questions.map((question) => [versionKey(question.id, question.version), question.content]),
    );
    return {
      view: {
        id,
        quizId,
        number,
        status: AttemptStatus.Active,
        startedAt: now.toISOString(),
        deadline: deadline.toISOString(),
        submittedAt: null,
        submission: null,
        score: null,
        isPassed: null,
        isUnderReview: false,
        now: new Date().toISOString(),
        questions: this.questions(items, contents),
        answers: [],
      },
      isNew: true,
    };
  }

  /** The learner's attempt with its questions and saved answers; a new device is recorded. */
  async view(principal: Principal, attemptId: string): Promise<AttemptView> {
    const rows: AttemptRow[] = await this.dataSource.query(
      `SELECT ${ATTEMPT_SUMMARY_COLUMNS}, a.class_id, a.items, a.device_id
         FROM quiz_attempts a WHERE a.id = $1 AND a.user_id = $2`,
      [attemptId, principal.userId],
    );
    const attempt = rows[0];
    if (!attempt) throw attemptNotFound();
    if (attempt.status === AttemptStatus.Active && attempt.device_id !== principal.deviceId)
      await this.recordDeviceChange(attempt.id, principal);
    const [contents, answers] = await Promise.all([
      versionContents(this.dataSource, attempt.items),
      this.dataSource.query(`SELECT ${ANSWER_COLUMNS} FROM attempt_answers WHERE attempt_id = $1`, [
        attemptId,
      ]) as Promise<AnswerRow[]>,
    ]);
    return {
      ...toAttemptSummary(attempt),
      now: new Date().toISOString(),
      questions: this.questions(attempt.items, contents),
      answers: answers.map(toAnswer),
    };
  }

  /**
   * Autosaves one answer: one statement that stores it only while the
   * attempt is active and before its deadline plus grace (so no race stores a
   * late answer), and only over an answer with a lower sequence number. An
   * ignored write answers what is stored; a late one 409 `attempt.closed`.
   */
  async save(
    principal: Principal,
    attemptId: string,
    questionId: string,
    dto: SaveAnswerDto,
  ): Promise<AttemptAnswer> {
    const attempt = await this.itemsCache.get(attemptId);
    if (!attempt || attempt.userId !== principal.userId) throw attemptNotFound();
    const item = attempt.items.find((candidate) => candidate.questionId === questionId);
    if (!item) throw notFound('attempt-question.not-found', 'The attempt holds no such question.');
    const problem = answerProblem(item.type, item.optionOrder.length, dto);
    if (problem)
      throw badRequest('answer.invalid', problem, [
        { field: dto.text === undefined ? 'choices' : 'text', messages: [problem] },
      ]);
    const rows: (Partial<AnswerRow> & { device_id: string | null })[] = await this.dataSource.query(
      `WITH a AS (
         SELECT id, device_id FROM quiz_attempts
          WHERE id = $1 AND status = 'active' AND deadline + make_interval(secs => $2) > now()
          FOR SHARE),
       saved AS (
         INSERT INTO attempt_answers (attempt_id, question_id, seq, choices, text)
         SELECT a.id, $3, $4, $5, $6 FROM a
         ON CONFLICT (attempt_id, question_id) DO UPDATE
           SET seq = EXCLUDED.seq, choices = EXCLUDED.choices, text = EXCLUDED.text, saved_at = now()
           WHERE attempt_answers.seq < EXCLUDED.seq
         RETURNING question_id, seq, choices, text, saved_at)
       SELECT a.device_id, s.question_id, s.seq, s.choices, s.text, s.saved_at FROM a LEFT JOIN saved s ON true`,
      [
        attemptId,
        this.config.attemptGraceSeconds,
        questionId,
        dto.seq,
        JSON.stringify(dto.choices ?? []),
        dto.text ?? null,
      ],
    );
    const row = rows[0];
    if (!row) throw attemptClosed();
    if (row.device_id !== principal.deviceId) await this.recordDeviceChange(attemptId, principal);
    if (row.seq !== null && row.seq !== undefined) return toAnswer(row as AnswerRow);
    const stored: AnswerRow[] = await this.dataSource.query(
      `SELECT ${ANSWER_COLUMNS} FROM attempt_answers WHERE attempt_id = $1 AND question_id = $2`,
      [attemptId, questionId],
    );
    if (!stored[0] || isNewerAnswer(Number(stored[0].seq), dto.seq)) throw attemptClosed();
    return toAnswer(stored[0]);
  }

  /**
   * Submits the attempt. A second submit (a double click, a retry, two
   * devices) answers the one submission; a submit after the deadline plus
   * grace is refused (409 `attempt.closed`) and the attempt is auto-submitted.
   */
  async submit(principal: Principal, attemptId: string): Promise<AttemptSummary> {
    const submitted = await this.closing.submitByLearner(attemptId, principal.userId, principal.deviceId);
    if (submitted) return toAttemptSummary(submitted);
    const rows: AttemptSummaryRow[] = await this.dataSource.query(
      `SELECT ${ATTEMPT_SUMMARY_COLUMNS} FROM quiz_attempts a WHERE a.id = $1 AND a.user_id = $2`,
      [attemptId, principal.userId],
    );
    if (!rows[0]) throw attemptNotFound();
    if (rows[0].status !== AttemptStatus.Active) return toAttemptSummary(rows[0]);
    await this.closing.autoSubmit(attemptId);
    throw attemptClosed();
  }

  /**
   * The deadline job of the attempts of this quiz due in the same second: it
   * auto-submits them then. Queued once per process and second (the starts of
   * a quiz whose deadline is its close share one). If Redis is down the
   * sweeper does it; the start does not wait.
   */
  private scheduleDeadline(quizId: string, deadline: Date): void {
    const job = deadlineJob(quizId, deadline);
    const now = Date.now();
    if (!this.queuedDeadlines.claim(job, now)) return;
    void this.queue
      .add(ASSESSMENTS_QUEUE, AssessmentsJobType.AttemptsDue, job.data, {
        jobId: job.jobId,
        delayMs: job.dueAtMs + this.config.attemptGraceSeconds * 1000 - now,
      })
      .catch((error: unknown) => {
        this.queuedDeadlines.release(job);
        this.logger.warn(`deadline job ${job.jobId} not queued: ${String(error)}`);
      });
  }

  private async startFacts(userId: string, quizId: string): Promise<StartFacts> {
    const rows: StartFacts[] = await this.dataSource.query(
      `SELECT q.class_id, q.course_id, q.is_published, q.opens_at, q.closes_at, q.time_limit_minutes, q.max_attempts,
              q.draw_rules, q.is_shuffling_options, q.is_final,
              EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = q.class_id AND e.user_id = $2
                         AND e.status = ANY($3)) AS is_enrolled,
              (SELECT count(*)::int FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = $2) AS attempts,
              (SELECT a.id FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = $2 AND a.status = 'active')
                AS active_id
         FROM quizzes q WHERE q.id = $1`,
      [quizId, userId, LEARNER_ENROLLMENT_STATUSES],
    );
    const facts = rows[0];
    if (!facts || !facts.is_enrolled || !facts.is_published) throw quizNotFound();
    return facts;
  }

  /** The final quiz's gate: 403 `attempt.not-eligible` for a learner already past the absences the policy allows. */
  private async assertEligible(classId: string, userId: string): Promise<void> {
    const rule = await classAbsenceRule(this.dataSource, classId);
    const [{ absences }]: { absences: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS absences FROM attendance_records
        WHERE class_id = $1 AND user_id = $2 AND status = 'absent' AND finalised_at IS NOT NULL`,
      [classId, userId],
    );
    const eligibility = finalEligibility(absences, rule.allowed);
    if (!eligibility.isEligible) {
      throw forbidden(
        'attempt.not-eligible',
        `The final assessment needs the attendance rule met: ${eligibility.absences} absence(s), ` +
          `${eligibility.allowed} allowed (${rule.minAttendancePercent}% of ${rule.totalSessions} sessions).`,
      );
    }
  }

  /** The attempt moved to another device: allowed, and recorded in its history and on the class's ledger. */
  private async recordDeviceChange(attemptId: string, principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // A CTE so the driver answers plain rows (a bare UPDATE answers [rows, count]).
      const rows: { previous: string | null; class_id: string; quiz_id: string }[] = await tx.query(
        `WITH changed AS (
           UPDATE quiz_attempts a SET device_id = $2
             FROM (SELECT id, device_id FROM quiz_attempts WHERE id = $1 FOR UPDATE) old
            WHERE a.id = old.id AND a.status = 'active' AND a.device_id IS DISTINCT FROM $2
            RETURNING old.device_id AS previous, a.class_id, a.quiz_id)
         SELECT * FROM changed`,
        [attemptId, principal.deviceId],
      );
      const changed = rows[0];
      if (!changed) return;
      await tx.query(
        `INSERT INTO attempt_events (attempt_id, type, device_id, payload) VALUES ($1, $2, $3, $4)`,
        [
          attemptId,
          AttemptEventType.DeviceChanged,
          principal.deviceId,
          JSON.stringify({ previous: changed.previous }),
        ],
      );
      await this.ledger.record(tx, {
        chain: classChain(changed.class_id),
        type: AttemptLedgerType.DeviceChanged,
        subjectIds: { quizId: changed.quiz_id, attemptId, userId: principal.userId },
        actorId: principal.userId,
        payload: { previousDeviceId: changed.previous, deviceId: principal.deviceId },
      });
    });
  }

  private questions(
    items: readonly AttemptItem[],
    contents: Map<string, QuestionContent>,
  ): AttemptQuestion[] {
    return items.map((item) => {
      const content = contents.get(versionKey(item.questionId, item.version));
      if (!content) throw new Error(`question ${item.questionId} v${item.version} missing`);
      return toAttemptQuestion(item, content);
    });
  }
}
