import { Injectable } from '@nestjs/common';
import {
  classChain,
  ClassHistoryEntry,
  ClassLedgerType,
  ClassVerificationResponse,
  VerificationStatus,
} from '@thuchoc/classes/contracts';
import { LedgerService } from '@thuchoc/integrity/api';
import { LedgerEntryResponse, LedgerVerificationRecord } from '@thuchoc/integrity/contracts';
import { notFound } from '@thuchoc/shared/api-core';
import { DataSource } from 'typeorm';

const toVerification = (record: LedgerVerificationRecord): ClassVerificationResponse => ({
  id: record.id,
  status: record.result ? VerificationStatus.Completed : VerificationStatus.Queued,
  requestedAt: record.requestedAt,
  result: record.result,
});

/** How many learners a grouped entry names; the rest are counted. */
const NAMED_SUBJECTS = 3;

const importOf = (entry: LedgerEntryResponse) =>
  entry.type === ClassLedgerType.EnrollmentAdded && typeof entry.payload['importId'] === 'string'
    ? entry.payload['importId']
    : null;

/** Runs of entries, where a run is either one entry or the consecutive enrollments of one import. */
export function groupImports(entries: readonly LedgerEntryResponse[]): LedgerEntryResponse[][] {
  const groups: LedgerEntryResponse[][] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    const importId = importOf(entry);
    if (last && importId !== null && importOf(last[0]) === importId) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/** A class's ledger chain, with people's names, for its history page; and verifier runs over it. */
@Injectable()
export class ClassHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * The chain in order. Consecutive enrollments added by the same import are
   * one entry, so a 50,000-row import reads as one line, not 50,000.
   */
  async history(classId: string): Promise<ClassHistoryEntry[]> {
    const groups = groupImports(await this.ledger.entries(classChain(classId)));
    const userIds = new Set<string>();
    for (const group of groups) {
      if (group[0].actorId) userIds.add(group[0].actorId);
      for (const entry of group.slice(0, NAMED_SUBJECTS)) {
        if (entry.subjectIds['userId']) userIds.add(entry.subjectIds['userId']);
      }
    }
    const names = await this.names([...userIds]);
    return groups.map((group) => {
      const [first] = group;
      const subjects = group.flatMap((entry) =>
        entry.subjectIds['userId'] ? [entry.subjectIds['userId']] : [],
      );
      return {
        id: first.id,
        type: first.type,
        recordedAt: first.recordedAt,
        actorId: first.actorId,
        actorName: first.actorId ? (names.get(first.actorId) ?? null) : null,
        reason: first.reason,
        subjectNames: subjects
          .slice(0, NAMED_SUBJECTS)
          .flatMap((id) => (names.has(id) ? [names.get(id) as string] : [])),
        subjectCount: subjects.length,
        payload: group.length > 1 ? { ...first.payload, entries: group.length } : first.payload,
        seq: first.seq,
      };
    });
  }

  private async names(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; full_name: string }[] = await this.dataSource.query(
      'SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((row) => [row.id, row.full_name]));
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
