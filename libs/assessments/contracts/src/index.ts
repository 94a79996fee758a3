export * from './lib/questions';
export * from './lib/question-files';
