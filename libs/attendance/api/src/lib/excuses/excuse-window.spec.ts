import { excuseDeadline, isExcuseWindowOpen } from './excuse-window';

describe('excuse window', () => {
  const endsAt = new Date('2026-03-02T10:00:00Z');
  const policy = { excuseDaysAfter: 3 };

  it('closes the given number of days after the session ends', () => {
    expect(excuseDeadline(endsAt, policy).toISOString()).toBe('2026-03-05T10:00:00.000Z');
  });

  it('accepts an excuse ahead of the session and up to the deadline, not a second later', () => {
    expect(isExcuseWindowOpen(endsAt, policy, new Date('2026-02-20T00:00:00Z'))).toBe(true);
    expect(isExcuseWindowOpen(endsAt, policy, new Date('2026-03-05T10:00:00Z'))).toBe(true);
    expect(isExcuseWindowOpen(endsAt, policy, new Date('2026-03-05T10:00:01Z'))).toBe(false);
  });

  it('accepts nothing after the end when the policy allows zero days', () => {
    expect(isExcuseWindowOpen(endsAt, { excuseDaysAfter: 0 }, new Date('2026-03-02T10:00:01Z'))).toBe(false);
  });
});
