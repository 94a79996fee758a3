export * from './lib/identity-api.module';
export * from './lib/access/access.decorators';
export * from './lib/access/principal';
export * from './lib/access/scope.service';
export * from './lib/org-units/org-units.service';
export * from './lib/users/users.service';
export * from './lib/seed/demo-seeder';
export * from './lib/seed/demo-data';
