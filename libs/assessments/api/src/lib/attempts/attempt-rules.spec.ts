import {
  AnswersShown,
  AttemptStatus,
  DrawRule,
  QuestionContent,
  QuestionDifficulty,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import {
  answerProblem,
  attemptDeadline,
  attemptSeed,
  drawQuestions,
  isNewerAnswer,
  isReviewShown,
  optionOrder,
  PoolQuestion,
  seededRandom,
  shuffle,
} from './attempt-rules';

const content = (overrides: Partial<QuestionContent> = {}): QuestionContent => ({
  type: QuestionType.SingleChoice,
  topic: 'Lịch sử Đảng',
  difficulty: QuestionDifficulty.Easy,
  title: null,
  stem: 'Câu hỏi?',
  options: [
    { text: 'A', isCorrect: true },
    { text: 'B', isCorrect: false },
    { text: 'C', isCorrect: false },
    { text: 'D', isCorrect: false },
  ],
  acceptedAnswers: [],
  acceptWithoutDiacritics: false,
  points: 1,
  explanation: null,
  ...overrides,
});

const makePool = (
  topic: string,
  difficulty: QuestionDifficulty,
  count: number,
  prefix: string,
): PoolQuestion[] =>
  Array.from({ length: count }, (_unused, i) => ({
    id: `${prefix}-${i}`,
    version: 1,
    content: content({ topic, difficulty }),
  }));

const rule = (topic: string, count: number, difficulty: QuestionDifficulty | null = null): DrawRule => ({
  topic,
  difficulty,
  count,
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBe(100);
  });

  it('seeds an attempt from its id, the same every time', () => {
    const id = '3f1c2b6e-8a0d-4c1e-9f3a-2b7d6e5c4a10';
    expect(attemptSeed(id)).toBe(attemptSeed(id));
    expect(attemptSeed(id)).not.toBe(attemptSeed('3f1c2b6e-8a0d-4c1e-9f3a-2b7d6e5c4a11'));
  });
});

describe('shuffle', () => {
  it('is a permutation and leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const result = shuffle(input, seededRandom(7));
    expect([...result].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result).not.toEqual(input);
  });

  it('puts every item everywhere over many seeds', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 200; seed++) firsts.add(shuffle([0, 1, 2, 3], seededRandom(seed))[0]);
    expect([...firsts].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('drawQuestions', () => {
  const pool = [
    ...makePool('Lịch sử Đảng', QuestionDifficulty.Easy, 5, 'ls-easy'),
    ...makePool('Lịch sử Đảng', QuestionDifficulty.Hard, 3, 'ls-hard'),
    ...makePool('Tư tưởng Hồ Chí Minh', QuestionDifficulty.Medium, 4, 'tt'),
  ];

  it('draws N per topic and difficulty, never one question twice', () => {
    const draw = drawQuestions(
      pool,
      [
        rule('Lịch sử Đảng', 2, QuestionDifficulty.Hard),
        rule('Lịch sử Đảng', 4),
        rule('Tư tưởng Hồ Chí Minh', 3),
      ],
      seededRandom(1),
    );
    expect(draw.shortfalls).toEqual([]);
    const ids = draw.questions.map((question) => question.id);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    expect(ids.filter((id) => id.startsWith('ls-hard')).length).toBeGreaterThanOrEqual(2);
    expect(ids.filter((id) => id.startsWith('tt'))).toHaveLength(3);
  });

  it('gives the same paper for the same seed and another for another seed', () => {
    const rules = [rule('Lịch sử Đảng', 3), rule('Tư tưởng Hồ Chí Minh', 2)];
    const ids = (seed: number) => drawQuestions(pool, rules, seededRandom(seed)).questions.map((q) => q.id);
    expect(ids(5)).toEqual(ids(5));
    const papers = new Set(Array.from({ length: 20 }, (_unused, seed) => ids(seed).join()));
    expect(papers.size).toBeGreaterThan(10);
  });

  it('names the rules the pool cannot satisfy, counting questions taken by earlier rules', () => {
    const draw = drawQuestions(
      pool,
      [rule('Lịch sử Đảng', 7), rule('Lịch sử Đảng', 2, QuestionDifficulty.Hard), rule('Kinh tế', 1)],
      seededRandom(3),
    );
    expect(draw.shortfalls).toEqual([
      { rule: 1, available: 1 },
      { rule: 2, available: 0 },
    ]);
  });
});

describe('optionOrder', () => {
  it('shuffles choice options when the quiz says so', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 30; seed++) orders.add(optionOrder(content(), true, seededRandom(seed)).join());
    expect(orders.size).toBeGreaterThan(5);
    expect(optionOrder(content(), false, seededRandom(1))).toEqual([0, 1, 2, 3]);
  });

  it('keeps Đúng, Sai in their order and gives text questions none', () => {
    const trueFalse = content({
      type: QuestionType.TrueFalse,
      options: [
        { text: 'Đúng', isCorrect: true },
        { text: 'Sai', isCorrect: false },
      ],
    });
    for (let seed = 0; seed < 10; seed++)
      expect(optionOrder(trueFalse, true, seededRandom(seed))).toEqual([0, 1]);
    expect(optionOrder(content({ type: QuestionType.Essay, options: [] }), true, seededRandom(1))).toEqual(
      [],
    );
  });
});

