import { generateSync, verifySync } from 'otplib';
import { codeAt, codeRotatesAt, isCodeValid, newCodeSecret } from './check-in-code';

describe('rotating check-in code', () => {
  const clock = { stepSeconds: 30, toleranceSteps: 1 };
  const secret = newCodeSecret();
  const t0 = new Date('2026-12-04T08:00:05Z');
  const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it('is six digits and changes every step', () => {
    const code = codeAt(secret, t0, clock);
    expect(code).toMatch(/^\d{6}$/);
    expect(codeAt(secret, later(20), clock)).toBe(code);
    expect(codeAt(secret, later(30), clock)).not.toBe(code);
  });

  it('accepts the current code and one step either side, no more', () => {
    const code = codeAt(secret, t0, clock);
    expect(isCodeValid(secret, code, t0, clock)).toBe(true);
    expect(isCodeValid(secret, code, later(30), clock)).toBe(true);
    expect(isCodeValid(secret, code, later(-30), clock)).toBe(true);
    expect(isCodeValid(secret, code, later(60), clock)).toBe(false);
    expect(isCodeValid(secret, code, later(-60), clock)).toBe(false);
  });

  it('accepts nothing stale when the tolerance is zero', () => {
    const strict = { stepSeconds: 30, toleranceSteps: 0 };
    expect(isCodeValid(secret, codeAt(secret, t0, strict), later(30), strict)).toBe(false);
  });

  it('refuses another session’s code and malformed input', () => {
    const other = newCodeSecret();
    expect(isCodeValid(secret, codeAt(other, t0, clock), t0, clock)).toBe(false);
    expect(isCodeValid(secret, '12345', t0, clock)).toBe(false);
    expect(isCodeValid(secret, 'abcdef', t0, clock)).toBe(false);
  });

  it('is the standard TOTP an authenticator app would compute', () => {
    const epoch = Math.floor(t0.getTime() / 1000);
    expect(codeAt(secret, t0, clock)).toBe(generateSync({ secret, period: 30, epoch }));
  });

  it('accepts exactly what a standard TOTP verifier with the same tolerance accepts, at every second', () => {
    for (const toleranceSteps of [0, 1, 2]) {
      const tolerant = { stepSeconds: 30, toleranceSteps };
      for (let second = 0; second < 150; second += 1) {
        const at = later(second);
        const epoch = Math.floor(at.getTime() / 1000);
        for (const shownAt of [-90, -60, -30, 0, 30, 60, 90]) {
          const code = codeAt(secret, later(second + shownAt), tolerant);
          const standard = verifySync({
            secret,
            token: code,
            period: 30,
            epoch,
            epochTolerance: 30 * toleranceSteps,
          });
          expect([second, shownAt, toleranceSteps, isCodeValid(secret, code, at, tolerant)]).toEqual([
            second,
            shownAt,
            toleranceSteps,
            standard.valid,
          ]);
        }
      }
    }
  });

  it('rotates at the next step boundary', () => {
    expect(codeRotatesAt(t0, clock).toISOString()).toBe('2026-12-04T08:00:30.000Z');
  });
});
