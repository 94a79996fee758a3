import { ClassStatus, OpeningException } from '@thuchoc/classes/contracts';
import { assertClassShape, assertTransition, isSelfEnrollmentOpen, openingExceptions } from './class-rules';

describe('openingExceptions', () => {
  it('asks for approval below the minimum size', () => {
    expect(openingExceptions({ activeCount: 4, minSize: 5, outsideTargetCount: 0 })).toEqual([
      OpeningException.BelowMinimumSize,
    ]);
  });

  it('asks for approval with learners from outside the target unit, even when the class is full enough', () => {
    expect(openingExceptions({ activeCount: 30, minSize: 5, outsideTargetCount: 1 })).toEqual([
      OpeningException.LearnersOutsideTarget,
    ]);
  });

  it('lets a class that meets its plan open at once', () => {
    expect(openingExceptions({ activeCount: 5, minSize: 5, outsideTargetCount: 0 })).toEqual([]);
  });
});

describe('assertTransition', () => {
  it.each([
    [ClassStatus.Draft, ClassStatus.Open],
    [ClassStatus.Open, ClassStatus.Running],
    [ClassStatus.Running, ClassStatus.Closed],
    [ClassStatus.Closed, ClassStatus.Archived],
  ])('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each([
    [ClassStatus.Draft, ClassStatus.Running],
    [ClassStatus.Open, ClassStatus.Draft],
    [ClassStatus.Closed, ClassStatus.Running],
    [ClassStatus.Archived, ClassStatus.Draft],
  ])('refuses %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(
      expect.objectContaining({ code: 'class.invalid-transition' }),
    );
  });
});

describe('assertClassShape', () => {
  const shape = {
    capacity: 30,
    minSize: 10,
    plannedSize: 30,
    enrollmentOpensAt: null,
    enrollmentClosesAt: null,
  };

  it('accepts a consistent class', () => {
    expect(() => assertClassShape(shape)).not.toThrow();
  });

  it('names every inconsistent field', () => {
    expect(() =>
      assertClassShape({
        capacity: 10,
        minSize: 11,
        plannedSize: 12,
        enrollmentOpensAt: new Date('2026-12-10'),
        enrollmentClosesAt: new Date('2026-12-01'),
      }),
    ).toThrow(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ field: 'minSize' }),
          expect.objectContaining({ field: 'plannedSize' }),
          expect.objectContaining({ field: 'enrollmentClosesAt' }),
        ],
      }),
    );
  });
});

describe('isSelfEnrollmentOpen', () => {
  const now = new Date('2026-12-05T00:00:00Z');
  const klass = {
    status: ClassStatus.Open,
    isSelfEnrollmentAllowed: true,
    enrollmentOpensAt: new Date('2026-12-01T00:00:00Z'),
    enrollmentClosesAt: new Date('2026-12-10T00:00:00Z'),
  };

  it('is open inside the window of a class that allows it', () => {
    expect(isSelfEnrollmentOpen(klass, now)).toBe(true);
  });

  it('is closed before and after the window, when not allowed, and once the class runs', () => {
    expect(isSelfEnrollmentOpen(klass, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(isSelfEnrollmentOpen(klass, new Date('2026-12-10T00:00:00Z'))).toBe(false);
    expect(isSelfEnrollmentOpen({ ...klass, isSelfEnrollmentAllowed: false }, now)).toBe(false);
    expect(isSelfEnrollmentOpen({ ...klass, status: ClassStatus.Running }, now)).toBe(false);
  });
});
