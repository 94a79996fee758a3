export * from './lib/integrity-api.module';
export * from './lib/ledger.service';
