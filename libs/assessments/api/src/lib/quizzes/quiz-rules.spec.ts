import { AnswersShown, QuestionDifficulty, QuizSettings } from '@thuchoc/assessments/contracts';
import { cleanQuiz, finalEligibility, quizProblems } from './quiz-rules';

const makeQuiz = (overrides: Partial<QuizSettings> = {}): QuizSettings => ({
  title: 'Kiểm tra giữa khóa',
  description: '',
  drawRules: [{ topic: 'Lịch sử Đảng', difficulty: null, count: 5 }],
  isShufflingOptions: true,
  opensAt: '2026-03-02T01:00:00Z',
  closesAt: '2026-03-09T01:00:00Z',
  timeLimitMinutes: 30,
  maxAttempts: 1,
  passMark: 5,
  answersShown: AnswersShown.AfterClose,
  isFinal: false,
  isPublished: false,
  ...overrides,
});

const fields = (quiz: QuizSettings) => quizProblems(quiz).map((error) => error.field);

describe('quizProblems', () => {
  it('accepts a sound quiz', () => {
    expect(quizProblems(makeQuiz())).toEqual([]);
  });

  it('names each broken rule by its field', () => {
    expect(
      fields(
        makeQuiz({
          title: '',
          drawRules: [
            { topic: '', difficulty: null, count: 0 },
            { topic: 'A', difficulty: QuestionDifficulty.Easy, count: 1.5 },
          ],
          closesAt: '2026-03-01T00:00:00Z',
          timeLimitMinutes: 0,
          maxAttempts: 11,
          passMark: 10.5,
        }),
      ),
    ).toEqual([
      'title',
      'drawRules.0.topic',
      'drawRules.0.count',
      'drawRules.1.count',
      'closesAt',
      'timeLimitMinutes',
      'maxAttempts',
      'passMark',
    ]);
  });

  it('refuses a topic and difficulty twice, more than 200 questions, and a pass mark finer than 0.01', () => {
    expect(
      fields(
        makeQuiz({
          drawRules: [
            { topic: 'A', difficulty: null, count: 150 },
            { topic: 'A', difficulty: null, count: 60 },
          ],
          passMark: 5.005,
        }),
      ),
    ).toEqual(['drawRules.1.topic', 'drawRules', 'passMark']);
  });

  it('cleans topics the way the bank stores them', () => {
    const cleaned = cleanQuiz(
      makeQuiz({
        title: '  Bài 1 ',
        drawRules: [{ topic: '  Tư tưởng   Hồ Chí Minh '.normalize('NFD'), difficulty: null, count: 1 }],
      }),
    );
    expect(cleaned.title).toBe('Bài 1');
    expect(cleaned.drawRules[0].topic).toBe('Tư tưởng Hồ Chí Minh');
  });
});

describe('finalEligibility', () => {
  it('lets in a learner within the absences the attendance rule allows so far', () => {
    expect(finalEligibility(0, 2)).toEqual({ isEligible: true, absences: 0, allowed: 2 });
    expect(finalEligibility(2, 2).isEligible).toBe(true);
  });

  it('keeps out a learner who has already missed more', () => {
    expect(finalEligibility(3, 2)).toEqual({ isEligible: false, absences: 3, allowed: 2 });
    expect(finalEligibility(1, 0).isEligible).toBe(false);
  });
});
