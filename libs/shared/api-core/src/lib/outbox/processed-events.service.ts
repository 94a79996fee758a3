import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Exactly-once effects for processors that write to the database: the
 * handler's writes and the (event, handler) mark commit together, so a
 * redelivered job finds the mark and does nothing.
 */
@Injectable()
export class ProcessedEventsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` once per event and handler; returns false when it had already run. */
  async once(
    eventId: string,
    handler: string,
    work: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO processed_events (event_id, handler) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [eventId, handler],
      );
      if (inserted.length === 0) return false;
      await work(manager);
      return true;
    });
  }
}
