import { EssayGrade, QUIZ_LIMITS, QueuedEssay, RubricCriterion } from '@thuchoc/assessments/contracts';

// The same arithmetic as the API's `rubric-rules.ts` and `scoring.ts`, so the
// preview shows what saving will store; the saved result still comes from the API.

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** The highest level's points of a criterion. */
export const criterionMaxPoints = (criterion: RubricCriterion): number =>
  Math.max(0, ...criterion.levels.map((level) => level.points));

/** The highest level's points of each criterion, summed. */
export const rubricMaxPoints = (criteria: readonly RubricCriterion[]): number =>
  round2(criteria.reduce((sum, criterion) => sum + criterionMaxPoints(criterion), 0));

/** The points of an attempt's essay questions, which the rubric's maximum is scaled to. */
export const essayPointsPossible = (essays: readonly QueuedEssay[]): number =>
  round2(essays.reduce((sum, essay) => sum + essay.points, 0));

/** What the attempt stands on before its essays are graded. */
export interface AttemptPoints {
  essayPointsPossible: number;
  /** Objective points earned. */
  objectivePoints: number;
  /** All points possible, essays included. */
  pointsPossible: number;
  passMark: number;
}

export interface GradePreview {
  /** Every criterion has a level picked: the totals below are what saving gives. */
  isComplete: boolean;
  /** Points of the levels picked so far. */
  rubricPoints: number;
  rubricMaxPoints: number;
  /** `essayPointsPossible` × rubric points / rubric maximum, two decimals. */
  essayPoints: number;
  essayPointsPossible: number;
  pointsEarned: number;
  pointsPossible: number;
  /** On the 10-point scale, two decimals. */
  score: number;
  isPassed: boolean;
}

/**
 * The grade the levels picked would give: rubric points scaled to the essay
 * questions' points, added to the objective points, on the 10-point scale
 * with the quiz's pass mark. `picks[i]` is the level index of criterion i, or
 * null while none is picked (counted as nothing, and `isComplete` is false).
 */
export function gradePreview(
  criteria: readonly RubricCriterion[],
  picks: readonly (number | null)[],
  attempt: AttemptPoints,
): GradePreview {
  const rubricPoints = round2(
    criteria.reduce((sum, criterion, index) => {
      const pick = picks[index];
      return sum + (pick === null || pick === undefined ? 0 : (criterion.levels[pick]?.points ?? 0));
    }, 0),
  );
  const max = rubricMaxPoints(criteria);
  const essayPoints = max > 0 ? round2((attempt.essayPointsPossible * rubricPoints) / max) : 0;
  const pointsEarned = round2(attempt.objectivePoints + essayPoints);
  const score =
    attempt.pointsPossible > 0 ? round2((QUIZ_LIMITS.maxScore * pointsEarned) / attempt.pointsPossible) : 0;
  return {
    isComplete:
      criteria.length > 0 &&
      criteria.every((criterion, index) => {
        const pick = picks[index];
        return pick !== null && pick !== undefined && pick >= 0 && pick < criterion.levels.length;
      }),
    rubricPoints,
    rubricMaxPoints: max,
    essayPoints,
    essayPointsPossible: attempt.essayPointsPossible,
    pointsEarned,
    pointsPossible: attempt.pointsPossible,
    score,
    isPassed: score + 1e-9 >= attempt.passMark,
  };
}

/**
 * The levels a saved grade picked, as indexes into the rubric: a grade keeps
 * each criterion's label and level label (unique within a criterion), found
 * by label, else at the same place. Null where no level matches.
 */
export function picksOf(criteria: readonly RubricCriterion[], grade: EssayGrade | null): (number | null)[] {
  return criteria.map((criterion, index) => {
    if (grade === null) return null;
    const graded = grade.criteria.find((c) => c.label === criterion.label) ?? grade.criteria[index];
    if (graded === undefined) return null;
    const level = criterion.levels.findIndex((l) => l.label === graded.levelLabel);
    return level === -1 ? null : level;
  });
}

/** The comments of a saved grade, one per criterion, in the rubric's order. */
export function criterionCommentsOf(
  criteria: readonly RubricCriterion[],
  grade: EssayGrade | null,
): string[] {
  return criteria.map((criterion, index) => {
    if (grade === null) return '';
    return (grade.criteria.find((c) => c.label === criterion.label) ?? grade.criteria[index])?.comment ?? '';
  });
}
