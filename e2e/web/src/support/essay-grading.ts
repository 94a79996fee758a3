import type {
  AttemptView,
  QuestionDifficulty,
  QuestionType,
  QuizResponse,
  RubricRequest,
  RubricResponse,
} from '@thuchoc/assessments/contracts';
import { ApiClient, createQuestion, createQuiz, findClass, uniqueTopic } from './api';

/**
 * The starting point of the essay grading journeys, arranged through the API:
 * an essay question in a topic of its own, a published quiz on a class that
 * draws it, a rubric on the quiz, and learners' submitted essays.
 */

// Type-only imports (the journeys load no library code): the enums' values as the API takes them.
const ESSAY = 'essay' as QuestionType;
const MEDIUM = 'medium' as QuestionDifficulty;

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

export interface EssayQuiz {
  classId: string;
  quiz: QuizResponse;
  rubric: RubricResponse;
}

/** As centre staff: the question (`points` points), the quiz (open now, closes in a day, 30 min) and its rubric. */
export async function arrangeEssayQuiz(
  staff: ApiClient,
  classCode: string,
  options: { title: string; stem: string; points: number; rubric: RubricRequest },
): Promise<EssayQuiz> {
  const klass = await findClass(staff, classCode);
  const topic = uniqueTopic('Liên hệ thực tiễn');
  await createQuestion(staff, klass.courseId, {
    type: ESSAY,
    topic,
    difficulty: MEDIUM,
    title: null,
    stem: options.stem,
    options: [],
    acceptedAnswers: [],
    acceptWithoutDiacritics: false,
    points: options.points,
    explanation: null,
  });
  const quiz = await createQuiz(staff, klass.id, {
    title: options.title,
    drawRules: [{ topic, difficulty: null, count: 1 }],
    opensAt: minutesFromNow(-1),
    closesAt: minutesFromNow(24 * 60),
    timeLimitMinutes: 30,
    passMark: 5,
    isPublished: true,
  });
  const rubric = await staff.put<RubricResponse>(`/quizzes/${quiz.id}/rubric`, options.rubric);
  return { classId: klass.id, quiz, rubric };
}

/** As a learner: starts the quiz, writes `text` as the answer of each essay question and submits. */
export async function submitEssay(username: string, quizId: string, text: string): Promise<string> {
  const learner = await ApiClient.login(username);
  const attempt = await learner.post<AttemptView>(`/me/quizzes/${quizId}/attempts`);
  for (const question of attempt.questions) {
    if (question.type !== ESSAY) continue;
    await learner.put(`/me/attempts/${attempt.id}/answers/${question.questionId}`, { seq: 1, text });
  }
  await learner.post(`/me/attempts/${attempt.id}/submit`);
  return attempt.id;
}
