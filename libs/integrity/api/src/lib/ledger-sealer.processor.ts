import { Injectable } from '@nestjs/common';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import { EntryRecordedPayload, INTEGRITY_QUEUE } from '@thuchoc/integrity/contracts';
import { LedgerService } from './ledger.service';

/** Seals a chain after entries were recorded on it. Idempotent: a redelivery seals nothing new. */
@Injectable()
@ProcessorFor(INTEGRITY_QUEUE)
export class LedgerSealerProcessor implements JobProcessor<EntryRecordedPayload> {
  constructor(private readonly ledger: LedgerService) {}

  async handle(job: JobEnvelope<EntryRecordedPayload>): Promise<void> {
    await this.ledger.seal(job.data.chain);
  }
}
