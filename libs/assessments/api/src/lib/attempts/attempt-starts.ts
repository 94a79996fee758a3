import { Injectable } from '@nestjs/common';
import { AttemptEventType } from '@thuchoc/assessments/contracts';
import { KeyedBatcher } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { LEARNER_ENROLLMENT_STATUSES } from '../quizzes/quiz-access';
import { AttemptItem } from './attempt-row';
import { QUIZ_VERSION_SQL, QuizRules } from './quiz-rules-cache';

/** One learner's start, drawn by the quiz's cached rules. */
export interface StartRequest {
  quizId: string;
  rules: QuizRules;
  attemptId: string;
  userId: string;
  deviceId: string | null;
  at: Date;
  items: AttemptItem[];
}

/** The attempt inserted for a start, or null when a check did not hold (the start then takes the checked path). */
export type StartInserted = { number: number; deadline: Date } | null;

/** Starts of one quiz sent in one statement; a storm of 3,000 is a few dozen statements, not 3,000. */
const MAX_BATCH = 200;
const MAX_IN_FLIGHT = 4;

/**
 * The insert of starts drawn by cached rules, batched per quiz and rules
 * version. Each row is inserted only if every check holds for its learner on
 * the rows as they are: the quiz published, at the rules' version, open at
 * the start's time; the learner enrolled, with no active attempt and
 * attempts left. Concurrent starts of one learner leave one attempt (the
 * partial unique index; within one statement the second row is skipped).
 */
@Injectable()
export class AttemptStarts {
  private readonly batcher = new KeyedBatcher<StartRequest, StartInserted>(
    (_key, requests) => this.insertBatch(requests),
    { maxBatch: MAX_BATCH, maxInFlight: MAX_IN_FLIGHT },
  );

  constructor(private readonly dataSource: DataSource) {}

  insert(request: StartRequest): Promise<StartInserted> {
    return this.batcher.add(`${request.quizId} ${request.rules.version}`, request);
  }

  private async insertBatch(requests: StartRequest[]): Promise<StartInserted[]> {
    const { quizId, rules } = requests[0];
    const { questions, refs } = compactItems(requests);
    const rows: { id: string; number: number; deadline: Date }[] = await this.dataSource.query(
      `WITH i AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::jsonb[], $5::text[])
                    AS i(id, user_id, at, refs, device_id)),
       q AS (
         SELECT q.id, q.class_id, q.opens_at, q.closes_at, q.max_attempts
           FROM quizzes q
          WHERE q.id = $6 AND q.is_published AND ${QUIZ_VERSION_SQL} = $7::text),
       f AS (
         SELECT i.*, q.closes_at,
                (SELECT count(*)::int FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = i.user_id) AS attempts,
                q.max_attempts
           FROM i JOIN q ON i.at >= q.opens_at AND i.at < q.closes_at
          WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = q.class_id AND e.user_id = i.user_id
                           AND e.status = ANY($9))
            AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = i.user_id
                               AND a.status = 'active')),
       a AS (
         INSERT INTO quiz_attempts (id, quiz_id, class_id, user_id, number, started_at, deadline, items, device_id)
         SELECT f.id, $6::uuid, $10::uuid, f.user_id, f.attempts + 1, f.at,
                LEAST(f.at + make_interval(mins => $8::int), f.closes_at),
                COALESCE((SELECT jsonb_agg(($11::jsonb -> (r.ref->>0)::int) || jsonb_build_object('optionOrder', r.ref->1)
                                           ORDER BY r.n)
                            FROM jsonb_array_elements(f.refs) WITH ORDINALITY AS r(ref, n)), '[]'::jsonb),
                f.device_id
           FROM f WHERE f.attempts < f.max_attempts
         ON CONFLICT DO NOTHING RETURNING id, number, deadline),
       e AS (
         INSERT INTO attempt_events (attempt_id, type, device_id)
         SELECT a.id, '${AttemptEventType.Started}', i.device_id FROM a JOIN i ON i.id = a.id)
       SELECT id, number, deadline FROM a`,
      [
        requests.map((request) => request.attemptId),
        requests.map((request) => request.userId),
        requests.map((request) => request.at),
        refs,
        requests.map((request) => request.deviceId),
        quizId,
        rules.version,
        rules.time_limit_minutes,
        LEARNER_ENROLLMENT_STATUSES,
        rules.class_id,
        JSON.stringify(questions),
      ],
    );
    const inserted = new Map(rows.map((row) => [row.id, { number: row.number, deadline: row.deadline }]));
    return requests.map((request) => inserted.get(request.attemptId) ?? null);
  }
}

/**
 * The batch's frozen items, sent compactly: each question version drawn in the
 * batch once (`questions`), and per start its items as `[index, optionOrder]`
 * pairs; the statement puts each item back together as `AttemptItem`. A storm
 * of 3,000 starts sends ~1 MB to PostgreSQL instead of ~8 MB.
 */
export function compactItems(requests: readonly Pick<StartRequest, 'items'>[]): {
  questions: Omit<AttemptItem, 'optionOrder'>[];
  refs: string[];
} {
  const questions: Omit<AttemptItem, 'optionOrder'>[] = [];
  const indexes = new Map<string, number>();
  const refs = requests.map((request) =>
    JSON.stringify(
      request.items.map(({ questionId, version, type, optionOrder }) => {
        const key = `${questionId}@${version}`;
        let index = indexes.get(key);
        if (index === undefined) {
          index = questions.push({ questionId, version, type }) - 1;
          indexes.set(key, index);
        }
        return [index, optionOrder];
      }),
    ),
  );
  return { questions, refs };
}
