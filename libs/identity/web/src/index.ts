export * from './lib/data-access/role-areas';
export * from './lib/data-access/session.store';
export * from './lib/identity.routes';
export * from './lib/identity.translations';
export * from './lib/components/profile-card';
export * from './lib/components/scope-users';
