export * from './lib/question-bank.routes';
export * from './lib/assessments.translations';
export * from './lib/quizzes/quizzes.routes';
export * from './lib/quizzes/quizzes.translations';
export * from './lib/player/player.routes';
export * from './lib/player/player.translations';
export * from './lib/grading/grading.routes';
export * from './lib/grading/grading.translations';
