import { QuestionContent } from '@thuchoc/assessments/contracts';
import type { FieldError } from '@thuchoc/shared/contracts';
import { cleanQuestion, questionProblems } from '../rules/question-rules';

/** One question read from an import file, before the question rules have looked at it. */
export interface ImportedQuestion {
  /** Where it is in the file, as a field path: `rows.<sheet row>` or `questions.<n>` (GIFT, from 1). */
  at: string;
  /** Null when the file's text could not be read as a question at all. */
  content: QuestionContent | null;
  /** What reading it found wrong, fields already prefixed with `at`. */
  errors: FieldError[];
}

export interface CheckedImport {
  questions: QuestionContent[];
  /** Every problem of every question, by position in the file; empty when the file can be imported. */
  errors: FieldError[];
  /** How many questions have at least one problem. */
  badQuestions: number;
}

/** Cleans every question and applies the question rules, naming each problem by its place in the file. */
export function checkImported(items: readonly ImportedQuestion[]): CheckedImport {
  const questions: QuestionContent[] = [];
  const errors: FieldError[] = [];
  let badQuestions = 0;
  for (const item of items) {
    const cleaned = item.content && cleanQuestion(item.content);
    const ruleErrors = cleaned
      ? questionProblems(cleaned).map((error) => ({ ...error, field: `${item.at}.${error.field}` }))
      : [];
    const itemErrors = [...item.errors, ...ruleErrors];
    if (itemErrors.length > 0) badQuestions += 1;
    errors.push(...itemErrors);
    if (cleaned) questions.push(cleaned);
  }
  return { questions, errors, badQuestions };
}
