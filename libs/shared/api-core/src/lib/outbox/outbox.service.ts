import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NewDomainEvent {
  type: string;
  queue: string;
  payload: Record<string, unknown>;
}

type Listener = () => void;

/**
 * The head of an INSERT of outbox events, for a statement that publishes what
 * it changed itself (e.g. `… queued AS (${OUTBOX_INSERT} SELECT $5, $6, jsonb_build_object('id', id) FROM changed)`),
 * saving the round trips of a transaction. Call `OutboxService.published()` after it.
 */
export const OUTBOX_INSERT = 'INSERT INTO outbox_events (type, queue, payload)';

/**
 * Writes domain events in the caller's transaction. The relay hands them to
 * the queue after commit; if Redis or a worker is down they wait here.
 */
@Injectable()
export class OutboxService {
  private readonly listeners: Listener[] = [];

  async publish(manager: EntityManager, event: NewDomainEvent): Promise<string> {
    const rows: { id: string }[] = await manager.query(`${OUTBOX_INSERT} VALUES ($1, $2, $3) RETURNING id`, [
      event.type,
      event.queue,
      JSON.stringify(event.payload),
    ]);
    this.published();
    return rows[0].id;
  }

  /** Wakes an in-process relay once the statement or transaction that wrote events has had time to commit. */
  published(): void {
    setImmediate(() => this.listeners.forEach((listener) => listener()));
  }

  onPublish(listener: Listener): void {
    this.listeners.push(listener);
  }
}
