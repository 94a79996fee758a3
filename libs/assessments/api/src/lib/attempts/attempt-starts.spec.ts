import { QuestionType } from '@thuchoc/assessments/contracts';
import { AttemptItem } from './attempt-row';
import { compactItems } from './attempt-starts';

const item = (questionId: string, version: number, optionOrder: number[]): AttemptItem => ({
  questionId,
  version,
  type: QuestionType.SingleChoice,
  optionOrder,
});

describe('compactItems', () => {
  it('sends each question version once and each start as [index, optionOrder] pairs, in order', () => {
    const { questions, refs } = compactItems([
      { items: [item('q1', 1, [1, 0]), item('q2', 3, [0, 1])] },
      { items: [item('q2', 3, [1, 0]), item('q1', 2, [0, 1]), item('q1', 1, [0, 1])] },
      { items: [] },
    ]);

    expect(questions).toEqual([
      { questionId: 'q1', version: 1, type: QuestionType.SingleChoice },
      { questionId: 'q2', version: 3, type: QuestionType.SingleChoice },
      { questionId: 'q1', version: 2, type: QuestionType.SingleChoice },
    ]);
    expect(refs.map((ref) => JSON.parse(ref))).toEqual([
      [
        [0, [1, 0]],
        [1, [0, 1]],
      ],
      [
        [1, [1, 0]],
        [2, [0, 1]],
        [0, [0, 1]],
      ],
      [],
    ]);
  });

  it('puts every item back together from what it sends', () => {
    const starts = [
      { items: [item('a', 1, [2, 0, 1]), item('b', 1, [])] },
      { items: [item('b', 1, []), item('c', 4, [3, 1, 0, 2])] },
    ];
    const { questions, refs } = compactItems(starts);
    const rebuilt = refs.map((ref) =>
      (JSON.parse(ref) as [number, number[]][]).map(([index, optionOrder]) => ({
        ...questions[index],
        optionOrder,
      })),
    );

    expect(rebuilt).toEqual(starts.map((start) => start.items));
  });
});
