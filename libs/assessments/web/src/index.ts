export * from './lib/question-bank.routes';
export * from './lib/assessments.translations';
