import type {
  AttemptAnswer,
  AttemptSummary,
  AttemptView,
  CreateQuestionRequest,
  QuestionDifficulty,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import { ApiClient, createQuestion } from './api';

/** A single-choice question of the journey's topic, its correct option named. */
export interface ChoiceQuestion {
  stem: string;
  options: string[];
  correct: string;
}

/** Adds single-choice questions (1 point, medium) to a course's bank as centre staff. */
export async function addChoiceQuestions(
  staff: ApiClient,
  courseId: string,
  topic: string,
  questions: readonly ChoiceQuestion[],
): Promise<void> {
  for (const question of questions) {
    const request: CreateQuestionRequest = {
      type: 'single-choice' as QuestionType,
      topic,
      difficulty: 'medium' as QuestionDifficulty,
      stem: question.stem,
      options: question.options.map((text) => ({ text, isCorrect: text === question.correct })),
    };
    await createQuestion(staff, courseId, request);
  }
}

/**
 * A learner starts an attempt, answers each question (rightly for as many as
 * `rightAnswers`, the others wrongly) and submits it, through the API.
 */
export async function takeQuiz(
  username: string,
  quizId: string,
  questions: readonly ChoiceQuestion[],
  rightAnswers: number,
): Promise<AttemptSummary> {
  const learner = await ApiClient.login(username);
  const attempt = await learner.post<AttemptView>(`/me/quizzes/${quizId}/attempts`);
  let answered = 0;
  for (const item of attempt.questions) {
    const question = questions.find((candidate) => candidate.stem === item.stem);
    if (question === undefined) throw new Error(`The attempt drew a question of another topic: ${item.stem}`);
    const isRight = answered < rightAnswers;
    const choice = item.options.findIndex((text) => (text === question.correct) === isRight);
    await learner.put<AttemptAnswer>(`/me/attempts/${attempt.id}/answers/${item.questionId}`, {
      seq: 1,
      choices: [choice],
    });
    answered += 1;
  }
  return learner.post<AttemptSummary>(`/me/attempts/${attempt.id}/submit`);
}

/** The `datetime-local` value of an instant in Vietnam time (UTC+7), to the minute. */
export const vietnamInput = (instant: number): string =>
  new Date(instant + 7 * 3_600_000).toISOString().slice(0, 16);
