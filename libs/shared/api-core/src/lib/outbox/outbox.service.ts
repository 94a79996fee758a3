import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface NewDomainEvent {
  type: string;
  queue: string;
  payload: Record<string, unknown>;
}

type Listener = () => void;

/**
 * Writes domain events in the caller's transaction. The relay hands them to
 * the queue after commit; if Redis or a worker is down they wait here.
 */
@Injectable()
export class OutboxService {
  private readonly listeners: Listener[] = [];

  async publish(manager: EntityManager, event: NewDomainEvent): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      'INSERT INTO outbox_events (type, queue, payload) VALUES ($1, $2, $3) RETURNING id',
      [event.type, event.queue, JSON.stringify(event.payload)],
    );
    // Wake an in-process relay once the surrounding transaction has had time to commit.
    setImmediate(() => this.listeners.forEach((listener) => listener()));
    return rows[0].id;
  }

  onPublish(listener: Listener): void {
    this.listeners.push(listener);
  }
}
