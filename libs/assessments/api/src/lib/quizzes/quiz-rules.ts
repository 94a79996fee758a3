import { DrawRule, QUESTION_LIMITS, QUIZ_LIMITS, QuizSettings } from '@thuchoc/assessments/contracts';
import { badRequest } from '@thuchoc/shared/api-core';
import type { FieldError } from '@thuchoc/shared/contracts';
import { cleanTopic, FieldErrors } from '../rules/question-rules';

/** A quiz's settings as stored: text trimmed (NFC), topics as the bank stores them. */
export function cleanQuiz(settings: QuizSettings): QuizSettings {
  return {
    ...settings,
    title: settings.title.normalize('NFC').trim(),
    description: settings.description.normalize('NFC').trim(),
    drawRules: settings.drawRules.map((rule) => ({
      topic: cleanTopic(rule.topic),
      difficulty: rule.difficulty ?? null,
      count: rule.count,
    })),
  };
}

export const questionCount = (rules: readonly DrawRule[]) => rules.reduce((sum, rule) => sum + rule.count, 0);

const isWhole = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/**
 * What is wrong with a quiz's settings: lengths, 1–20 draw rules of 1–200
 * questions in all (no topic and difficulty twice), a window that closes
 * after it opens, a time limit of 1–600 minutes, 1–10 attempts and a pass
 * mark on the 10-point scale in steps of 0.01.
 */
export function quizProblems(quiz: QuizSettings): FieldError[] {
  const errors = new FieldErrors();
  const L = QUIZ_LIMITS;
  errors.check('title', quiz.title !== '', 'Tên bài kiểm tra không được để trống.');
  errors.check('title', quiz.title.length <= L.titleLength, `Tên dài tối đa ${L.titleLength} ký tự.`);
  errors.check(
    'description',
    quiz.description.length <= L.descriptionLength,
    `Mô tả dài tối đa ${L.descriptionLength} ký tự.`,
  );
  errors.check(
    'drawRules',
    quiz.drawRules.length >= 1 && quiz.drawRules.length <= L.maxDrawRules,
    `Cần từ 1 đến ${L.maxDrawRules} quy tắc rút câu hỏi.`,
  );
  const seen = new Set<string>();
  quiz.drawRules.forEach((rule, index) => {
    const field = `drawRules.${index}`;
    errors.check(`${field}.topic`, rule.topic !== '', 'Chủ đề không được để trống.');
    errors.check(
      `${field}.topic`,
      rule.topic.length <= QUESTION_LIMITS.topicLength,
      `Chủ đề dài tối đa ${QUESTION_LIMITS.topicLength} ký tự.`,
    );
    errors.check(`${field}.count`, isWhole(rule.count, 1, L.maxQuestions), 'Số câu phải là số nguyên dương.');
    const key = `${rule.topic}\u0000${rule.difficulty ?? '*'}`;
    errors.check(`${field}.topic`, !seen.has(key), 'Chủ đề và mức độ này đã có một quy tắc.');
    seen.add(key);
  });
  errors.check(
    'drawRules',
    questionCount(quiz.drawRules) <= L.maxQuestions,
    `Một lượt làm bài có tối đa ${L.maxQuestions} câu hỏi.`,
  );
  const opensAt = Date.parse(quiz.opensAt);
  const closesAt = Date.parse(quiz.closesAt);
  errors.check('opensAt', !Number.isNaN(opensAt), 'Thời điểm mở không hợp lệ.');
  errors.check('closesAt', !Number.isNaN(closesAt), 'Thời điểm đóng không hợp lệ.');
  errors.check('closesAt', !(closesAt <= opensAt), 'Thời điểm đóng phải sau thời điểm mở.');
  errors.check(
    'timeLimitMinutes',
    isWhole(quiz.timeLimitMinutes, 1, L.maxTimeLimitMinutes),
    `Thời gian làm bài từ 1 đến ${L.maxTimeLimitMinutes} phút.`,
  );
  errors.check(
    'maxAttempts',
    isWhole(quiz.maxAttempts, 1, L.maxAttempts),
    `Số lượt làm bài từ 1 đến ${L.maxAttempts}.`,
  );
  errors.check(
    'passMark',
    quiz.passMark >= 0 &&
      quiz.passMark <= L.maxScore &&
      Math.abs(quiz.passMark * 100 - Math.round(quiz.passMark * 100)) < 1e-6,
    `Điểm đạt từ 0 đến ${L.maxScore}, tối đa hai chữ số thập phân.`,
  );
  return errors.list();
}

/** Throws 400 `quiz.invalid` with the field errors when the settings break a rule. */
export function assertQuiz(quiz: QuizSettings, extra: readonly FieldError[] = []): void {
  const errors = [...quizProblems(quiz), ...extra];
  if (errors.length > 0) throw badRequest('quiz.invalid', 'The quiz breaks the rules.', errors);
}

/** Whether a learner may take the final assessment: what the class's attendance rule says so far. */
export interface FinalEligibility {
  isEligible: boolean;
  /** Finalised absences so far. */
  absences: number;
  /** Absences the completion policy allows over the class's sessions. */
  allowed: number;
}

/**
 * The gate of a final quiz: a learner who has already missed more sessions
 * than the completion policy allows (finalised absences, as the absence
 * warnings count them) has broken the attendance rule and may not take it.
 */
export function finalEligibility(absences: number, allowed: number): FinalEligibility {
  return { isEligible: absences <= allowed, absences, allowed };
}
