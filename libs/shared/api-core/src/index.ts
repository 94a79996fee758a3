export * from './lib/shared-api-core.module';

