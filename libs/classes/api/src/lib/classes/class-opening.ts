import { Injectable } from '@nestjs/common';
import { ClassLedgerType, ClassPolicySnapshot } from '@thuchoc/classes/contracts';
import { CoursesService } from '@thuchoc/courses/api';
import { EntityManager } from 'typeorm';
import { Waitlist } from '../enrollments/waitlist';
import { ClassLedger } from '../history/class-ledger';
import { LockedClass } from './class-access';
import { OpeningFacts } from './class-rules';

/** Opening a class, whether straight away or once its opening was approved. */
@Injectable()
export class ClassOpening {
  constructor(
    private readonly courses: CoursesService,
    private readonly waitlist: Waitlist,
    private readonly ledger: ClassLedger,
  ) {}

  async facts(manager: EntityManager, klass: LockedClass): Promise<OpeningFacts> {
    const [counts]: { active: number; outside: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'active')::int AS active,
              count(*) FILTER (WHERE is_outside_target AND status IN ('active', 'pending', 'waitlisted'))::int
                AS outside
         FROM enrollments WHERE class_id = $1`,
      [klass.id],
    );
    return { activeCount: counts.active, minSize: klass.min_size, outsideTargetCount: counts.outside };
  }

  /** Opens the class: snapshots the course's scheme and policy, which the class keeps from now on. */
  async open(manager: EntityManager, klass: LockedClass, actorId: string): Promise<void> {
    // In the caller's transaction: the embedded engine has one connection, a second would wait forever.
    const rules = await this.courses.rules(klass.course_id, manager);
    const snapshot: ClassPolicySnapshot = { ...rules, takenAt: new Date().toISOString() };
    const active = await this.waitlist.activeCount(manager, klass.id);
    await manager.query(
      `UPDATE classes SET status = 'open', policy_snapshot = $2, opened_size = $3, opened_at = now(),
              updated_at = now()
        WHERE id = $1`,
      [klass.id, JSON.stringify(snapshot), active],
    );
    await this.ledger.record(manager, klass.id, {
      type: ClassLedgerType.PolicySnapshot,
      actorId,
      payload: { ...snapshot },
    });
    await this.ledger.record(manager, klass.id, {
      type: ClassLedgerType.ClassOpened,
      actorId,
      payload: { activeCount: active, minSize: klass.min_size, capacity: klass.capacity },
    });
  }
}
