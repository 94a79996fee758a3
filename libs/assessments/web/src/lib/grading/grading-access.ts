/**
 * Who is grading, from the route's data: lecturers of the class and centre
 * staff grade and resolve flags; auditors read everything (the API answers
 * their changes 403 `quiz.read-only` anyway).
 */
export type GradingAccess = 'lecturer' | 'staff' | 'auditor';

export const canGrade = (access: GradingAccess): boolean => access !== 'auditor';

const AREAS: Readonly<Record<GradingAccess, string>> = {
  lecturer: '/lecturer',
  staff: '/centre',
  auditor: '/auditor',
};

/** The role area the pages live under, for links between them. */
export const areaPath = (access: GradingAccess): string => AREAS[access];
