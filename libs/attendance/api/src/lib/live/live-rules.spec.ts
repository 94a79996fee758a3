import { presentLearners } from '../attention/attention-checks.service';
import { autoCheckTimes } from '../sessions/session-lifecycle.service';
import { liveState } from './live-roster.service';

describe('who is present, who left', () => {
  const now = 1_800_000_000_000;

  it('is present within a minute of the last beat, left after it, not joined without a beat', () => {
    expect(liveState(now - 60_000, now)).toBe('present');
    expect(liveState(now - 60_001, now)).toBe('left');
    expect(liveState(undefined, now)).toBe('not-joined');
  });

  it('sends attention checks to the learners present now only', () => {
    const beats = new Map([
      ['here', now - 5_000],
      ['gone', now - 120_000],
    ]);
    expect(presentLearners(beats, now)).toEqual(['here']);
  });
});

describe('automatic attention check times', () => {
  const opened = new Date('2026-12-04T08:00:00Z');
  const ends = new Date('2026-12-04T10:00:00Z');

  it('falls within the middle 80 % of the remaining session, in order', () => {
    const times = autoCheckTimes(opened, ends, 3);
    expect(times).toHaveLength(3);
    const lo = new Date('2026-12-04T08:12:00Z').getTime();
    const hi = new Date('2026-12-04T09:48:00Z').getTime();
    for (const at of times) {
      expect(at.getTime()).toBeGreaterThanOrEqual(lo);
      expect(at.getTime()).toBeLessThanOrEqual(hi);
    }
    expect([...times].sort((a, b) => a.getTime() - b.getTime())).toEqual(times);
  });

  it('is none when none are asked for or the session is nearly over', () => {
    expect(autoCheckTimes(opened, ends, 0)).toEqual([]);
    expect(autoCheckTimes(new Date(ends.getTime() - 30_000), ends, 2)).toEqual([]);
  });
});
