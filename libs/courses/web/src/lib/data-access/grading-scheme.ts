import { GradeComponent, GradingScheme, schemeTotal } from '@thuchoc/courses/contracts';

/** The components in the order the form lists them: what a learner does first comes first. */
export const GRADE_COMPONENTS: readonly GradeComponent[] = [
  GradeComponent.Attendance,
  GradeComponent.Participation,
  GradeComponent.Quizzes,
  GradeComponent.Final,
];

/** A weight per component as typed; null while a field is empty. */
export type WeightValues = Readonly<Record<GradeComponent, number | null>>;

export type WeightProblem = 'not-whole-percent' | 'under-100' | 'over-100';

export interface WeightCheck {
  /** The sum of the weights typed so far (empty fields count as 0). */
  total: number;
  /** Why the scheme cannot be saved yet, or null when it can. */
  problem: WeightProblem | null;
}

/** The form's values for a stored scheme; a component the scheme lacks weighs 0. */
export function weightValuesOf(scheme: GradingScheme): WeightValues {
  const weightOf = (component: GradeComponent): number =>
    scheme.components.find((part) => part.component === component)?.weight ?? 0;
  return {
    [GradeComponent.Attendance]: weightOf(GradeComponent.Attendance),
    [GradeComponent.Participation]: weightOf(GradeComponent.Participation),
    [GradeComponent.Quizzes]: weightOf(GradeComponent.Quizzes),
    [GradeComponent.Final]: weightOf(GradeComponent.Final),
  };
}

export function toGradingScheme(values: Partial<WeightValues>): GradingScheme {
  return {
    components: GRADE_COMPONENTS.map((component) => ({ component, weight: values[component] ?? 0 })),
  };
}

/** The live total, and whether the weights make a scheme the API accepts: whole percents summing to 100. */
export function checkWeights(values: Partial<WeightValues>): WeightCheck {
  const total = schemeTotal(toGradingScheme(values));
  const isEveryWeightValid = GRADE_COMPONENTS.every((component) => isWholePercent(values[component]));
  if (!isEveryWeightValid) return { total, problem: 'not-whole-percent' };
  if (total < 100) return { total, problem: 'under-100' };
  if (total > 100) return { total, problem: 'over-100' };
  return { total, problem: null };
}

function isWholePercent(value: number | null | undefined): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
}
