import { DataSource } from 'typeorm';
import { absenceWarningLevel, allowedAbsences, classAbsenceRule } from './absence-rules';

describe('absence rules', () => {
  describe(allowedAbsences.name, () => {
    it('lets a learner miss the share of sessions the attendance rule leaves, rounded down', () => {
      expect(allowedAbsences(10, 80)).toBe(2);
      expect(allowedAbsences(12, 80)).toBe(2);
      expect(allowedAbsences(9, 70)).toBe(2);
    });

    it('counts an exact share as allowed despite floating-point error', () => {
      // 125 × 33.6 / 100 is 42 exactly, but 41.99999999999999 in floating point.
      expect(allowedAbsences(125, 66.4)).toBe(42);
      expect(allowedAbsences(125, 75.2)).toBe(31);
      expect(allowedAbsences(15, 80)).toBe(3);
    });

    it('allows nothing without sessions, at 100 % and for a share below one session', () => {
      expect(allowedAbsences(0, 80)).toBe(0);
      expect(allowedAbsences(-1, 80)).toBe(0);
      expect(allowedAbsences(10, 100)).toBe(0);
      expect(allowedAbsences(4, 80)).toBe(0);
    });

    it('allows every session when the rule asks for no attendance', () => {
      expect(allowedAbsences(6, 0)).toBe(6);
    });
  });

  describe(absenceWarningLevel.name, () => {
    it('says nothing before the first absence, even when none are allowed', () => {
      expect(absenceWarningLevel(0, 2)).toBeNull();
      expect(absenceWarningLevel(0, 0)).toBeNull();
    });

    it('says nothing while more than one absence is left', () => {
      expect(absenceWarningLevel(1, 3)).toBeNull();
      expect(absenceWarningLevel(2, 3)).toBeNull();
    });

    it('warns `near` when the absences reach the allowance: one more breaks the rule', () => {
      expect(absenceWarningLevel(3, 3)).toBe('near');
      expect(absenceWarningLevel(1, 1)).toBe('near');
    });

    it('warns `crossed` once the allowance is exceeded', () => {
      expect(absenceWarningLevel(4, 3)).toBe('crossed');
      expect(absenceWarningLevel(7, 3)).toBe('crossed');
    });

    it('goes straight to `crossed` when no absence is allowed', () => {
      expect(absenceWarningLevel(1, 0)).toBe('crossed');
    });
  });

  describe(classAbsenceRule.name, () => {
    const withRow = (row: { total: number; min_percent: number | null } | undefined) => {
      const query = jest.fn().mockResolvedValue(row ? [row] : []);
      return { manager: { query } as unknown as DataSource, query };
    };

    it('derives the allowance from the class’s sessions and its completion policy', async () => {
      const { manager, query } = withRow({ total: 10, min_percent: 70 });
      await expect(classAbsenceRule(manager, 'class-1')).resolves.toEqual({
        totalSessions: 10,
        minAttendancePercent: 70,
        allowed: 3,
      });
      expect(query).toHaveBeenCalledWith(expect.stringContaining('policy_snapshot'), ['class-1']);
    });

    it('falls back to 80 % and no sessions when the class is unknown', async () => {
      const { manager } = withRow(undefined);
      await expect(classAbsenceRule(manager, 'missing')).resolves.toEqual({
        totalSessions: 0,
        minAttendancePercent: 80,
        allowed: 0,
      });
    });

    it('falls back to 80 % when neither the class nor the course sets a share', async () => {
      const { manager } = withRow({ total: 10, min_percent: null });
      await expect(classAbsenceRule(manager, 'class-1')).resolves.toMatchObject({
        minAttendancePercent: 80,
        allowed: 2,
      });
    });
  });
});
