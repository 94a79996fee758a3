export * from './lib/ledger';
