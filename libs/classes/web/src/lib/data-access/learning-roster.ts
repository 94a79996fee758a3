import { EnrollmentResponse } from '@thuchoc/classes/contracts';
import { foldVietnamese } from '@thuchoc/shared/util';

/** The roster entries whose name, username, unit or position contain the query, with or without diacritics. */
export function filterRoster(roster: readonly EnrollmentResponse[], query: string): EnrollmentResponse[] {
  const needle = foldVietnamese(query);
  if (needle === '') return [...roster];
  return roster.filter((entry) =>
    foldVietnamese([entry.fullName, entry.username, entry.unitName, entry.position ?? ''].join(' ')).includes(
      needle,
    ),
  );
}
