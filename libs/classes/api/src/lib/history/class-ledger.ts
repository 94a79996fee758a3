import { Injectable } from '@nestjs/common';
import { classChain, ClassLedgerType } from '@thuchoc/classes/contracts';
import { LedgerService } from '@thuchoc/integrity/api';
import { EntityManager } from 'typeorm';

export interface ClassLedgerEntry {
  type: ClassLedgerType;
  actorId: string | null;
  subjectIds?: Record<string, string>;
  reason?: string | null;
  payload?: Record<string, unknown>;
}

/** Records a class's events on its own ledger chain, in the caller's transaction. */
@Injectable()
export class ClassLedger {
  constructor(private readonly ledger: LedgerService) {}

  async record(manager: EntityManager, classId: string, entry: ClassLedgerEntry): Promise<void> {
    await this.ledger.record(manager, { chain: classChain(classId), ...entry });
  }

  async recordMany(
    manager: EntityManager,
    classId: string,
    entries: readonly ClassLedgerEntry[],
  ): Promise<void> {
    await this.ledger.recordMany(
      manager,
      entries.map((entry) => ({ chain: classChain(classId), ...entry })),
    );
  }
}
