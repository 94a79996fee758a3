export * from './lib/roles';
export * from './lib/org-units';
export * from './lib/users';
export * from './lib/auth';
export * from './lib/events';
