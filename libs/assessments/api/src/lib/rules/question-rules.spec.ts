import { QuestionContent, QuestionDifficulty, QuestionType } from '@thuchoc/assessments/contracts';
import { ProblemException } from '@thuchoc/shared/api-core';
import { assertQuestion, cleanQuestion, questionProblems } from './question-rules';

const option = (text: string, isCorrect = false) => ({ text, isCorrect });

function makeQuestion(overrides: Partial<QuestionContent> = {}): QuestionContent {
  return {
    type: QuestionType.SingleChoice,
    topic: 'Lịch sử Đảng',
    difficulty: QuestionDifficulty.Medium,
    title: null,
    stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
    options: [option('1925'), option('1930', true), option('1945')],
    acceptedAnswers: [],
    acceptWithoutDiacritics: false,
    points: 1,
    explanation: null,
    ...overrides,
  };
}

/** The fields a question's problems name. */
const fields = (overrides: Partial<QuestionContent>) =>
  questionProblems(cleanQuestion(makeQuestion(overrides))).map((error) => error.field);

describe(questionProblems.name, () => {
  it('finds nothing wrong with a sound question of each type', () => {
    const sound: Partial<QuestionContent>[] = [
      {},
      { type: QuestionType.MultipleChoice, options: [option('a', true), option('b', true), option('c')] },
      { type: QuestionType.TrueFalse, options: [option('Đúng'), option('Sai', true)] },
      { type: QuestionType.ShortAnswer, options: [], acceptedAnswers: ['Hà Nội', 'Thủ đô Hà Nội'] },
      { type: QuestionType.Essay, options: [], points: 10 },
    ];
    for (const overrides of sound) expect(fields(overrides)).toEqual([]);
  });

  describe('single choice', () => {
    it('needs at least two options', () => {
      expect(fields({ options: [option('1930', true)] })).toEqual(['options']);
      expect(fields({ options: [] })).toEqual(['options']);
    });

    it('needs exactly one correct option, naming how many it has', () => {
      const none = questionProblems(makeQuestion({ options: [option('a'), option('b')] }));
      expect(none).toEqual([
        { field: 'options', messages: ['Câu một lựa chọn cần đúng một phương án đúng (đang có 0).'] },
      ]);
      expect(fields({ options: [option('a', true), option('b', true)] })).toEqual(['options']);
    });

    it('takes at most ten options', () => {
      const options = Array.from({ length: 11 }, (_, i) => option(`Phương án ${i}`, i === 0));
      expect(fields({ options })).toEqual(['options']);
      expect(fields({ options: options.slice(0, 10) })).toEqual([]);
    });

    it('has no accepted answers', () => {
      expect(fields({ acceptedAnswers: ['1930'] })).toEqual(['acceptedAnswers']);
    });
  });

  describe('multiple choice', () => {
    const multiple = (options: { text: string; isCorrect: boolean }[]) =>
      fields({ type: QuestionType.MultipleChoice, options });

    it('needs at least two options and at least one correct', () => {
      expect(multiple([option('a', true)])).toEqual(['options']);
      expect(multiple([option('a'), option('b')])).toEqual(['options']);
      expect(multiple([option('a', true), option('b', true)])).toEqual([]);
    });
  });

  describe('true/false', () => {
    const trueFalse = (options: { text: string; isCorrect: boolean }[]) =>
      fields({ type: QuestionType.TrueFalse, options });

    it('has exactly the two options Đúng and Sai, in that order, one of them correct', () => {
      expect(trueFalse([option('Đúng', true), option('Sai')])).toEqual([]);
      expect(trueFalse([option('Sai', true), option('Đúng')])).toEqual(['options']);
      expect(trueFalse([option('Đúng', true)])).toEqual(['options']);
      expect(trueFalse([option('Đúng', true), option('Sai'), option('Không rõ')])).toEqual(['options']);
      expect(trueFalse([option('Có', true), option('Không')])).toEqual(['options']);
      expect(trueFalse([option('Đúng', true), option('Sai', true)])).toEqual(['options']);
      expect(trueFalse([option('Đúng'), option('Sai')])).toEqual(['options']);
    });

    it('accepts the two words in any case or Unicode form and stores them as spelled', () => {
      const cleaned = cleanQuestion(
        makeQuestion({
          type: QuestionType.TrueFalse,
          options: [option(' ĐÚNG '.normalize('NFD'), true), option('sai')],
        }),
      );
      expect(cleaned.options).toEqual([option('Đúng', true), option('Sai')]);
      expect(questionProblems(cleaned)).toEqual([]);
    });
  });

  describe('short answer', () => {
    const short = (overrides: Partial<QuestionContent>) =>
      fields({ type: QuestionType.ShortAnswer, options: [], ...overrides });

    it('needs at least one accepted answer, none blank, none repeated', () => {
      expect(short({ acceptedAnswers: [] })).toEqual(['acceptedAnswers']);
      expect(short({ acceptedAnswers: ['Hà Nội', '  '] })).toEqual(['acceptedAnswers.1']);
      expect(short({ acceptedAnswers: ['Hà Nội', 'HÀ  NỘI'] })).toEqual(['acceptedAnswers']);
    });

    it('has no options', () => {
      expect(short({ acceptedAnswers: ['a'], options: [option('a', true), option('b')] })).toEqual([
        'options',
      ]);
    });
  });

  describe('essay', () => {
    it('has no options and no accepted answers', () => {
      expect(fields({ type: QuestionType.Essay, options: [option('a', true), option('b')] })).toEqual([
        'options',
      ]);
      expect(fields({ type: QuestionType.Essay, options: [], acceptedAnswers: ['x'] })).toEqual([
        'acceptedAnswers',
      ]);
    });
  });

  it('refuses blank or repeated options', () => {
    expect(fields({ options: [option('1930', true), option(' ')] })).toEqual(['options.1.text']);
    expect(fields({ options: [option('Hà Nội', true), option('hà nội')] })).toEqual(['options']);
  });

  it('needs a topic and a stem, and keeps every text within its length', () => {
    expect(fields({ topic: '  ', stem: '' })).toEqual(['topic', 'stem']);
    expect(fields({ topic: 'x'.repeat(101) })).toEqual(['topic']);
    expect(fields({ stem: 'x'.repeat(5001) })).toEqual(['stem']);
    expect(fields({ title: 'x'.repeat(201), explanation: 'x'.repeat(5001) })).toEqual([
      'title',
      'explanation',
    ]);
  });

  it('takes positive points up to 100 in steps of 0.01', () => {
    for (const points of [0.25, 0.5, 1, 2.75, 100]) expect(fields({ points })).toEqual([]);
    for (const points of [0, -1, 100.5, 0.125, Number.NaN, Number.POSITIVE_INFINITY])
      expect(fields({ points })).toEqual(['points']);
  });
});

