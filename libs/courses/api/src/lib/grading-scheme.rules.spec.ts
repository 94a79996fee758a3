import { DEFAULT_GRADING_SCHEME, GradeComponent, GradingScheme } from '@thuchoc/courses/contracts';
import { ProblemException } from '@thuchoc/shared/api-core';
import { assertGradingScheme } from './grading-scheme.rules';

function refusal(scheme: GradingScheme): ProblemException | null {
  try {
    assertGradingScheme(scheme);
    return null;
  } catch (error) {
    return error as ProblemException;
  }
}

describe(assertGradingScheme.name, () => {
  it('accepts the default scheme and a scheme of fewer components summing to 100', () => {
    expect(refusal(DEFAULT_GRADING_SCHEME)).toBeNull();
    expect(
      refusal({
        components: [
          { component: GradeComponent.Attendance, weight: 0 },
          { component: GradeComponent.Final, weight: 100 },
        ],
      }),
    ).toBeNull();
  });

  it('refuses weights that do not sum to exactly 100, naming the sum', () => {
    for (const [final, total] of [
      [49, 99],
      [51, 101],
    ]) {
      const scheme = {
        components: DEFAULT_GRADING_SCHEME.components.map((part) =>
          part.component === GradeComponent.Final ? { ...part, weight: final } : part,
        ),
      };
      const problem = refusal(scheme);
      expect(problem).toMatchObject({ code: 'course.scheme-weights' });
      expect(problem?.getStatus()).toBe(400);
      expect(problem?.errors).toEqual([
        { field: 'gradingScheme.components', messages: [`the weights must sum to 100 (now ${total})`] },
      ]);
    }
  });

  it('refuses an empty scheme', () => {
    expect(refusal({ components: [] })).toMatchObject({ code: 'course.scheme-weights' });
  });

  it('refuses a component named twice, even when the weights sum to 100', () => {
    const problem = refusal({
      components: [
        { component: GradeComponent.Final, weight: 50 },
        { component: GradeComponent.Final, weight: 50 },
      ],
    });
    expect(problem).toMatchObject({ code: 'course.scheme-components' });
    expect(problem?.errors?.[0].field).toBe('gradingScheme.components');
  });
});
