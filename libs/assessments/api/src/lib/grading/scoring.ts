import { QUIZ_LIMITS, QuestionContent, QuestionType } from '@thuchoc/assessments/contracts';
import { isShortAnswerAccepted } from '../rules/short-answer';

/** A learner's answer as stored: option indexes in the attempt's order, or text. */
export interface GivenAnswer {
  choices: readonly number[];
  text: string | null;
}

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** The options chosen, as indexes into the question's own options (the attempt shows them in `order`). */
const chosenOptions = (answer: GivenAnswer, order: readonly number[]) =>
  new Set(
    answer.choices.filter((choice) => choice >= 0 && choice < order.length).map((choice) => order[choice]),
  );

/**
 * The share of a multiple-choice question's points an answer earns — partial
 * credit with a penalty: each correct option chosen earns 1/(number of correct
 * options), each wrong option chosen takes away 1/(number of wrong options),
 * and the result is never below 0. All correct and no wrong → 1; choosing every
 * option, or none, → 0; so guessing everything never pays.
 */
export function multipleChoiceCredit(
  correct: ReadonlySet<number>,
  optionCount: number,
  chosen: ReadonlySet<number>,
): number {
  const wrongCount = optionCount - correct.size;
  let right = 0;
  let wrong = 0;
  for (const option of chosen) {
    if (correct.has(option)) right++;
    else wrong++;
  }
  const credit = right / correct.size - (wrongCount > 0 ? wrong / wrongCount : 0);
  return Math.max(0, credit);
}

/**
 * Points an objective answer earns, two decimals; null for an essay (a
 * lecturer grades it). Single choice and true/false: all points for exactly
 * the correct option, else 0. Multiple choice: `multipleChoiceCredit` of the
 * points. Short answer: all points when `isShortAnswerAccepted`. No answer: 0.
 */
export function pointsFor(
  content: QuestionContent,
  order: readonly number[],
  answer: GivenAnswer | null,
): number | null {
  switch (content.type) {
    case QuestionType.Essay:
      return null;
    case QuestionType.ShortAnswer:
      return answer?.text && isShortAnswerAccepted(answer.text, content) ? content.points : 0;
    case QuestionType.SingleChoice:
    case QuestionType.TrueFalse: {
      if (!answer || answer.choices.length !== 1) return 0;
      const [option] = chosenOptions(answer, order);
      return option !== undefined && content.options[option]?.isCorrect ? content.points : 0;
    }
    case QuestionType.MultipleChoice: {
      const correct = new Set(content.options.flatMap((option, index) => (option.isCorrect ? [index] : [])));
      const chosen = answer ? chosenOptions(answer, order) : new Set<number>();
      return round2(content.points * multipleChoiceCredit(correct, content.options.length, chosen));
    }
  }
}

/** Points earned over points possible on the Vietnamese 10-point scale, two decimals. */
export function quizScore(pointsEarned: number, pointsPossible: number): number {
  if (pointsPossible <= 0) return 0;
  return round2((QUIZ_LIMITS.maxScore * pointsEarned) / pointsPossible);
}

export const isPassing = (score: number, passMark: number) => score + 1e-9 >= passMark;

/** The correct options of a question, as indexes in the attempt's order (for a review). */
export function correctChoices(content: QuestionContent, order: readonly number[]): number[] {
  return order.flatMap((option, position) => (content.options[option]?.isCorrect ? [position] : []));
}
