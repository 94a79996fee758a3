import {
  CriterionGrade,
  EssayGradeRequest,
  RUBRIC_LIMITS,
  RubricCriterion,
} from '@thuchoc/assessments/contracts';
import { badRequest } from '@thuchoc/shared/api-core';
import type { FieldError } from '@thuchoc/shared/contracts';
import { FieldErrors } from '../rules/question-rules';
import { isPassing, quizScore } from '../grading/scoring';

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;
const clean = (text: string) => text.normalize('NFC').trim();

/** A rubric as stored: labels and descriptions trimmed (NFC). */
export function cleanRubric(criteria: readonly RubricCriterion[]): RubricCriterion[] {
  return criteria.map((criterion) => ({
    label: clean(criterion.label),
    ...(criterion.description?.trim() ? { description: clean(criterion.description) } : {}),
    levels: criterion.levels.map((level) => ({ label: clean(level.label), points: level.points })),
  }));
}

const isPointValue = (points: number) =>
  Number.isFinite(points) &&
  points >= 0 &&
  points <= RUBRIC_LIMITS.maxLevelPoints &&
  Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;

/** The highest level's points of each criterion, summed: what a perfect essay earns. */
export const rubricMaxPoints = (criteria: readonly RubricCriterion[]) =>
  round2(criteria.reduce((sum, criterion) => sum + Math.max(0, ...criterion.levels.map((l) => l.points)), 0));

/**
 * What is wrong with a rubric: 1–20 criteria with unique labels, each with
 * 2–10 levels of unique labels and points from 0 to 100 in steps of 0.01, and
 * a maximum above 0 (a rubric that can only give 0 grades nothing).
 */
export function rubricProblems(criteria: readonly RubricCriterion[]): FieldError[] {
  const errors = new FieldErrors();
  const L = RUBRIC_LIMITS;
  errors.check(
    'criteria',
    criteria.length >= 1 && criteria.length <= L.maxCriteria,
    `Cần từ 1 đến ${L.maxCriteria} tiêu chí.`,
  );
  const labels = new Set<string>();
  criteria.forEach((criterion, index) => {
    const field = `criteria.${index}`;
    errors.check(`${field}.label`, criterion.label !== '', 'Tên tiêu chí không được để trống.');
    errors.check(
      `${field}.label`,
      criterion.label.length <= L.labelLength,
      `Tên dài tối đa ${L.labelLength} ký tự.`,
    );
    errors.check(`${field}.label`, !labels.has(criterion.label.toLowerCase()), 'Tên tiêu chí bị trùng.');
    labels.add(criterion.label.toLowerCase());
    errors.check(
      `${field}.description`,
      (criterion.description ?? '').length <= L.descriptionLength,
      `Mô tả dài tối đa ${L.descriptionLength} ký tự.`,
    );
    errors.check(
      `${field}.levels`,
      criterion.levels.length >= L.minLevels && criterion.levels.length <= L.maxLevels,
      `Mỗi tiêu chí cần từ ${L.minLevels} đến ${L.maxLevels} mức.`,
    );
    const levelLabels = new Set<string>();
    criterion.levels.forEach((level, levelIndex) => {
      const levelField = `${field}.levels.${levelIndex}`;
      errors.check(`${levelField}.label`, level.label !== '', 'Tên mức không được để trống.');
      errors.check(
        `${levelField}.label`,
        level.label.length <= L.labelLength,
        `Tên dài tối đa ${L.labelLength} ký tự.`,
      );
      errors.check(`${levelField}.label`, !levelLabels.has(level.label.toLowerCase()), 'Tên mức bị trùng.');
      levelLabels.add(level.label.toLowerCase());
      errors.check(
        `${levelField}.points`,
        isPointValue(level.points),
        `Điểm từ 0 đến ${L.maxLevelPoints}, tối đa hai chữ số thập phân.`,
      );
    });
  });
  if (criteria.length > 0 && errors.list().length === 0)
    errors.check(
      'criteria',
      rubricMaxPoints(criteria) > 0,
      'Tổng điểm tối đa của thang chấm phải lớn hơn 0.',
    );
  return errors.list();
}

