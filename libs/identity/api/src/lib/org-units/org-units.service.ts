import { Injectable } from '@nestjs/common';
import { badRequest, conflict, notFound, OutboxService } from '@thuchoc/shared/api-core';
import {
  IDENTITY_EVENTS_QUEUE,
  IdentityEventType,
  OrgUnitEventType,
  OrgUnitStatus,
} from '@thuchoc/identity/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../access/principal';
import { ScopeService } from '../access/scope.service';
import {
  CreateOrgUnitDto,
  MergeOrgUnitDto,
  MoveOrgUnitDto,
  RenameOrgUnitDto,
} from './dto/org-unit-requests.dto';
import { OrgUnitEvent } from './org-unit-event.entity';
import { OrgUnit } from './org-unit.entity';

/**
 * The org-unit tree. Any depth; a unit's materialized path (`/root/…/self/`)
 * makes "everything under X" one indexed prefix match. Renames, moves and
 * merges are recorded as events so history keeps the names units had.
 */
@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly outbox: OutboxService,
  ) {
    scopes.registerResolver('org-unit', async (id) => ((await this.find(id)) ? id : null));
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrgUnit | null> {
    return manager.findOne(OrgUnit, { where: { id } });
  }

  async get(id: string): Promise<OrgUnit> {
    const unit = await this.find(id);
    if (!unit) throw notFound('org-unit.not-found', 'No such unit in your scope.');
    return unit;
  }

  /** Every unit in the caller's subtree (merged ones included), parents before children. */
  async listInScope(principal: Principal): Promise<OrgUnit[]> {
    const prefix = await this.scopes.scopePath(principal);
    const query = this.dataSource.manager
      .createQueryBuilder(OrgUnit, 'u')
      .orderBy('u.depth')
      .addOrderBy('u.name');
    if (prefix !== null) query.where(`u.path LIKE :prefix || '%'`, { prefix });
    return query.getMany();
  }

  async history(id: string): Promise<OrgUnitEvent[]> {
    return this.dataSource.manager.find(OrgUnitEvent, {
      where: { unitId: id },
      order: { occurredAt: 'DESC', id: 'ASC' },
    });
  }

  async create(dto: CreateOrgUnitDto, actorId: string | null, manager?: EntityManager): Promise<OrgUnit> {
    const run = async (tx: EntityManager) => {
      const parent = dto.parentId ? await this.activeUnit(tx, dto.parentId, 'parentId') : null;
      await this.assertCodeFree(tx, dto.code);
      const id = (await tx.query('SELECT gen_random_uuid() AS id'))[0].id as string;
      const unit = tx.create(OrgUnit, {
        id,
        code: dto.code,
        name: dto.name,
        kind: dto.kind,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        status: OrgUnitStatus.Active,
        mergedIntoId: null,
      });
      await tx.save(unit);
      await this.record(tx, unit.id, OrgUnitEventType.Created, actorId, {
        nameAfter: unit.name,
        parentAfterId: unit.parentId,
      });
      return unit;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async rename(id: string, dto: RenameOrgUnitDto, actorId: string): Promise<OrgUnit> {
    return this.dataSource.transaction(async (tx) => {
      const unit = await this.lockUnit(tx, id);
      if (unit.name === dto.name) return unit;
      await this.record(tx, id, OrgUnitEventType.Renamed, actorId, {
        reason: dto.reason ?? null,
        nameBefore: unit.name,
        nameAfter: dto.name,
      });
      unit.name = dto.name;
      return tx.save(unit);
    });
  }

  async move(id: string, dto: MoveOrgUnitDto, actorId: string): Promise<OrgUnit> {
    return this.dataSource.transaction(async (tx) => {
      const unit = await this.lockUnit(tx, id);
      if (unit.status !== OrgUnitStatus.Active)
        throw conflict('org-unit.merged', 'A merged unit cannot be moved.');
      const parent = await this.activeUnit(tx, dto.parentId, 'parentId');
      if (parent.path.startsWith(unit.path)) {
        throw badRequest(
          'org-unit.move-into-own-subtree',
          'A unit cannot move under itself or its own descendant.',
          [{ field: 'parentId', messages: ['the new parent lies inside the unit being moved'] }],
        );
      }
      if (unit.parentId === parent.id) return unit;
      await this.record(tx, id, OrgUnitEventType.Moved, actorId, {
        reason: dto.reason ?? null,
        nameBefore: unit.name,
        parentBeforeId: unit.parentId,
        parentAfterId: parent.id,
      });
      await this.reparent(tx, unit, parent);
      return (await this.find(id, tx)) as OrgUnit;
    });
  }

  /**
   * Merges `id` into the target: its people and child units move to the
   * target, it stays as a predecessor marked merged, and both histories name
   * each other. Later domains follow the outbox event (their classes move too).
   */
  async merge(id: string, dto: MergeOrgUnitDto, actorId: string): Promise<OrgUnit> {
    return this.dataSource.transaction(async (tx) => {
      const source = await this.lockUnit(tx, id);
      if (source.status !== OrgUnitStatus.Active)
        throw conflict('org-unit.merged', 'This unit is already merged.');
      const target = await this.activeUnit(tx, dto.targetId, 'targetId');
      if (target.path.startsWith(source.path)) {
        throw badRequest(
          'org-unit.merge-into-own-subtree',
          'A unit cannot merge into itself or its own descendant.',
          [{ field: 'targetId', messages: ['the target lies inside the unit being merged'] }],
        );
      }
      const children = await tx.find(OrgUnit, { where: { parentId: source.id } });
      for (const child of children) await this.reparent(tx, child, target);
      await tx.query('UPDATE users SET org_unit_id = $2, updated_at = now() WHERE org_unit_id = $1', [
        source.id,
        target.id,
      ]);
      await tx.query('UPDATE users SET scope_unit_id = $2, updated_at = now() WHERE scope_unit_id = $1', [
        source.id,
        target.id,
      ]);
      await tx.update(OrgUnit, source.id, { status: OrgUnitStatus.Merged, mergedIntoId: target.id });
      await this.record(tx, source.id, OrgUnitEventType.MergedInto, actorId, {
        reason: dto.reason,
        nameBefore: source.name,
        otherUnitId: target.id,
        otherUnitName: target.name,
      });
      await this.record(tx, target.id, OrgUnitEventType.Absorbed, actorId, {
        reason: dto.reason,
        nameBefore: target.name,
        otherUnitId: source.id,
        otherUnitName: source.name,
      });
      await this.outbox.publish(tx, {
        type: IdentityEventType.OrgUnitMerged,
        queue: IDENTITY_EVENTS_QUEUE,
        payload: { sourceId: source.id, targetId: target.id, actorId },
      });
      return (await this.find(source.id, tx)) as OrgUnit;
    });
  }

  /** Moves a unit and its whole subtree under a new parent in one statement. */
  private async reparent(tx: EntityManager, unit: OrgUnit, parent: OrgUnit): Promise<void> {
    const newPath = `${parent.path}${unit.id}/`;
    await tx.query(
      `UPDATE org_units
          SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now()
        WHERE path LIKE $1 || '%'`,
      [unit.path, newPath, parent.depth + 1 - unit.depth],
    );
    await tx.update(OrgUnit, unit.id, { parentId: parent.id });
  }

  private async lockUnit(tx: EntityManager, id: string): Promise<OrgUnit> {
    const unit = await tx.findOne(OrgUnit, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw notFound('org-unit.not-found', 'No such unit in your scope.');
    return unit;
  }

  private async activeUnit(tx: EntityManager, id: string, field: string): Promise<OrgUnit> {
    const unit = await this.find(id, tx);
    if (!unit) {
      throw badRequest('org-unit.unknown', 'The named unit does not exist.', [
        { field, messages: ['no such unit'] },
      ]);
    }
    if (unit.status !== OrgUnitStatus.Active) {
      throw badRequest('org-unit.merged', 'The named unit has been merged into another.', [
        { field, messages: ['this unit has been merged; use its successor'] },
      ]);
    }
    return unit;
  }

  private async assertCodeFree(tx: EntityManager, code: string): Promise<void> {
    const taken: unknown[] = await tx.query('SELECT 1 FROM org_units WHERE lower(code) = lower($1)', [code]);
    if (taken.length > 0) throw conflict('org-unit.code-taken', `The unit code "${code}" is already used.`);
  }

  private async record(
    tx: EntityManager,
    unitId: string,
    type: OrgUnitEventType,
    actorId: string | null,
    details: Partial<OrgUnitEvent>,
  ): Promise<void> {
    await tx.insert(OrgUnitEvent, { unitId, type, actorId, ...details });
  }
}
