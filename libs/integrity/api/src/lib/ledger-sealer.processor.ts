import { Injectable } from '@nestjs/common';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import {
  EntryRecordedPayload,
  INTEGRITY_QUEUE,
  IntegrityEventType,
  VerificationRequestedPayload,
} from '@thuchoc/integrity/contracts';
import { LedgerService } from './ledger.service';

type IntegrityJobData = EntryRecordedPayload | VerificationRequestedPayload;

/**
 * Seals a chain after entries were recorded on it, and runs requested
 * verifications. Idempotent: a redelivery seals nothing new and verifies nothing twice.
 */
@Injectable()
@ProcessorFor(INTEGRITY_QUEUE)
export class LedgerSealerProcessor implements JobProcessor<IntegrityJobData> {
  constructor(private readonly ledger: LedgerService) {}

  async handle(job: JobEnvelope<IntegrityJobData>): Promise<void> {
    if (job.name === IntegrityEventType.VerificationRequested) {
      await this.ledger.runVerification((job.data as VerificationRequestedPayload).verificationId);
    } else {
      await this.ledger.seal((job.data as EntryRecordedPayload).chain);
    }
  }
}
