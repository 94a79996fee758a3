export * from './lib/classes.routes';
export * from './lib/classes.translations';
export * from './lib/learning.routes';
export * from './lib/learning.translations';
