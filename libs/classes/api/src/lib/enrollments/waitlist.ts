import { Injectable } from '@nestjs/common';
import {
  CLASSES_QUEUE,
  ClassesEventType,
  ClassLedgerType,
  EnrollmentsActivatedPayload,
  EnrollmentStatus,
} from '@thuchoc/classes/contracts';
import { OutboxService } from '@thuchoc/shared/api-core';
import { EntityManager } from 'typeorm';
import { LockedClass } from '../classes/class-access';
import { ClassLedger } from '../history/class-ledger';

/**
 * Places and the waitlist. Callers hold the class row lock, so counting
 * active learners and then placing one cannot race another placement.
 */
@Injectable()
export class Waitlist {
  constructor(
    private readonly ledger: ClassLedger,
    private readonly outbox: OutboxService,
  ) {}

  async activeCount(manager: EntityManager, classId: string): Promise<number> {
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM enrollments WHERE class_id = $1 AND status = 'active'`,
      [classId],
    );
    return count;
  }

  /** Active while there is room, otherwise the end of the waitlist. */
  async placeFor(manager: EntityManager, klass: LockedClass): Promise<EnrollmentStatus> {
    return (await this.activeCount(manager, klass.id)) < klass.capacity
      ? EnrollmentStatus.Active
      : EnrollmentStatus.Waitlisted;
  }

  /** Moves the first waitlisted learners into free places, oldest first. Returns who moved. */
  async fill(manager: EntityManager, klass: LockedClass, actorId: string | null): Promise<string[]> {
    const free = klass.capacity - (await this.activeCount(manager, klass.id));
    if (free <= 0) return [];
    const promoted: { id: string; user_id: string }[] = await manager.query(
      // A CTE, so the driver hands back the returned rows rather than an UPDATE's row count.
      `WITH next AS (
         SELECT id FROM enrollments WHERE class_id = $1 AND status = 'waitlisted'
          ORDER BY waitlisted_at, id LIMIT $2
       ), moved AS (
         UPDATE enrollments e SET status = 'active', waitlisted_at = NULL, decided_at = now()
           FROM next WHERE e.id = next.id
         RETURNING e.id, e.user_id, e.waitlisted_at
       )
       SELECT id, user_id FROM moved`,
      [klass.id, free],
    );
    if (promoted.length === 0) return [];
    await this.ledger.recordMany(
      manager,
      klass.id,
      promoted.map((row) => ({
        type: ClassLedgerType.EnrollmentPromoted,
        actorId,
        subjectIds: { enrollmentId: row.id, userId: row.user_id },
        payload: { status: EnrollmentStatus.Active },
      })),
    );
    await this.announce(
      manager,
      klass,
      promoted.map((row) => row.user_id),
      'promoted',
    );
    return promoted.map((row) => row.user_id);
  }

  /** Tells learners they have a place, through the outbox (a job writes their notifications). */
  async announce(
    manager: EntityManager,
    klass: { id: string; title: string },
    userIds: string[],
    via: EnrollmentsActivatedPayload['via'],
  ): Promise<void> {
    if (userIds.length === 0) return;
    const payload: EnrollmentsActivatedPayload = { classId: klass.id, classTitle: klass.title, userIds, via };
    await this.outbox.publish(manager, {
      type: ClassesEventType.EnrollmentsActivated,
      queue: CLASSES_QUEUE,
      payload: { ...payload },
    });
  }
}