describe('attemptDeadline', () => {
  const start = new Date('2026-03-02T01:00:00Z');

  it('is the start plus the time limit', () => {
    expect(attemptDeadline(start, 30, new Date('2026-03-02T05:00:00Z')).toISOString()).toBe(
      '2026-03-02T01:30:00.000Z',
    );
  });

  it('never falls after the quiz closes', () => {
    expect(attemptDeadline(start, 30, new Date('2026-03-02T01:10:00Z')).toISOString()).toBe(
      '2026-03-02T01:10:00.000Z',
    );
  });
});

describe('isNewerAnswer', () => {
  it('takes the first write and then only higher sequence numbers', () => {
    expect(isNewerAnswer(null, 0)).toBe(true);
    expect(isNewerAnswer(3, 4)).toBe(true);
    expect(isNewerAnswer(3, 3)).toBe(false);
    expect(isNewerAnswer(3, 2)).toBe(false);
  });
});

describe('answerProblem', () => {
  it('accepts option indexes of the question, one for single choice, several for multiple choice', () => {
    expect(answerProblem(QuestionType.SingleChoice, 4, { choices: [3] })).toBeNull();
    expect(answerProblem(QuestionType.SingleChoice, 4, { choices: [] })).toBeNull();
    expect(answerProblem(QuestionType.MultipleChoice, 4, { choices: [0, 2] })).toBeNull();
    expect(answerProblem(QuestionType.SingleChoice, 4, { choices: [0, 2] })).toMatch(/một phương án/);
    expect(answerProblem(QuestionType.TrueFalse, 2, { choices: [2] })).toMatch(/không có/);
    expect(answerProblem(QuestionType.MultipleChoice, 4, { choices: [1, 1] })).toMatch(/một lần/);
    expect(answerProblem(QuestionType.SingleChoice, 4, { text: 'A' })).toMatch(/chọn phương án/);
  });

  it('takes text for short answers and essays, within their lengths', () => {
    expect(answerProblem(QuestionType.ShortAnswer, 0, { text: 'Trần Phú' })).toBeNull();
    expect(answerProblem(QuestionType.ShortAnswer, 0, { choices: [0] })).toMatch(/văn bản/);
    expect(answerProblem(QuestionType.ShortAnswer, 0, {})).toMatch(/nội dung/);
    expect(answerProblem(QuestionType.ShortAnswer, 0, { text: 'x'.repeat(501) })).toMatch(/500/);
    expect(answerProblem(QuestionType.Essay, 0, { text: 'x'.repeat(5000) })).toBeNull();
  });
});

describe('isReviewShown', () => {
  const closesAt = new Date('2026-03-09T01:00:00Z');
  const before = new Date('2026-03-05T00:00:00Z');
  const after = new Date('2026-03-10T00:00:00Z');

  it('follows the quiz rule once the attempt is graded', () => {
    expect(isReviewShown(AnswersShown.Never, closesAt, AttemptStatus.Graded, after)).toBe(false);
    expect(isReviewShown(AnswersShown.AfterSubmit, closesAt, AttemptStatus.Graded, before)).toBe(true);
    expect(isReviewShown(AnswersShown.AfterClose, closesAt, AttemptStatus.Graded, before)).toBe(false);
    expect(isReviewShown(AnswersShown.AfterClose, closesAt, AttemptStatus.AwaitingGrading, after)).toBe(true);
  });

  it('shows nothing while the attempt is active or not yet graded', () => {
    expect(isReviewShown(AnswersShown.AfterSubmit, closesAt, AttemptStatus.Active, after)).toBe(false);
    expect(isReviewShown(AnswersShown.AfterSubmit, closesAt, AttemptStatus.Submitted, after)).toBe(false);
  });
});
