import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttemptItem } from './attempt-row';

export interface AttemptOwnerItems {
  userId: string;
  items: AttemptItem[];
}

const MAX_ENTRIES = 50_000;

/**
 * An attempt's learner and frozen questions, which never change once it has
 * started: kept per process, so an autosave checks its answer against the
 * question without reading the attempt first. Oldest entries leave first.
 */
@Injectable()
export class AttemptItemsCache {
  private readonly entries = new Map<string, AttemptOwnerItems>();

  constructor(private readonly dataSource: DataSource) {}

  remember(attemptId: string, entry: AttemptOwnerItems): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(attemptId, entry);
  }

  async get(attemptId: string): Promise<AttemptOwnerItems | null> {
    const hit = this.entries.get(attemptId);
    if (hit) return hit;
    const rows: { user_id: string; items: AttemptItem[] }[] = await this.dataSource.query(
      'SELECT user_id, items FROM quiz_attempts WHERE id = $1',
      [attemptId],
    );
    if (!rows[0]) return null;
    const entry = { userId: rows[0].user_id, items: rows[0].items };
    this.remember(attemptId, entry);
    return entry;
  }
}
