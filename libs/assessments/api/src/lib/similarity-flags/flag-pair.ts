/** One essay answer: an attempt's answer to one essay question. */
export interface EssayRef {
  attemptId: string;
  questionId: string;
}

/** Uuids are fixed-length, so comparing this text compares the attempt id, then the question id. */
const keyOf = (essay: EssayRef) => `${essay.attemptId}/${essay.questionId}`.toLowerCase();

/**
 * The pair rule: a flag is stored once per unordered pair, with A the essay
 * whose (attempt id, question id) sorts first — as the database's row
 * comparison of uuids does — so x·y and y·x are one row and a retried or
 * repeated screening raises no second flag. Null for an essay paired with
 * itself or with another answer of the same attempt (a learner does not copy
 * from themself).
 */
export function flagPair<T extends EssayRef>(x: T, y: T): [T, T] | null {
  if (x.attemptId.toLowerCase() === y.attemptId.toLowerCase()) return null;
  return keyOf(x) < keyOf(y) ? [x, y] : [y, x];
}
