import { ParseUUIDPipe } from '@nestjs/common';
import { Role } from '@thuchoc/identity/contracts';
import { notFound } from '@thuchoc/shared/api-core';

/** Auditors read; centre staff and admins also write. */
export const COURSE_READERS = [Role.Admin, Role.CentreStaff, Role.Auditor];
export const COURSE_WRITERS = [Role.Admin, Role.CentreStaff];

/** A malformed id of a course's module, lesson or attachment is just another unknown one: 404. */
export const partOfCourse = (kind: 'module' | 'lesson' | 'attachment') =>
  new ParseUUIDPipe({
    exceptionFactory: () => notFound(`${kind}.not-found`, `No such ${kind} in this course.`),
  });
