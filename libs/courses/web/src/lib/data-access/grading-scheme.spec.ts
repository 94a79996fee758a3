import { DEFAULT_GRADING_SCHEME, GradeComponent } from '@thuchoc/courses/contracts';
import { WeightValues, checkWeights, toGradingScheme, weightValuesOf } from './grading-scheme';

const weights = (
  attendance: number | null,
  participation: number | null,
  quizzes: number | null,
  final: number | null,
): WeightValues => ({
  [GradeComponent.Attendance]: attendance,
  [GradeComponent.Participation]: participation,
  [GradeComponent.Quizzes]: quizzes,
  [GradeComponent.Final]: final,
});

describe('checkWeights', () => {
  it('accepts whole percents that sum to exactly 100', () => {
    expect(checkWeights(weights(10, 20, 20, 50))).toEqual({ total: 100, problem: null });
    expect(checkWeights(weights(0, 0, 0, 100))).toEqual({ total: 100, problem: null });
  });

  it('says the total falls short of 100', () => {
    expect(checkWeights(weights(10, 20, 20, 40))).toEqual({ total: 90, problem: 'under-100' });
  });

  it('says the total goes past 100', () => {
    expect(checkWeights(weights(30, 20, 20, 50))).toEqual({ total: 120, problem: 'over-100' });
  });

  it('counts an empty field as 0 in the total but refuses to save it', () => {
    expect(checkWeights(weights(null, 20, 30, 50))).toEqual({ total: 100, problem: 'not-whole-percent' });
  });

  it('refuses fractions and weights outside 0–100 even when the sum is 100', () => {
    expect(checkWeights(weights(10.5, 19.5, 20, 50)).problem).toBe('not-whole-percent');
    expect(checkWeights(weights(-10, 40, 20, 50)).problem).toBe('not-whole-percent');
    expect(checkWeights(weights(0, 0, -20, 120)).problem).toBe('not-whole-percent');
  });
});

describe('weightValuesOf', () => {
  it('reads each component of a stored scheme, in any order', () => {
    expect(weightValuesOf(DEFAULT_GRADING_SCHEME)).toEqual(weights(10, 20, 20, 50));
    expect(
      weightValuesOf({
        components: [
          { component: GradeComponent.Final, weight: 60 },
          { component: GradeComponent.Attendance, weight: 40 },
        ],
      }),
    ).toEqual(weights(40, 0, 0, 60));
  });
});

describe('toGradingScheme', () => {
  it('lists every component once, in form order', () => {
    expect(toGradingScheme(weights(25, 25, 0, 50))).toEqual({
      components: [
        { component: GradeComponent.Attendance, weight: 25 },
        { component: GradeComponent.Participation, weight: 25 },
        { component: GradeComponent.Quizzes, weight: 0 },
        { component: GradeComponent.Final, weight: 50 },
      ],
    });
  });
});