export function assertRubric(criteria: readonly RubricCriterion[]): void {
  const errors = rubricProblems(criteria);
  if (errors.length > 0) throw badRequest('rubric.invalid', 'The rubric breaks the rules.', errors);
}

/** What is wrong with a grade for this rubric: one level per criterion, in range; comment lengths; a reason for a change. */
export function gradeProblems(
  criteria: readonly RubricCriterion[],
  request: EssayGradeRequest,
  isChange: boolean,
): FieldError[] {
  const errors = new FieldErrors();
  const L = RUBRIC_LIMITS;
  errors.check(
    'criteria',
    request.criteria.length === criteria.length,
    `Cần chọn một mức cho mỗi tiêu chí (${criteria.length}).`,
  );
  request.criteria.forEach((grade, index) => {
    const levels = criteria[index]?.levels.length ?? 0;
    errors.check(
      `criteria.${index}.levelIndex`,
      Number.isInteger(grade.levelIndex) && grade.levelIndex >= 0 && grade.levelIndex < levels,
      'Mức không có trong thang chấm.',
    );
    errors.check(
      `criteria.${index}.comment`,
      (grade.comment ?? '').length <= L.commentLength,
      `Nhận xét dài tối đa ${L.commentLength} ký tự.`,
    );
  });
  errors.check(
    'comment',
    (request.comment ?? '').length <= L.commentLength,
    `Nhận xét dài tối đa ${L.commentLength} ký tự.`,
  );
  const reason = request.reason?.trim() ?? '';
  errors.check('reason', !isChange || reason !== '', 'Sửa điểm đã chấm cần nêu lý do.');
  errors.check('reason', reason.length <= L.reasonLength, `Lý do dài tối đa ${L.reasonLength} ký tự.`);
  return errors.list();
}

export interface EssayScore {
  criteria: CriterionGrade[];
  rubricPoints: number;
  rubricMaxPoints: number;
  /** `essayPointsPossible` × rubric points / rubric maximum, two decimals. */
  essayPoints: number;
}

/**
 * The levels picked, as points. The rubric grades an attempt's essay part as
 * a whole, and its maximum is **scaled** to the points of the essay questions
 * the attempt drew (a quiz may draw essays of different points): a rubric of
 * 9 points at 6 on essays worth 4 gives 4 × 6 / 9 = 2.67.
 */
export function scoreEssays(
  criteria: readonly RubricCriterion[],
  request: EssayGradeRequest,
  essayPointsPossible: number,
): EssayScore {
  const graded = criteria.map((criterion, index) => {
    const pick = request.criteria[index];
    const level = criterion.levels[pick.levelIndex];
    return {
      label: criterion.label,
      levelLabel: level.label,
      points: level.points,
      maxPoints: Math.max(0, ...criterion.levels.map((l) => l.points)),
      comment: pick.comment?.normalize('NFC').trim() ?? '',
    };
  });
  const rubricPoints = round2(graded.reduce((sum, grade) => sum + grade.points, 0));
  const max = rubricMaxPoints(criteria);
  return {
    criteria: graded,
    rubricPoints,
    rubricMaxPoints: max,
    essayPoints: round2((essayPointsPossible * rubricPoints) / max),
  };
}

/** Objective plus essay points, on the 10-point scale with the quiz's pass mark. */
export function attemptTotal(
  objectivePoints: number,
  essayPoints: number,
  pointsPossible: number,
  passMark: number,
) {
  const pointsEarned = round2(objectivePoints + essayPoints);
  const score = quizScore(pointsEarned, pointsPossible);
  return { pointsEarned, score, isPassed: isPassing(score, passMark) };
}
