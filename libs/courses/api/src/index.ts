export * from './lib/courses-api.module';
