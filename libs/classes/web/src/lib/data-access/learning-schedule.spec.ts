import { makeSession } from '../learning/testing/learning-factories';
import {
  buildSchedule,
  calendarDateInstant,
  pickNextSession,
  vietnamDayKey,
  vietnamWeekday,
} from './learning-schedule';

describe('learning schedule', () => {
  it('reads the calendar day and weekday in Vietnam time, not UTC', () => {
    // 18:00 UTC on Sunday 1 March is 01:00 on Monday 2 March in Vietnam.
    expect(vietnamDayKey('2026-03-01T18:00:00Z')).toBe('2026-03-02');
    expect(vietnamWeekday('2026-03-01T18:00:00Z')).toBe(1);
    expect(vietnamDayKey('2026-03-01T16:59:59Z')).toBe('2026-03-01');
    expect(vietnamWeekday('2026-03-01T16:59:59Z')).toBe(0);
  });

  it('groups sessions by their start day in Vietnam, in time order', () => {
    const days = buildSchedule(
      [
        makeSession({ id: 'evening', startsAt: '2026-03-02T12:00:00Z', endsAt: '2026-03-02T14:00:00Z' }),
        makeSession({ id: 'late', startsAt: '2026-03-02T17:30:00Z', endsAt: '2026-03-02T19:00:00Z' }),
        makeSession({ id: 'morning', startsAt: '2026-03-02T01:00:00Z', endsAt: '2026-03-02T04:00:00Z' }),
        makeSession({ id: 'previous-day', startsAt: '2026-03-01T16:00:00Z', endsAt: '2026-03-01T16:30:00Z' }),
      ],
      new Date('2026-02-01T00:00:00Z'),
    );

    expect(days.map((day) => [day.key, day.items.map((item) => item.session.id)])).toEqual([
      ['2026-03-01', ['previous-day']],
      ['2026-03-02', ['morning', 'evening']],
      ['2026-03-03', ['late']],
    ]);
  });

  it('picks the running session as the next one', () => {
    const sessions = [
      makeSession({ id: 'done', startsAt: '2026-03-02T01:00:00Z', endsAt: '2026-03-02T02:00:00Z' }),
      makeSession({ id: 'later', startsAt: '2026-03-02T05:00:00Z', endsAt: '2026-03-02T06:00:00Z' }),
      makeSession({ id: 'running', startsAt: '2026-03-02T02:30:00Z', endsAt: '2026-03-02T04:00:00Z' }),
    ];
    const now = new Date('2026-03-02T03:00:00Z');

    expect(pickNextSession(sessions, now)?.id).toBe('running');
    const items = buildSchedule(sessions, now).flatMap((day) => day.items);
    expect(items.map((item) => [item.session.id, item.timing, item.isNext])).toEqual([
      ['done', 'past', false],
      ['running', 'ongoing', true],
      ['later', 'upcoming', false],
    ]);
  });

  it('picks the first session still to start when none is running', () => {
    const sessions = [
      makeSession({ id: 'third', startsAt: '2026-03-09T01:00:00Z', endsAt: '2026-03-09T04:00:00Z' }),
      makeSession({ id: 'second', startsAt: '2026-03-05T01:00:00Z', endsAt: '2026-03-05T04:00:00Z' }),
      makeSession({ id: 'first', startsAt: '2026-03-02T01:00:00Z', endsAt: '2026-03-02T04:00:00Z' }),
    ];

    expect(pickNextSession(sessions, new Date('2026-03-03T00:00:00Z'))?.id).toBe('second');
  });

  it('treats a session that ends right now as over, and has no next session once all are over', () => {
    const sessions = [makeSession({ endsAt: '2026-03-02T04:00:00Z' })];

    expect(pickNextSession(sessions, new Date('2026-03-02T04:00:00Z'))).toBeNull();
    expect(buildSchedule(sessions, new Date('2026-03-02T04:00:00Z'))[0].items[0]).toMatchObject({
      timing: 'past',
      isNext: false,
    });
    expect(buildSchedule([], new Date())).toEqual([]);
  });

  it('pins a bare calendar date to midnight in Vietnam and leaves instants alone', () => {
    expect(calendarDateInstant('2026-03-02')).toBe('2026-03-02T00:00:00+07:00');
    expect(calendarDateInstant('2026-03-02T01:00:00Z')).toBe('2026-03-02T01:00:00Z');
  });
});
