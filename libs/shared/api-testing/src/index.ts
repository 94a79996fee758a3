export * from './lib/shared-api-testing.module';

