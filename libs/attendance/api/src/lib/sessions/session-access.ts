import { Injectable } from '@nestjs/common';
import { Principal, ScopeService, isAdmin } from '@thuchoc/identity/api';
import { Role } from '@thuchoc/identity/contracts';
import { forbidden, notFound } from '@thuchoc/shared/api-core';
import { DataSource, EntityManager } from 'typeorm';
import { SESSION_FACTS_SELECT, SessionFacts } from './session-facts';

const NOT_FOUND = () => notFound('class-session.not-found', 'No such session in your scope.');

/** Who runs a class and who only reads it. */
export type ClassAccessLevel = 'run' | 'read';

/**
 * Who may see and run a session. Centre staff and admins run sessions in
 * their subtree, auditors read them there, lecturers run the sessions of the
 * classes they teach, learners see the sessions of classes they are enrolled
 * in. Anyone else gets 404, as if the session did not exist.
 */
@Injectable()
export class SessionAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
  ) {
    scopes.registerResolver('class-session', async (id) => {
      const rows: { owner_unit_id: string }[] = await dataSource.query(
        'SELECT c.owner_unit_id FROM class_sessions s JOIN classes c ON c.id = s.class_id WHERE s.id = $1',
        [id],
      );
      return rows[0]?.owner_unit_id ?? null;
    });
  }

  async facts(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<SessionFacts> {
    const rows: SessionFacts[] = await manager.query(`${SESSION_FACTS_SELECT} WHERE s.id = $1`, [sessionId]);
    if (!rows[0]) throw NOT_FOUND();
    return rows[0];
  }

  /** Locks the session row for a lifecycle change. */
  async lock(manager: EntityManager, sessionId: string): Promise<SessionFacts> {
    const rows: SessionFacts[] = await manager.query(
      `${SESSION_FACTS_SELECT} WHERE s.id = $1 FOR UPDATE OF s`,
      [sessionId],
    );
    if (!rows[0]) throw NOT_FOUND();
    return rows[0];
  }

  /** The session, if the caller may see it as staff or lecturer; `run` also requires the right to act. */
  async forStaff(principal: Principal, sessionId: string, level: ClassAccessLevel): Promise<SessionFacts> {
    const facts = await this.facts(sessionId);
    await this.assertClass(principal, facts.class_id, facts.owner_unit_id, level);
    return facts;
  }

  /** Same rule, for a whole class (its grid and policy). */
  async assertClass(
    principal: Principal,
    classId: string,
    ownerUnitId: string | null,
    level: ClassAccessLevel,
    notFoundCode = 'class-session.not-found',
  ): Promise<void> {
    const owner = ownerUnitId ?? (await this.ownerOf(classId));
    if (owner === null) throw notFound(notFoundCode, 'Not found in your scope.');
    if (isAdmin(principal)) return;
    const staffLike = principal.roles.includes(Role.CentreStaff) || principal.roles.includes(Role.Auditor);
    if (staffLike && (await this.scopes.isUnitInScope(principal, owner))) {
      if (
        level === 'run' &&
        !principal.roles.includes(Role.CentreStaff) &&
        !(await this.teaches(principal, classId))
      )
        throw forbidden('attendance.read-only', 'Auditors read attendance; they do not change it.');
      return;
    }
    if (await this.teaches(principal, classId)) return;
    throw notFound(notFoundCode, 'Not found in your scope.');
  }

  /** The session as one of its class's learners sees it; 404 for anyone not enrolled. */
  async forLearner(userId: string, sessionId: string): Promise<SessionFacts> {
    const rows: SessionFacts[] = await this.dataSource.query(
      `${SESSION_FACTS_SELECT}
        WHERE s.id = $1 AND EXISTS (SELECT 1 FROM enrollments e WHERE e.class_id = s.class_id AND e.user_id = $2
                                      AND e.status IN ('active', 'completed', 'failed'))`,
      [sessionId, userId],
    );
    if (!rows[0]) throw NOT_FOUND();
    return rows[0];
  }

  private async teaches(principal: Principal, classId: string): Promise<boolean> {
    if (!principal.roles.includes(Role.Lecturer)) return false;
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM class_lecturers WHERE class_id = $1 AND user_id = $2',
      [classId, principal.userId],
    );
    return rows.length > 0;
  }

  private async ownerOf(classId: string): Promise<string | null> {
    const rows: { owner_unit_id: string }[] = await this.dataSource.query(
      'SELECT owner_unit_id FROM classes WHERE id = $1',
      [classId],
    );
    return rows[0]?.owner_unit_id ?? null;
  }
}
