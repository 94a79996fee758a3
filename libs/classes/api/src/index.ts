export * from './lib/classes-api.module';
