import { CourseModuleResponse } from '@thuchoc/courses/contracts';

const byPosition = (a: { position: number }, b: { position: number }): number => a.position - b.position;

/** Modules, and the lessons of each, in position order, whatever order they arrived in. */
export function sortedOutline(modules: readonly CourseModuleResponse[]): CourseModuleResponse[] {
  return [...modules]
    .sort(byPosition)
    .map((module) => ({ ...module, lessons: [...module.lessons].sort(byPosition) }));
}

export type MoveDirection = 'up' | 'down';

/**
 * The 1-based position an item at `index` (0-based, among `count` siblings)
 * moves to, or null when it is already at that end.
 */
export function movedPosition(index: number, count: number, direction: MoveDirection): number | null {
  const target = direction === 'up' ? index - 1 : index + 1;
  return target < 0 || target >= count ? null : target + 1;
}
