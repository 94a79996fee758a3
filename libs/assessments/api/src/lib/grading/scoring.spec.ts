import { QuestionContent, QuestionDifficulty, QuestionType } from '@thuchoc/assessments/contracts';
import { correctChoices, isPassing, multipleChoiceCredit, pointsFor, quizScore } from './scoring';

const option = (text: string, isCorrect = false) => ({ text, isCorrect });

const question = (overrides: Partial<QuestionContent>): QuestionContent => ({
  type: QuestionType.SingleChoice,
  topic: 'Lịch sử Đảng',
  difficulty: QuestionDifficulty.Easy,
  title: null,
  stem: 'Câu hỏi?',
  options: [option('1925'), option('1930', true), option('1945')],
  acceptedAnswers: [],
  acceptWithoutDiacritics: false,
  points: 2,
  explanation: null,
  ...overrides,
});

const answer = (choices: number[], text: string | null = null) => ({ choices, text });

describe('pointsFor', () => {
  it('gives single choice and true/false all or nothing, through the attempt order', () => {
    const single = question({});
    // The attempt shows the options as 1930, 1945, 1925.
    const order = [1, 2, 0];
    expect(pointsFor(single, order, answer([0]))).toBe(2);
    expect(pointsFor(single, order, answer([1]))).toBe(0);
    expect(pointsFor(single, order, answer([]))).toBe(0);
    expect(pointsFor(single, order, null)).toBe(0);
    const trueFalse = question({
      type: QuestionType.TrueFalse,
      options: [option('Đúng'), option('Sai', true)],
    });
    expect(pointsFor(trueFalse, [0, 1], answer([1]))).toBe(2);
    expect(pointsFor(trueFalse, [0, 1], answer([0]))).toBe(0);
  });

  it('scores multiple choice with partial credit and a penalty for wrong options', () => {
    const multiple = question({
      type: QuestionType.MultipleChoice,
      points: 3,
      options: [
        option('Chánh cương', true),
        option('Sách lược', true),
        option('Điều lệ', true),
        option('Luận cương'),
      ],
    });
    const order = [0, 1, 2, 3];
    expect(pointsFor(multiple, order, answer([0, 1, 2]))).toBe(3);
    expect(pointsFor(multiple, order, answer([0, 1]))).toBe(2);
    expect(pointsFor(multiple, order, answer([0]))).toBe(1);
    expect(pointsFor(multiple, order, answer([0, 1, 2, 3]))).toBe(0);
    expect(pointsFor(multiple, order, answer([0, 3]))).toBe(0);
    expect(pointsFor(multiple, order, answer([3]))).toBe(0);
    expect(pointsFor(multiple, order, answer([]))).toBe(0);
  });

  it('grades short answers by the bank rule, diacritics included', () => {
    const short = question({
      type: QuestionType.ShortAnswer,
      options: [],
      acceptedAnswers: ['Trần Phú'],
    });
    expect(pointsFor(short, [], answer([], '  trần   phú '))).toBe(2);
    expect(pointsFor(short, [], answer([], 'Tran Phu'))).toBe(0);
    expect(pointsFor({ ...short, acceptWithoutDiacritics: true }, [], answer([], 'Tran Phu'))).toBe(2);
    expect(pointsFor(short, [], answer([], 'Trần Phủ'))).toBe(0);
    expect(pointsFor(short, [], null)).toBe(0);
  });

  it('leaves essays to a person', () => {
    expect(
      pointsFor(question({ type: QuestionType.Essay, options: [] }), [], answer([], 'Bài viết')),
    ).toBeNull();
  });
});

describe('multipleChoiceCredit', () => {
  it('earns per correct option, loses per wrong option, never below zero', () => {
    const correct = new Set([0, 1]);
    expect(multipleChoiceCredit(correct, 5, new Set([0, 1]))).toBe(1);
    expect(multipleChoiceCredit(correct, 5, new Set([0]))).toBe(0.5);
    expect(multipleChoiceCredit(correct, 5, new Set([0, 1, 2]))).toBeCloseTo(2 / 3);
    expect(multipleChoiceCredit(correct, 5, new Set([2, 3, 4]))).toBe(0);
    expect(multipleChoiceCredit(new Set([0, 1]), 2, new Set([0, 1]))).toBe(1);
  });
});

describe('quizScore', () => {
  it('puts points on the 10-point scale with two decimals', () => {
    expect(quizScore(7, 10)).toBe(7);
    expect(quizScore(2, 3)).toBe(6.67);
    expect(quizScore(0, 4)).toBe(0);
    expect(quizScore(0, 0)).toBe(0);
  });

  it('passes at the pass mark', () => {
    expect(isPassing(5, 5)).toBe(true);
    expect(isPassing(4.99, 5)).toBe(false);
  });
});

describe('correctChoices', () => {
  it('names the correct options by their place in the attempt', () => {
    expect(correctChoices(question({}), [2, 0, 1])).toEqual([2]);
  });
});
