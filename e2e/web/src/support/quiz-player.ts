import type {
  AnswersShown,
  CreateQuestionRequest,
  QuestionDifficulty,
  QuestionType,
  QuizResponse,
} from '@thuchoc/assessments/contracts';
import { ApiClient, createQuestion, createQuiz } from './api';

/*
 * Arranging what the quiz player journey starts from: questions in a topic of
 * their own and a published quiz drawing them. (Types only from the contracts:
 * this Jest project does not map the workspace's libraries at run time.)
 */

/** How a journey answers one question: the options to click, or the text to type. */
export interface QuestionAnswer {
  stem: string;
  choose?: readonly string[];
  text?: string;
}

const EASY = 'easy' as QuestionDifficulty;

/** Four objective questions, one of each type, 1 point each, and how to answer each rightly. */
export const OBJECTIVE_QUESTIONS: readonly {
  request: Omit<CreateQuestionRequest, 'topic'>;
  answer: QuestionAnswer;
}[] = [
  {
    request: {
      type: 'single-choice' as QuestionType,
      difficulty: EASY,
      stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
      options: [
        { text: '1930', isCorrect: true },
        { text: '1945', isCorrect: false },
        { text: '1954', isCorrect: false },
      ],
      explanation: 'Hội nghị thành lập Đảng họp từ ngày 6/1 đến 7/2/1930.',
    },
    answer: { stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?', choose: ['1930'] },
  },
  {
    request: {
      type: 'multiple-choice' as QuestionType,
      difficulty: EASY,
      stem: 'Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng?',
      options: [
        { text: 'Chánh cương vắn tắt', isCorrect: true },
        { text: 'Sách lược vắn tắt', isCorrect: true },
        { text: 'Luận cương chính trị', isCorrect: false },
      ],
    },
    answer: {
      stem: 'Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng?',
      choose: ['Chánh cương vắn tắt', 'Sách lược vắn tắt'],
    },
  },
  {
    request: {
      type: 'true-false' as QuestionType,
      difficulty: EASY,
      stem: 'Hội nghị thành lập Đảng họp tại Hương Cảng (Trung Quốc).',
      options: [
        { text: 'Đúng', isCorrect: true },
        { text: 'Sai', isCorrect: false },
      ],
    },
    answer: { stem: 'Hội nghị thành lập Đảng họp tại Hương Cảng (Trung Quốc).', choose: ['Đúng'] },
  },
  {
    request: {
      type: 'short-answer' as QuestionType,
      difficulty: EASY,
      stem: 'Ai đọc bản Tuyên ngôn độc lập ngày 2/9/1945?',
      acceptedAnswers: ['Hồ Chí Minh', 'Chủ tịch Hồ Chí Minh'],
      acceptWithoutDiacritics: true,
    },
    answer: { stem: 'Ai đọc bản Tuyên ngôn độc lập ngày 2/9/1945?', text: 'Hồ Chí Minh' },
  },
];

/** The right answer to the question with this stem. */
export function answerTo(stem: string): QuestionAnswer {
  const found = OBJECTIVE_QUESTIONS.find((question) => question.answer.stem === stem.trim());
  if (!found) throw new Error(`Not one of the journey's questions: ${stem}`);
  return found.answer;
}

/** The four objective questions in `topic` of the course, created by centre staff. */
export async function createObjectiveQuestions(
  staff: ApiClient,
  courseId: string,
  topic: string,
): Promise<void> {
  for (const { request } of OBJECTIVE_QUESTIONS) await createQuestion(staff, courseId, { ...request, topic });
}

/**
 * A published quiz on the class drawing the four questions of `topic`, open
 * since a minute ago and closing `closesInSeconds` from now, one attempt,
 * pass mark 5, the answers shown as soon as an attempt is graded.
 */
export function publishQuiz(
  staff: ApiClient,
  classId: string,
  options: { topic: string; title: string; closesInSeconds: number; timeLimitMinutes: number },
): Promise<QuizResponse> {
  const now = Date.now();
  return createQuiz(staff, classId, {
    title: options.title,
    description: 'Ôn tập lịch sử Đảng.',
    drawRules: [{ topic: options.topic, difficulty: null, count: OBJECTIVE_QUESTIONS.length }],
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + options.closesInSeconds * 1000).toISOString(),
    timeLimitMinutes: options.timeLimitMinutes,
    maxAttempts: 1,
    passMark: 5,
    answersShown: 'after-submit' as AnswersShown,
    isPublished: true,
  });
}
