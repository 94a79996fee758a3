import {
  AttemptAnswer,
  AttemptQuestion,
  QuestionType,
  SaveAnswerRequest,
} from '@thuchoc/assessments/contracts';

/** What the learner has chosen or typed for one question, as the page shows it. */
export interface AnswerDraft {
  choices: number[];
  text: string;
}

export const EMPTY_DRAFT: AnswerDraft = { choices: [], text: '' };

const TEXT_TYPES: readonly QuestionType[] = [QuestionType.ShortAnswer, QuestionType.Essay];

export const isTextQuestion = (type: QuestionType) => TEXT_TYPES.includes(type);

/** The drafts a page opens with: the answers the server stored, by question. */
export function draftsFromAnswers(answers: readonly AttemptAnswer[]): Record<string, AnswerDraft> {
  return Object.fromEntries(
    answers.map((answer) => [answer.questionId, { choices: [...answer.choices], text: answer.text ?? '' }]),
  );
}

export function isAnswered(draft: AnswerDraft | undefined): boolean {
  return draft !== undefined && (draft.choices.length > 0 || draft.text.trim() !== '');
}

/** The numbers (1-based, in the attempt's order) of the questions still without an answer. */
export function unansweredNumbers(
  questions: readonly AttemptQuestion[],
  drafts: Readonly<Record<string, AnswerDraft>>,
): number[] {
  return questions.flatMap((question, index) => (isAnswered(drafts[question.questionId]) ? [] : [index + 1]));
}

/**
 * The choices after the learner clicks option `index`: it replaces the choice
 * of a single-choice or true/false question, and toggles on a multiple-choice one.
 */
export function toggleChoice(type: QuestionType, choices: readonly number[], index: number): number[] {
  if (type !== QuestionType.MultipleChoice) return [index];
  return choices.includes(index)
    ? choices.filter((choice) => choice !== index)
    : [...choices, index].sort((a, b) => a - b);
}

/** The body of an autosave: text for short answers and essays, choices for the others. */
export function saveRequest(type: QuestionType, draft: AnswerDraft, seq: number): SaveAnswerRequest {
  return isTextQuestion(type) ? { seq, text: draft.text } : { seq, choices: [...draft.choices] };
}

/** Words in an essay, however they are spaced. */
export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/u);
  return words[0] === '' ? 0 : words.length;
}
