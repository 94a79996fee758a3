export * from './lib/assessments-api.module';
export { QuestionsService } from './lib/questions/questions.service';
export { isShortAnswerAccepted, normaliseAnswer } from './lib/rules/short-answer';
export type { ShortAnswerKey } from './lib/rules/short-answer';
export { AttemptSweeper } from './lib/jobs/attempt-sweeper';
export { GradingService } from './lib/grading/grading.service';
export { SimilarityFlagsService } from './lib/similarity-flags/similarity-flags.service';
