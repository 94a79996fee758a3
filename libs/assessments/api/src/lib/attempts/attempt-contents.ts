import { QuestionContent } from '@thuchoc/assessments/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AttemptItem } from './attempt-row';

export const versionKey = (questionId: string, version: number) => `${questionId}@${version}`;

/** The content of exactly the question versions an attempt holds, by `versionKey`. */
export async function versionContents(
  manager: DataSource | EntityManager,
  items: readonly AttemptItem[],
): Promise<Map<string, QuestionContent>> {
  const rows: { question_id: string; version: number; content: QuestionContent }[] = await manager.query(
    `SELECT v.question_id, v.version, v.content
       FROM jsonb_to_recordset($1::jsonb) AS i("questionId" uuid, version int)
       JOIN question_versions v ON v.question_id = i."questionId" AND v.version = i.version`,
    [JSON.stringify(items.map(({ questionId, version }) => ({ questionId, version })))],
  );
  return new Map(rows.map((row) => [versionKey(row.question_id, row.version), row.content]));
}
