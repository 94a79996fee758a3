import { CourseAudience } from '@thuchoc/courses/contracts';

/** Audiences in the order the choices list them. */
export const ALL_AUDIENCES: readonly CourseAudience[] = [
  CourseAudience.NewPartyMembers,
  CourseAudience.CadreSource,
  CourseAudience.IntermediateTheory,
  CourseAudience.Thematic,
];
