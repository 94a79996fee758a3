import {
  AnswersShown,
  AttemptStatus,
  DrawRule,
  QuestionContent,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import { createHash } from 'node:crypto';

/** A source of numbers in [0, 1). */
export type Random = () => number;

/**
 * A seeded generator (mulberry32). An attempt's draw is seeded from its id,
 * which the server makes at random: unpredictable to the learner, and the
 * draw can be reproduced from the pool it was made from.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed of an attempt's draw: the first 32 bits of the SHA-256 of its id. */
export const attemptSeed = (attemptId: string) =>
  createHash('sha256').update(attemptId).digest().readUInt32BE(0);

/** A new array in random order (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** An active question of the bank as a draw sees it: its current version's content. */
export interface PoolQuestion {
  id: string;
  version: number;
  content: QuestionContent;
}

/** A rule the pool cannot satisfy: fewer questions than it asks for. */
export interface DrawShortfall {
  rule: number;
  available: number;
}

export const matchesRule = (question: PoolQuestion, rule: DrawRule) =>
  question.content.topic === rule.topic &&
  (rule.difficulty === null || question.content.difficulty === rule.difficulty);

export interface Draw {
  /** The paper, shuffled. */
  questions: PoolQuestion[];
  /** Rules the pool could not satisfy; a draw with any is not a paper to give. */
  shortfalls: DrawShortfall[];
}

/**
 * Draws each rule's count of questions at random from the pool, rules in
 * order, never one question twice, then shuffles the whole paper. A rule the
 * pool cannot satisfy takes what there is and is named in `shortfalls`.
 */
export function drawQuestions(
  pool: readonly PoolQuestion[],
  rules: readonly DrawRule[],
  random: Random,
): Draw {
  const taken = new Set<string>();
  const drawn: PoolQuestion[] = [];
  const shortfalls: DrawShortfall[] = [];
  rules.forEach((rule, index) => {
    const candidates = pool.filter((question) => !taken.has(question.id) && matchesRule(question, rule));
    if (candidates.length < rule.count) shortfalls.push({ rule: index, available: candidates.length });
    for (const question of shuffle(candidates, random).slice(0, rule.count)) {
      taken.add(question.id);
      drawn.push(question);
    }
  });
  return { questions: shuffle(drawn, random), shortfalls };
}

/**
 * The order a learner sees a question's options in, as indexes into its
 * options. True/false always reads Đúng, Sai; other choice questions are
 * shuffled when the quiz says so; short answers and essays have none.
 */
export function optionOrder(content: QuestionContent, isShuffling: boolean, random: Random): number[] {
  const order = content.options.map((_option, index) => index);
  return isShuffling && content.type !== QuestionType.TrueFalse ? shuffle(order, random) : order;
}

/** An attempt's deadline: its time limit from the start, but never after the quiz closes. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number, closesAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + timeLimitMinutes * 60_000, closesAt.getTime()));
}

/**
 * Autosave ordering: a write replaces the stored answer only if its sequence
 * number is above the stored one, so a retried or overtaken request never
 * brings back an older answer. (The database applies the same rule in the
 * upsert; this names it for the answer to the client.)
 */
export const isNewerAnswer = (storedSeq: number | null, seq: number) => storedSeq === null || seq > storedSeq;

/** An answer as sent: option indexes, or text. */
export interface SentAnswer {
  choices?: readonly number[];
  text?: string;
}

export const ANSWER_TEXT_LIMITS: Readonly<Record<'short' | 'essay', number>> = { short: 500, essay: 20_000 };

const CHOICE_ANSWER_TYPES: readonly QuestionType[] = [
  QuestionType.SingleChoice,
  QuestionType.MultipleChoice,
  QuestionType.TrueFalse,
];

/**
 * What is wrong with an answer to this question of the attempt, or null.
 * Choice questions take distinct option indexes of the attempt's order (at
 * most one for single choice and true/false; none clears the answer) and no
 * text; short answers (≤ 500 characters) and essays (≤ 20,000) take text and
 * no choices.
 */
export function answerProblem(type: QuestionType, optionCount: number, answer: SentAnswer): string | null {
  const choices = answer.choices ?? [];
  if (CHOICE_ANSWER_TYPES.includes(type)) {
    if (answer.text !== undefined) return 'Câu hỏi trắc nghiệm được trả lời bằng cách chọn phương án.';
    if (choices.some((choice) => !Number.isInteger(choice) || choice < 0 || choice >= optionCount))
      return 'Phương án không có trong câu hỏi.';
    if (new Set(choices).size !== choices.length) return 'Mỗi phương án chỉ chọn một lần.';
    if (type !== QuestionType.MultipleChoice && choices.length > 1)
      return 'Câu hỏi này chỉ chọn một phương án.';
    return null;
  }
  if (choices.length > 0) return 'Câu hỏi này được trả lời bằng văn bản.';
  if (answer.text === undefined) return 'Cần nội dung câu trả lời.';
  const limit = type === QuestionType.Essay ? ANSWER_TEXT_LIMITS.essay : ANSWER_TEXT_LIMITS.short;
  return answer.text.length > limit ? `Câu trả lời dài tối đa ${limit} ký tự.` : null;
}

/**
 * Whether a learner sees the keys of a submitted attempt: never, once it is
 * graded (after-submit), or once the quiz has closed (after-close). Nothing
 * is shown while the attempt is still active or waiting for its grading job.
 */
export function isReviewShown(rule: AnswersShown, closesAt: Date, status: AttemptStatus, now: Date): boolean {
  if (status !== AttemptStatus.Graded && status !== AttemptStatus.AwaitingGrading) return false;
  switch (rule) {
    case AnswersShown.Never:
      return false;
    case AnswersShown.AfterSubmit:
      return true;
    case AnswersShown.AfterClose:
      return now.getTime() >= closesAt.getTime();
  }
}
