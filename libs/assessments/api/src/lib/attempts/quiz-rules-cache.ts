import { Injectable } from '@nestjs/common';
import { DrawRule } from '@thuchoc/assessments/contracts';
import { DataSource } from 'typeorm';

/** How long a quiz's rules are reused by starts. */
const RULES_TTL_MS = 5_000;
const MAX_QUIZZES = 1_000;

/**
 * What a start draws by. `version` is the quiz's `updated_at` in microseconds:
 * the start's statement inserts only while the quiz still has that version,
 * so rules changed since they were read are never frozen into an attempt.
 */
export interface QuizRules {
  class_id: string;
  course_id: string;
  time_limit_minutes: number;
  draw_rules: DrawRule[];
  is_shuffling_options: boolean;
  is_final: boolean;
  version: string;
}

/** The version expression, the same in the read and in the start's check. */
export const QUIZ_VERSION_SQL = `(floor(extract(epoch FROM q.updated_at) * 1000000))::bigint::text`;

interface Cached {
  expiresAt: number;
  rules: Promise<QuizRules | null>;
}

/**
 * Quiz rules for starts, read once per quiz every few seconds: 3,000 learners
 * starting one quiz read its rules a handful of times instead of 3,000.
 * Nothing that decides whether a learner may start is taken from here (the
 * window, publication, attempts allowed are read by the start's own statement).
 */
@Injectable()
export class QuizRulesCache {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly dataSource: DataSource) {}

  get(quizId: string): Promise<QuizRules | null> {
    const now = Date.now();
    const hit = this.cache.get(quizId);
    if (hit && hit.expiresAt > now) return hit.rules;
    if (this.cache.size >= MAX_QUIZZES) this.forgetExpired(now);
    if (this.cache.size >= MAX_QUIZZES) this.cache.delete(this.cache.keys().next().value as string);
    const rules = this.read(quizId);
    this.cache.set(quizId, { expiresAt: now + RULES_TTL_MS, rules });
    // A failed read is not kept: the next start tries again.
    void rules.catch(() => this.cache.delete(quizId));
    return rules;
  }

  private async read(quizId: string): Promise<QuizRules | null> {
    const rows: QuizRules[] = await this.dataSource.query(
      `SELECT q.class_id, q.course_id, q.time_limit_minutes, q.draw_rules, q.is_shuffling_options, q.is_final,
              ${QUIZ_VERSION_SQL} AS version
         FROM quizzes q WHERE q.id = $1`,
      [quizId],
    );
    return rows[0] ?? null;
  }

  private forgetExpired(now: number): void {
    for (const [id, cached] of this.cache) if (cached.expiresAt <= now) this.cache.delete(id);
  }
}
