export * from './lib/questions';
export * from './lib/question-files';
export * from './lib/quizzes';
export * from './lib/attempts';
export * from './lib/essays';
