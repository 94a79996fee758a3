export * from './lib/attendance';
