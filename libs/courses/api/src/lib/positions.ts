import { badRequest } from '@thuchoc/shared/api-core';
import { EntityManager } from 'typeorm';

/** An ordered list of siblings, positioned 1…n without gaps: a course's modules or a module's lessons. */
export interface Siblings {
  kind: 'module' | 'lesson';
  table: 'course_modules' | 'lessons';
  parentColumn: 'course_id' | 'module_id';
  parentId: string;
}

export const modulesOf = (courseId: string): Siblings => ({
  kind: 'module',
  table: 'course_modules',
  parentColumn: 'course_id',
  parentId: courseId,
});

export const lessonsOf = (moduleId: string): Siblings => ({
  kind: 'lesson',
  table: 'lessons',
  parentColumn: 'module_id',
  parentId: moduleId,
});

/** The position a new sibling takes: after the last. */
export async function nextPosition(tx: EntityManager, siblings: Siblings): Promise<number> {
  const [{ last }]: { last: number }[] = await tx.query(
    `SELECT coalesce(max(position), 0)::int AS last FROM ${siblings.table} WHERE ${siblings.parentColumn} = $1`,
    [siblings.parentId],
  );
  return last + 1;
}

/**
 * Moves one sibling to a new position and shifts those in between by one,
 * in one statement (the unique position constraint is checked at its end).
 */
export async function moveTo(
  tx: EntityManager,
  siblings: Siblings,
  item: { id: string; position: number },
  to: number,
): Promise<void> {
  const count = (await nextPosition(tx, siblings)) - 1;
  if (to > count) {
    throw badRequest(`${siblings.kind}.position-out-of-range`, `There are only ${count} ${siblings.kind}s.`, [
      { field: 'position', messages: [`must be between 1 and ${count}`] },
    ]);
  }
  if (to === item.position) return;
  await tx.query(
    `UPDATE ${siblings.table}
        SET position = CASE WHEN id = $2 THEN $4::int
                            WHEN $4::int < $3::int THEN position + 1
                            ELSE position - 1 END,
            updated_at = now()
      WHERE ${siblings.parentColumn} = $1 AND position BETWEEN least($3::int, $4::int) AND greatest($3::int, $4::int)`,
    [siblings.parentId, item.id, item.position, to],
  );
}

/** Closes the gap a removed sibling left. */
export async function closeGap(tx: EntityManager, siblings: Siblings, position: number): Promise<void> {
  await tx.query(
    `UPDATE ${siblings.table} SET position = position - 1, updated_at = now()
      WHERE ${siblings.parentColumn} = $1 AND position > $2`,
    [siblings.parentId, position],
  );
}
