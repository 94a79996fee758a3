import { GradingScheme, schemeTotal } from '@thuchoc/courses/contracts';
import { badRequest } from '@thuchoc/shared/api-core';

const FIELD = 'gradingScheme.components';

/**
 * A scheme names each grade component at most once and its whole-percent
 * weights sum to exactly 100, so a final grade is a true weighted mean.
 * (Each weight's type and range are checked by the request DTO.)
 */
export function assertGradingScheme(scheme: GradingScheme): void {
  const seen = new Set<string>();
  for (const { component } of scheme.components) {
    if (seen.has(component)) {
      const message = `the component "${component}" appears more than once`;
      throw badRequest('course.scheme-components', 'Each grade component may appear only once.', [
        { field: FIELD, messages: [message] },
      ]);
    }
    seen.add(component);
  }
  const total = schemeTotal(scheme);
  if (total !== 100) {
    throw badRequest('course.scheme-weights', `The weights sum to ${total}, not 100.`, [
      { field: FIELD, messages: [`the weights must sum to 100 (now ${total})`] },
    ]);
  }
}
