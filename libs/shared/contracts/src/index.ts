export * from './lib/problem-details';
export * from './lib/page';
export * from './lib/domain-event';
