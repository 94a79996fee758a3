import { toProblem } from '@thuchoc/shared/web-core';

/** Where in the file a problem of a refused import is: a sheet row, a GIFT question, or the file itself. */
export type ImportProblemPlace = 'row' | 'question' | 'file';

export interface ImportProblem {
  place: ImportProblemPlace;
  /** The sheet row or question number; null for the file. */
  number: number | null;
  /** The question's field (`stem`, `options`…), null when the whole row or question is meant. */
  field: string | null;
  messages: string[];
}

const PLACES: Readonly<Record<string, ImportProblemPlace>> = { rows: 'row', questions: 'question' };

/**
 * The problems of a refused import, in the order the API lists them:
 * `rows.<n>.<field>` (XLSX/CSV), `questions.<n>[.<field>]` (GIFT), or `file`.
 */
export function importProblems(error: unknown): ImportProblem[] {
  return (toProblem(error).errors ?? []).map(({ field, messages }) => {
    const [head, number, name] = field.split('.');
    const place = PLACES[head];
    if (place === undefined || !/^\d+$/.test(number ?? '')) {
      return { place: 'file', number: null, field: null, messages };
    }
    return { place, number: Number(number), field: name ?? null, messages };
  });
}
