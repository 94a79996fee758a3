import { Injectable } from '@nestjs/common';
import { notFound } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';
import { isAdmin, Principal } from './principal';

/** Resolves a resource id to the org unit that owns it (null when there is no such resource). */
export type ScopeResolver = (id: string) => Promise<string | null>;

/**
 * Org-unit scope: every permission except admin's covers one subtree. A unit
 * is inside the caller's scope when its path starts with the scope unit's path.
 */
@Injectable()
export class ScopeService {
  private readonly resolvers = new Map<string, ScopeResolver>();

  constructor(private readonly dataSource: DataSource) {}

  /** Lets a domain say how to find the org unit of its resources (`class`, `session`, …). */
  registerResolver(resource: string, resolver: ScopeResolver): void {
    if (this.resolvers.has(resource)) throw new Error(`scope resolver for ${resource} registered twice`);
    this.resolvers.set(resource, resolver);
  }

  async resolveUnit(resource: string, id: string): Promise<string | null> {
    const resolver = this.resolvers.get(resource);
    if (!resolver) throw new Error(`no scope resolver for ${resource}`);
    return resolver(id);
  }

  async isUnitInScope(principal: Principal, unitId: string): Promise<boolean> {
    if (isAdmin(principal)) {
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM org_units WHERE id = $1', [unitId]);
      return rows.length > 0;
    }
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM org_units u JOIN org_units s ON s.id = $2
        WHERE u.id = $1 AND u.path LIKE s.path || '%'`,
      [unitId, principal.scopeUnitId],
    );
    return rows.length > 0;
  }

  /** Throws 404 unless the unit exists inside the caller's scope. */
  async assertUnitInScope(principal: Principal, unitId: string, code = 'org-unit.not-found'): Promise<void> {
    if (!(await this.isUnitInScope(principal, unitId))) throw notFound(code, 'No such unit in your scope.');
  }

  /** The path prefix that selects the caller's subtree, or null for admins (everything). */
  async scopePath(principal: Principal): Promise<string | null> {
    if (isAdmin(principal)) return null;
    // A scope unit that vanished selects nothing rather than everything.
    return (await this.pathOf(principal.scopeUnitId)) ?? '/nowhere/';
  }

  /**
   * A unit's materialized path, to pass as a parameter: `path LIKE $1 || '%'`
   * with a known prefix is an index range scan, a sub-select in its place is not.
   */
  async pathOf(unitId: string): Promise<string | null> {
    const rows: { path: string }[] = await this.dataSource.query('SELECT path FROM org_units WHERE id = $1', [
      unitId,
    ]);
    return rows[0]?.path ?? null;
  }
}
