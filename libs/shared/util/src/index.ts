export * from './lib/vietnamese-text';
