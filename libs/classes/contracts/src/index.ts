export * from './lib/classes';
export * from './lib/enrollment';
export * from './lib/events';
export * from './lib/imports';
