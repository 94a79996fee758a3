import { canTransition, ClassStatus, OpeningException } from '@thuchoc/classes/contracts';
import { badRequest, conflict } from '@thuchoc/shared/api-core';
import { FieldError } from '@thuchoc/shared/contracts';

export interface OpeningFacts {
  activeCount: number;
  minSize: number;
  outsideTargetCount: number;
}

/** Why opening needs a parent unit's approval; empty when the class may simply open. */
export function openingExceptions(facts: OpeningFacts): OpeningException[] {
  const exceptions: OpeningException[] = [];
  if (facts.activeCount < facts.minSize) exceptions.push(OpeningException.BelowMinimumSize);
  if (facts.outsideTargetCount > 0) exceptions.push(OpeningException.LearnersOutsideTarget);
  return exceptions;
}

export function assertTransition(from: ClassStatus, to: ClassStatus): void {
  if (!canTransition(from, to)) {
    throw conflict('class.invalid-transition', `A class that is ${from} cannot become ${to}.`);
  }
}

/** Learners join a class (staff, self-request, import) only before it closes. */
export const isEnrolling = (status: ClassStatus) =>
  status === ClassStatus.Draft || status === ClassStatus.Open || status === ClassStatus.Running;

/** Size and window rules of a class, checked on create and on every edit. */
export function assertClassShape(shape: {
  capacity: number;
  minSize: number;
  plannedSize: number;
  enrollmentOpensAt: Date | null;
  enrollmentClosesAt: Date | null;
}): void {
  const errors: FieldError[] = [];
  if (shape.minSize > shape.capacity)
    errors.push({ field: 'minSize', messages: ['Sĩ số tối thiểu không được vượt quá sức chứa.'] });
  if (shape.plannedSize > shape.capacity)
    errors.push({ field: 'plannedSize', messages: ['Sĩ số kế hoạch không được vượt quá sức chứa.'] });
  if (
    shape.enrollmentOpensAt &&
    shape.enrollmentClosesAt &&
    shape.enrollmentClosesAt.getTime() <= shape.enrollmentOpensAt.getTime()
  )
    errors.push({ field: 'enrollmentClosesAt', messages: ['Hạn ghi danh phải sau ngày mở ghi danh.'] });
  if (errors.length > 0) throw badRequest('request.invalid', 'The class is not consistent.', errors);
}

/** Whether a self-request is allowed now: the class allows it, is enrolling and the window is open. */
export function isSelfEnrollmentOpen(
  klass: {
    status: ClassStatus;
    isSelfEnrollmentAllowed: boolean;
    enrollmentOpensAt: Date | null;
    enrollmentClosesAt: Date | null;
  },
  now: Date,
): boolean {
  if (!klass.isSelfEnrollmentAllowed) return false;
  if (klass.status !== ClassStatus.Draft && klass.status !== ClassStatus.Open) return false;
  if (klass.enrollmentOpensAt && now < klass.enrollmentOpensAt) return false;
  if (klass.enrollmentClosesAt && now >= klass.enrollmentClosesAt) return false;
  return true;
}
