import { Injectable } from '@nestjs/common';
import { AttendanceLedgerType } from '@thuchoc/attendance/contracts';
import { classChain } from '@thuchoc/classes/contracts';
import { LedgerService } from '@thuchoc/integrity/api';
import { EntityManager } from 'typeorm';

export interface AttendanceLedgerEntry {
  type: AttendanceLedgerType;
  actorId: string | null;
  subjectIds?: Record<string, string>;
  reason?: string | null;
  payload?: Record<string, unknown>;
}

/** Attendance events go on the class's own ledger chain, next to its enrollment history, in the caller's transaction. */
@Injectable()
export class AttendanceLedger {
  constructor(private readonly ledger: LedgerService) {}

  async record(manager: EntityManager, classId: string, entry: AttendanceLedgerEntry): Promise<void> {
    await this.ledger.record(manager, { chain: classChain(classId), ...entry });
  }

  async recordMany(
    manager: EntityManager,
    classId: string,
    entries: readonly AttendanceLedgerEntry[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.ledger.recordMany(
      manager,
      entries.map((entry) => ({ chain: classChain(classId), ...entry })),
    );
  }
}
