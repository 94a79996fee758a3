import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgUnitsService } from '../org-units/org-units.service';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-data';

/** Seeds the demo province on an empty database. Safe to run from several processes at once. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orgUnits: OrgUnitsService,
    private readonly users: UsersService,
  ) {}

  /** Returns true when it seeded, false when the database already had users. */
  async seedIfEmpty(): Promise<boolean> {
    const seeded = await this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('thuchoc-demo-seed'))`);
      const [{ count }] = await tx.query('SELECT count(*)::int AS count FROM users');
      if (count > 0) return false;
      const unitIds = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const parentId = unit.parent ? unitIds.get(unit.parent) : null;
        const created = await this.orgUnits.create(
          { code: unit.code, name: unit.name, kind: unit.kind, parentId },
          null,
          tx,
        );
        unitIds.set(unit.code, created.id);
      }
      for (const user of DEMO_USERS) {
        const orgUnitId = unitIds.get(user.unit) as string;
        await this.users.create(
          null,
          {
            username: user.username,
            fullName: user.fullName,
            orgUnitId,
            scopeUnitId: user.scope ? unitIds.get(user.scope) : orgUnitId,
            position: user.position,
            isPartyMember: user.isPartyMember,
            roles: user.roles,
            password: DEMO_PASSWORD,
          },
          tx,
        );
      }
      return true;
    });
    if (seeded) this.logger.log('demo province seeded');
    return seeded;
  }
}
