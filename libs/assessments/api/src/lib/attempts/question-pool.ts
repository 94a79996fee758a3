import { Injectable } from '@nestjs/common';
import { QuestionContent } from '@thuchoc/assessments/contracts';
import { DataSource } from 'typeorm';
import { PoolQuestion } from './attempt-rules';

/** How long a course's pool is reused for draws. */
const POOL_TTL_MS = 30_000;

interface CachedPool {
  expiresAt: number;
  pool: Promise<PoolQuestion[]>;
}

/**
 * The active questions of a course's bank, each at its current version: what
 * draws pick from. Starts reuse a course's pool for 30 s (3,000 learners
 * starting one quiz read the bank once, not 3,000 times); a question edited
 * or archived in that time may still be drawn at the version it had, which is
 * kept for ever, so the attempt stays gradable. Quiz edits check a fresh pool.
 */
@Injectable()
export class QuestionPool {
  private readonly cache = new Map<string, CachedPool>();

  constructor(private readonly dataSource: DataSource) {}

  cached(courseId: string): Promise<PoolQuestion[]> {
    const hit = this.cache.get(courseId);
    if (hit && hit.expiresAt > Date.now()) return hit.pool;
    return this.reload(courseId);
  }

  /** Reads the pool again and caches it: a draw the cached pool cannot fill (questions just added) tries this. */
  reload(courseId: string): Promise<PoolQuestion[]> {
    const now = Date.now();
    const pool = this.fresh(courseId);
    this.cache.set(courseId, { expiresAt: now + POOL_TTL_MS, pool });
    // A failed read is not kept: the next start tries again.
    void pool.catch(() => this.cache.delete(courseId));
    return pool;
  }

  async fresh(courseId: string): Promise<PoolQuestion[]> {
    const rows: { id: string; version: number; content: QuestionContent }[] = await this.dataSource.query(
      `SELECT q.id, q.version, v.content
         FROM questions q JOIN question_versions v ON v.question_id = q.id AND v.version = q.version
        WHERE q.course_id = $1 AND q.archived_at IS NULL
        ORDER BY q.topic, q.seq`,
      [courseId],
    );
    return rows;
  }
}
