export * from './lib/ledger';
export * from './lib/flags';
