import { Injectable } from '@nestjs/common';
import {
  classChain,
  ClassHistoryEntry,
  ClassVerificationResponse,
  VerificationStatus,
} from '@thuchoc/classes/contracts';
import { LedgerService } from '@thuchoc/integrity/api';
import { LedgerVerificationRecord } from '@thuchoc/integrity/contracts';
import { notFound } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';

const toVerification = (record: LedgerVerificationRecord): ClassVerificationResponse => ({
  id: record.id,
  status: record.result ? VerificationStatus.Completed : VerificationStatus.Queued,
  requestedAt: record.requestedAt,
  result: record.result,
});

/** A class's ledger chain, with people's names, for its history page; and verifier runs over it. */
@Injectable()
export class ClassHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async history(classId: string): Promise<ClassHistoryEntry[]> {
    const entries = await this.ledger.entries(classChain(classId));
    const userIds = new Set<string>();
    for (const entry of entries) {
      if (entry.actorId) userIds.add(entry.actorId);
      if (entry.subjectIds['userId']) userIds.add(entry.subjectIds['userId']);
    }
    const names = new Map<string, string>();
    if (userIds.size > 0) {
      const rows: { id: string; full_name: string }[] = await this.dataSource.query(
        'SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])',
        [[...userIds]],
      );
      for (const row of rows) names.set(row.id, row.full_name);
    }
    return entries.map((entry) => {
      const subject = entry.subjectIds['userId'];
      return {
        id: entry.id,
        type: entry.type,
        recordedAt: entry.recordedAt,
        actorId: entry.actorId,
        actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
        reason: entry.reason,
        subjectNames: subject && names.has(subject) ? [names.get(subject) as string] : [],
        payload: entry.payload,
        seq: entry.seq,
      };
    });
  }

  async requestVerification(classId: string, actorId: string): Promise<ClassVerificationResponse> {
    return toVerification(await this.ledger.requestVerification(classChain(classId), actorId));
  }

  async verification(classId: string, verificationId: string): Promise<ClassVerificationResponse> {
    const record = await this.ledger.verification(verificationId);
    if (!record || record.chain !== classChain(classId))
      throw notFound('verification.not-found', 'No such verification of this class.');
    return toVerification(record);
  }
}
