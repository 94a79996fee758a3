import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller';
import { LedgerSealerProcessor } from './ledger-sealer.processor';
import { LedgerService } from './ledger.service';

/** The append-only, hash-chained integrity ledger every later domain records to. */
@Module({
  controllers: [IntegrityController],
  providers: [LedgerService, LedgerSealerProcessor],
  exports: [LedgerService],
})
export class IntegrityApiModule {}
