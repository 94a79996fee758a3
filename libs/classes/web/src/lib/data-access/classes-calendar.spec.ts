import { buildMonthGrid, initialMonth, shiftMonth } from './classes-calendar';

function makeSession(id: string, startsAt: string): { id: string; startsAt: string } {
  return { id, startsAt };
}

describe('buildMonthGrid', () => {
  it('starts each week on Monday and fills the first and last week from the neighbouring months', () => {
    // March 2026 starts on a Sunday and ends on a Tuesday.
    const weeks = buildMonthGrid({ year: 2026, month: 3 }, [], '2026-03-10');

    expect(weeks).toHaveLength(6);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0][0]).toMatchObject({ key: '2026-02-23', dayOfMonth: 23, isInMonth: false });
    expect(weeks[0][6]).toMatchObject({ key: '2026-03-01', dayOfMonth: 1, isInMonth: true });
    expect(weeks[5][1]).toMatchObject({ key: '2026-03-31', isInMonth: true });
    expect(weeks[5][6]).toMatchObject({ key: '2026-04-05', isInMonth: false });
  });

  it('needs only four weeks for a February that starts on a Monday', () => {
    const weeks = buildMonthGrid({ year: 2027, month: 2 }, [], '2027-02-01');
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0].key).toBe('2027-02-01');
    expect(weeks[3][6].key).toBe('2027-02-28');
  });

  it('puts a session on the Vietnam day it starts, earliest first, and marks today', () => {
    const evening = makeSession('evening', '2026-03-09T18:30:00Z'); // 01:30 on 10 March in Vietnam
    const morning = makeSession('morning', '2026-03-10T01:00:00Z'); // 08:00 on 10 March in Vietnam
    const weeks = buildMonthGrid({ year: 2026, month: 3 }, [morning, evening], '2026-03-10');

    const days = weeks.flat();
    const tenth = days.find((day) => day.key === '2026-03-10');
    expect(tenth?.items.map((item) => item.id)).toEqual(['evening', 'morning']);
    expect(tenth?.isToday).toBe(true);
    expect(days.find((day) => day.key === '2026-03-09')?.items).toEqual([]);
    expect(days.filter((day) => day.isToday)).toHaveLength(1);
  });
});

describe('shiftMonth', () => {
  it('crosses year boundaries both ways', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
  });
});

describe('initialMonth', () => {
  const now = new Date('2026-03-15T03:00:00Z');

  it('opens on the month of the next session to start', () => {
    const sessions = [
      makeSession('past', '2026-02-01T01:00:00Z'),
      makeSession('next', '2026-04-30T18:00:00Z'),
    ];
    // 18:00 UTC on 30 April is already 1 May in Vietnam.
    expect(initialMonth(sessions, now)).toEqual({ year: 2026, month: 5 });
  });

  it('falls back to the last session, then to the current month', () => {
    expect(initialMonth([makeSession('past', '2026-01-20T01:00:00Z')], now)).toEqual({
      year: 2026,
      month: 1,
    });
    expect(initialMonth([], now)).toEqual({ year: 2026, month: 3 });
  });
});
