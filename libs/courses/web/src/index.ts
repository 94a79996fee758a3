export * from './lib/courses.routes';
export * from './lib/courses.translations';
