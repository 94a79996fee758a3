import { vietnamDateKey } from './classes-time';

/** A calendar month; `month` counts from 1. */
export interface CalendarMonth {
  year: number;
  month: number;
}

/** One cell of a month grid. */
export interface CalendarDay<T> {
  /** `YYYY-MM-DD`. */
  key: string;
  dayOfMonth: number;
  /** False for the days of the previous and next month that fill the first and last week. */
  isInMonth: boolean;
  isToday: boolean;
  /** The items starting that day in Vietnam time, earliest first. */
  items: T[];
}

const DAYS_PER_WEEK = 7;

/**
 * The weeks (Monday first, as Vietnamese calendars print them) covering the
 * month, with each item on the Vietnam day it starts.
 */
export function buildMonthGrid<T extends { startsAt: string }>(
  month: CalendarMonth,
  items: readonly T[],
  todayKey: string,
): CalendarDay<T>[][] {
  const byDay = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = vietnamDateKey(item.startsAt);
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }

  const first = new Date(Date.UTC(month.year, month.month - 1, 1));
  const leadingDays = (first.getUTCDay() + DAYS_PER_WEEK - 1) % DAYS_PER_WEEK;
  const daysInMonth = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const weekCount = Math.ceil((leadingDays + daysInMonth) / DAYS_PER_WEEK);

  const weeks: CalendarDay<T>[][] = [];
  for (let week = 0; week < weekCount; week++) {
    const days: CalendarDay<T>[] = [];
    for (let weekday = 0; weekday < DAYS_PER_WEEK; weekday++) {
      const date = new Date(
        Date.UTC(month.year, month.month - 1, 1 - leadingDays + week * DAYS_PER_WEEK + weekday),
      );
      const key = date.toISOString().slice(0, 10);
      days.push({
        key,
        dayOfMonth: date.getUTCDate(),
        isInMonth: date.getUTCMonth() === month.month - 1,
        isToday: key === todayKey,
        items: byDay.get(key) ?? [],
      });
    }
    weeks.push(days);
  }
  return weeks;
}

/** The month `delta` months before (negative) or after the given one. */
export function shiftMonth(month: CalendarMonth, delta: number): CalendarMonth {
  const date = new Date(Date.UTC(month.year, month.month - 1 + delta, 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The month of a `YYYY-MM-DD` key. */
export function monthOfKey(key: string): CalendarMonth {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/**
 * The month a schedule opens on: the one of the next session still to start,
 * else the one of the last session, else the current month (all in Vietnam time).
 */
export function initialMonth(items: readonly { startsAt: string }[], now: Date): CalendarMonth {
  const starts = items.map((item) => item.startsAt).sort();
  const nowIso = now.toISOString();
  const next = starts.find((start) => start >= nowIso) ?? starts[starts.length - 1];
  return monthOfKey(vietnamDateKey(next ?? now));
}