describe(cleanQuestion.name, () => {
  it('stores NFC, trimmed text, a collapsed topic and empty optional texts as null', () => {
    const cleaned = cleanQuestion(
      makeQuestion({
        topic: '  Lịch sử   Đảng '.normalize('NFD'),
        stem: ' Câu hỏi?\n',
        title: '  ',
        explanation: ' Vì… ',
        options: [option(' 1930 '.normalize('NFD'), true), option('1945')],
      }),
    );
    expect(cleaned).toMatchObject({
      topic: 'Lịch sử Đảng',
      stem: 'Câu hỏi?',
      title: null,
      explanation: 'Vì…',
      options: [option('1930', true), option('1945')],
    });
    expect(cleaned.topic).toBe('Lịch sử Đảng'.normalize('NFC'));
  });

  it('keeps acceptWithoutDiacritics only on short answers', () => {
    expect(cleanQuestion(makeQuestion({ acceptWithoutDiacritics: true })).acceptWithoutDiacritics).toBe(
      false,
    );
    const short = makeQuestion({
      type: QuestionType.ShortAnswer,
      options: [],
      acceptedAnswers: ['a'],
      acceptWithoutDiacritics: true,
    });
    expect(cleanQuestion(short).acceptWithoutDiacritics).toBe(true);
  });
});

describe(assertQuestion.name, () => {
  it('throws 400 question.invalid with the field errors, and nothing for a sound question', () => {
    expect(() => assertQuestion(makeQuestion())).not.toThrow();
    let problem: ProblemException | undefined;
    try {
      assertQuestion(makeQuestion({ type: QuestionType.Essay }));
    } catch (error) {
      problem = error as ProblemException;
    }
    expect(problem).toBeInstanceOf(ProblemException);
    expect(problem?.getStatus()).toBe(400);
    expect(problem?.code).toBe('question.invalid');
    expect(problem?.errors?.map((error) => error.field)).toEqual(['options']);
  });
});
