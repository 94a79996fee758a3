import { Injectable } from '@nestjs/common';
import { ClassStatus } from '@thuchoc/classes/contracts';
import { ScopeService } from '@thuchoc/identity/api';
import { notFound } from '@thuchoc/shared/api-core';
import { DataSource, EntityManager } from 'typeorm';
import { CLASS_SELECT, ClassRow } from './class-row';

/** A class row locked for a change, with the facts rules need. */
export interface LockedClass {
  id: string;
  title: string;
  status: ClassStatus;
  capacity: number;
  min_size: number;
  course_id: string;
  owner_unit_id: string;
  target_unit_id: string;
  target_path: string;
  is_self_enrollment_allowed: boolean;
  enrollment_opens_at: Date | null;
  enrollment_closes_at: Date | null;
}

/**
 * Reading and locking classes. Scope is the owner unit's subtree: the
 * `class` scope resolver lets `@ScopedBy('class')` answer 404 outside it.
 */
@Injectable()
export class ClassAccess {
  constructor(
    private readonly dataSource: DataSource,
    scopes: ScopeService,
  ) {
    scopes.registerResolver('class', async (id) => {
      const rows: { owner_unit_id: string }[] = await dataSource.query(
        'SELECT owner_unit_id FROM classes WHERE id = $1',
        [id],
      );
      return rows[0]?.owner_unit_id ?? null;
    });
  }

  async row(id: string, manager: EntityManager = this.dataSource.manager): Promise<ClassRow> {
    const rows: ClassRow[] = await manager.query(`${CLASS_SELECT} WHERE c.id = $1`, [id]);
    if (!rows[0]) throw notFound('class.not-found', 'No such class in your scope.');
    return rows[0];
  }

  /** Locks the class row: enrollment changes of one class are serialised on it (capacity, waitlist order). */
  async lock(manager: EntityManager, id: string): Promise<LockedClass> {
    const rows: LockedClass[] = await manager.query(
      `SELECT c.id, c.title, c.status, c.capacity, c.min_size, c.course_id, c.owner_unit_id, c.target_unit_id,
              t.path AS target_path, c.is_self_enrollment_allowed, c.enrollment_opens_at, c.enrollment_closes_at
         FROM classes c JOIN org_units t ON t.id = c.target_unit_id
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    if (!rows[0]) throw notFound('class.not-found', 'No such class in your scope.');
    return rows[0];
  }
}
