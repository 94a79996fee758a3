import { Injectable } from '@nestjs/common';
import { badRequest, conflict, forbidden, notFound, OutboxService } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { containsPattern, foldVietnamese } from '@thuchoc/shared/util';
import { IDENTITY_EVENTS_QUEUE, IdentityEventType, OrgUnitStatus, Role } from '@thuchoc/identity/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { isAdmin, Principal } from '../access/principal';
import { ScopeService } from '../access/scope.service';
import { PasswordHasher } from '../auth/password-hasher';
import { OrgUnit } from '../org-units/org-unit.entity';
import { CreateUserDto, UpdateUserDto, UserListQueryDto } from './dto/user-requests.dto';
import { User } from './user.entity';

/** Roles centre staff may hand out; the others are the admin's to grant. */
const STAFF_GRANTABLE: readonly Role[] = [Role.Learner, Role.Lecturer];

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxService,
  ) {
    scopes.registerResolver('user', async (id) => {
      const rows: { org_unit_id: string }[] = await dataSource.query(
        'SELECT org_unit_id FROM users WHERE id = $1',
        [id],
      );
      return rows[0]?.org_unit_id ?? null;
    });
  }

  /**
   * The user with their unit, in one plain query: this runs on every `GET /me`,
   * where TypeORM's query building and hydration cost more than the query itself.
   */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    const rows: UserRow[] = await manager.query(
      `SELECT u.id, u.username, u.email, u.full_name, u.phone, u.org_unit_id, u.scope_unit_id, u.position,
              u.is_party_member, u.roles, u.is_active, u.password_changed_at, u.created_at, u.updated_at,
              o.name AS org_unit_name
         FROM users u JOIN org_units o ON o.id = u.org_unit_id
        WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? userFromRow(manager, rows[0]) : null;
  }

  async get(id: string): Promise<User> {
    const user = await this.find(id);
    if (!user) throw notFound('user.not-found', 'No such user in your scope.');
    return user;
  }

  async list(principal: Principal, query: UserListQueryDto): Promise<Page<User>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .innerJoinAndSelect('u.orgUnit', 'unit')
      .orderBy('u.fullName')
      .addOrderBy('u.id')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const prefix = await this.scopes.scopePath(principal);
    if (prefix !== null) qb.andWhere(`unit.path LIKE :prefix || '%'`, { prefix });
    if (query.orgUnitId) {
      await this.scopes.assertUnitInScope(principal, query.orgUnitId);
      qb.andWhere(`unit.path LIKE :unitPath || '%'`, { unitPath: await this.scopes.pathOf(query.orgUnitId) });
    }
    if (query.q) qb.andWhere('u.search_text LIKE :q', { q: containsPattern(query.q) });
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.isActive !== undefined) qb.andWhere('u.is_active = :isActive', { isActive: query.isActive });
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  async create(principal: Principal | null, dto: CreateUserDto, manager?: EntityManager): Promise<User> {
    const run = async (tx: EntityManager) => {
      if (principal) await this.assertMayAssign(principal, dto.roles, dto.orgUnitId, dto.scopeUnitId);
      await this.assertActiveUnit(tx, dto.orgUnitId, 'orgUnitId');
      if (dto.scopeUnitId) await this.assertActiveUnit(tx, dto.scopeUnitId, 'scopeUnitId');
      await this.assertUnique(tx, dto.username, dto.email ?? null);
      const user = tx.create(User, {
        username: dto.username,
        email: dto.email ?? null,
        passwordHash: await this.hasher.hash(dto.password),
        fullName: dto.fullName,
        searchText: userSearchText(dto.fullName, dto.username, dto.email ?? null),
        phone: dto.phone ?? null,
        orgUnitId: dto.orgUnitId,
        scopeUnitId: dto.scopeUnitId ?? dto.orgUnitId,
        position: dto.position ?? null,
        isPartyMember: dto.isPartyMember ?? false,
        roles: dto.roles,
        isActive: true,
        passwordChangedAt: null,
      });
      await tx.save(user);
      await this.publish(tx, IdentityEventType.UserCreated, user.id);
      return (await this.find(user.id, tx)) as User;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async update(principal: Principal, id: string, dto: UpdateUserDto): Promise<User> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.lock(tx, id);
      await this.assertMayManage(principal, user);
      const roles = dto.roles ?? user.roles;
      const orgUnitId = dto.orgUnitId ?? user.orgUnitId;
      const scopeUnitId = dto.scopeUnitId === undefined ? user.scopeUnitId : (dto.scopeUnitId ?? orgUnitId);
      await this.assertMayAssign(principal, roles, orgUnitId, scopeUnitId);
      if (dto.orgUnitId) await this.assertActiveUnit(tx, dto.orgUnitId, 'orgUnitId');
      if (dto.scopeUnitId) await this.assertActiveUnit(tx, dto.scopeUnitId, 'scopeUnitId');
      if (
        dto.email !== undefined &&
        dto.email !== null &&
        dto.email.toLowerCase() !== user.email?.toLowerCase()
      ) {
        await this.assertUnique(tx, null, dto.email);
      }
      if (id === principal.userId && user.roles.includes(Role.Admin) && !roles.includes(Role.Admin)) {
        throw conflict('user.self-demotion', 'You cannot remove your own admin role.');
      }
      Object.assign(user, {
        email: dto.email === undefined ? user.email : dto.email,
        fullName: dto.fullName ?? user.fullName,
        phone: dto.phone === undefined ? user.phone : dto.phone,
        position: dto.position === undefined ? user.position : dto.position,
        isPartyMember: dto.isPartyMember ?? user.isPartyMember,
        roles,
        orgUnitId,
        scopeUnitId,
      });
      user.searchText = userSearchText(user.fullName, user.username, user.email);
      delete user.orgUnit;
      await tx.save(user);
      return (await this.find(id, tx)) as User;
    });
  }

  /** Deactivated users cannot sign in, and every session they hold ends now. */
  async setActive(principal: Principal, id: string, isActive: boolean): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const user = await this.lock(tx, id);
      await this.assertMayManage(principal, user);
      if (!isActive && id === principal.userId)
        throw conflict('user.self-deactivation', 'You cannot deactivate yourself.');
      if (user.isActive === isActive) return;
      await tx.update(User, id, { isActive });
      if (!isActive) {
        await tx.query(
          'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
          [id],
        );
        await this.publish(tx, IdentityEventType.UserDeactivated, id);
      }
    });
  }

  private async lock(tx: EntityManager, id: string): Promise<User> {
    const user = await tx.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound('user.not-found', 'No such user in your scope.');
    return user;
  }

  private async assertMayManage(principal: Principal, user: User): Promise<void> {
    if (isAdmin(principal)) return;
    if (user.roles.some((role) => !STAFF_GRANTABLE.includes(role))) {
      throw forbidden(
        'user.not-manageable',
        'Only an admin may change a user with staff, auditor or admin roles.',
      );
    }
  }

  private async assertMayAssign(
    principal: Principal,
    roles: readonly Role[],
    orgUnitId: string,
    scopeUnitId: string | null | undefined,
  ): Promise<void> {
    if (isAdmin(principal)) return;
    const refused = roles.filter((role) => !STAFF_GRANTABLE.includes(role));
    if (refused.length > 0) {
      throw forbidden('user.role-not-grantable', `Only an admin may grant: ${refused.join(', ')}.`);
    }
    await this.scopes.assertUnitInScope(principal, orgUnitId);
    if (scopeUnitId) await this.scopes.assertUnitInScope(principal, scopeUnitId);
  }

  private async assertActiveUnit(tx: EntityManager, unitId: string, field: string): Promise<void> {
    const unit = await tx.findOne(OrgUnit, { where: { id: unitId } });
    if (!unit)
      throw badRequest('org-unit.unknown', 'The named unit does not exist.', [
        { field, messages: ['no such unit'] },
      ]);
    if (unit.status !== OrgUnitStatus.Active) {
      throw badRequest('org-unit.merged', 'The named unit has been merged into another.', [
        { field, messages: ['this unit has been merged; use its successor'] },
      ]);
    }
  }

  private async assertUnique(
    tx: EntityManager,
    username: string | null,
    email: string | null,
  ): Promise<void> {
    if (username) {
      const taken: unknown[] = await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [
        username,
      ]);
      if (taken.length > 0)
        throw conflict('user.username-taken', `The username "${username}" is already used.`);
    }
    if (email) {
      const taken: unknown[] = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
      if (taken.length > 0) throw conflict('user.email-taken', `The e-mail "${email}" is already used.`);
    }
  }

  private publish(tx: EntityManager, type: IdentityEventType, userId: string): Promise<string> {
    return this.outbox.publish(tx, { type, queue: IDENTITY_EVENTS_QUEUE, payload: { userId } });
  }
}

/** What user search matches against: name, username and e-mail, folded. */
export function userSearchText(fullName: string, username: string, email: string | null): string {
  return foldVietnamese([fullName, username, email ?? ''].join(' '));
}

interface UserRow {
  id: string;
  username: string;
  email: string | null;
  full_name: string;
  phone: string | null;
  org_unit_id: string;
  scope_unit_id: string;
  position: string | null;
  is_party_member: boolean;
  roles: Role[];
  is_active: boolean;
  password_changed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  org_unit_name: string;
}

function userFromRow(manager: EntityManager, row: UserRow): User {
  return manager.create(User, {
    id: row.id,
    username: row.username,
    email: row.email,
    fullName: row.full_name,
    phone: row.phone,
    orgUnitId: row.org_unit_id,
    orgUnit: manager.create(OrgUnit, { id: row.org_unit_id, name: row.org_unit_name }),
    scopeUnitId: row.scope_unit_id,
    position: row.position,
    isPartyMember: row.is_party_member,
    roles: row.roles,
    isActive: row.is_active,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
