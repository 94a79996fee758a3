import { CriterionGrade, EssayGrade } from '@thuchoc/assessments/contracts';
import { DataSource, EntityManager } from 'typeorm';

interface EssayGradeRow {
  attempt_id: string;
  criteria: CriterionGrade[];
  comment: string;
  rubric_points: number;
  rubric_max_points: number;
  essay_points: number;
  essay_points_possible: number;
  graded_by: string;
  graded_by_name: string;
  graded_at: Date;
}

/** The essay grades of these attempts, by attempt id. */
export async function essayGradesOf(
  manager: DataSource | EntityManager,
  attemptIds: readonly string[],
): Promise<Map<string, EssayGrade>> {
  if (attemptIds.length === 0) return new Map();
  const rows: EssayGradeRow[] = await manager.query(
    `SELECT attempt_id, criteria, comment, rubric_points::float AS rubric_points,
            rubric_max_points::float AS rubric_max_points, essay_points::float AS essay_points,
            essay_points_possible::float AS essay_points_possible, graded_by, u.full_name AS graded_by_name, graded_at
       FROM essay_grades g JOIN users u ON u.id = g.graded_by WHERE attempt_id = ANY($1::uuid[])`,
    [attemptIds],
  );
  return new Map(
    rows.map((row) => [
      row.attempt_id,
      {
        criteria: row.criteria,
        comment: row.comment,
        rubricPoints: row.rubric_points,
        rubricMaxPoints: row.rubric_max_points,
        essayPoints: row.essay_points,
        essayPointsPossible: row.essay_points_possible,
        gradedBy: row.graded_by,
        gradedByName: row.graded_by_name,
        gradedAt: row.graded_at.toISOString(),
      },
    ]),
  );
}

/** The open similarity flags of these attempts (either side of the pair), by attempt id. */
export async function openFlagsOf(
  manager: DataSource | EntityManager,
  attemptIds: readonly string[],
): Promise<Map<string, string[]>> {
  const flags = new Map<string, string[]>();
  if (attemptIds.length === 0) return flags;
  const rows: { id: string; attempt_id: string }[] = await manager.query(
    `SELECT id, attempt_a AS attempt_id FROM essay_similarity_flags WHERE status = 'open' AND attempt_a = ANY($1::uuid[])
     UNION ALL
     SELECT id, attempt_b FROM essay_similarity_flags WHERE status = 'open' AND attempt_b = ANY($1::uuid[])
     ORDER BY id`,
    [attemptIds],
  );
  for (const row of rows) flags.set(row.attempt_id, [...(flags.get(row.attempt_id) ?? []), row.id]);
  return flags;
}
