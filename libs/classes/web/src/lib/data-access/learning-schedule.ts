import { ClassSessionResponse } from '@thuchoc/classes/contracts';

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Where a session stands against "now". */
export type SessionTiming = 'past' | 'ongoing' | 'upcoming';

export interface ScheduleItem {
  session: ClassSessionResponse;
  timing: SessionTiming;
  /** The one session to look at: the running one, else the first upcoming one. */
  isNext: boolean;
}

/** The sessions that start on one calendar day in Vietnam. */
export interface ScheduleDay {
  /** `yyyy-MM-dd` in Vietnam time. */
  key: string;
  items: ScheduleItem[];
}

/** The calendar day (`yyyy-MM-dd`) an instant falls on in Vietnam. */
export function vietnamDayKey(instant: string): string {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The weekday (0 = Sunday) an instant falls on in Vietnam. */
export function vietnamWeekday(instant: string): number {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).getUTCDay();
}

/** Sessions by start time (then end time, then id, so equal times keep a stable order). */
export function sortSessions(sessions: readonly ClassSessionResponse[]): ClassSessionResponse[] {
  return [...sessions].sort(
    (a, b) =>
      Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
      Date.parse(a.endsAt) - Date.parse(b.endsAt) ||
      a.id.localeCompare(b.id),
  );
}

/** The session running at `now`, else the first one still to start; null when every session is over. */
export function pickNextSession(
  sessions: readonly ClassSessionResponse[],
  now: Date,
): ClassSessionResponse | null {
  return sortSessions(sessions).find((session) => Date.parse(session.endsAt) > now.getTime()) ?? null;
}

export function sessionTiming(session: ClassSessionResponse, now: Date): SessionTiming {
  if (Date.parse(session.endsAt) <= now.getTime()) return 'past';
  return Date.parse(session.startsAt) <= now.getTime() ? 'ongoing' : 'upcoming';
}

/** The schedule as a learner reads it: sessions in time order, grouped by their start day in Vietnam. */
export function buildSchedule(sessions: readonly ClassSessionResponse[], now: Date): ScheduleDay[] {
  const nextId = pickNextSession(sessions, now)?.id ?? null;
  const days: ScheduleDay[] = [];
  for (const session of sortSessions(sessions)) {
    const key = vietnamDayKey(session.startsAt);
    let day = days[days.length - 1] as ScheduleDay | undefined;
    if (day?.key !== key) {
      day = { key, items: [] };
      days.push(day);
    }
    day.items.push({ session, timing: sessionTiming(session, now), isNext: session.id === nextId });
  }
  return days;
}

/**
 * An instant for a calendar date, so the date pipe (which shows Vietnam time)
 * prints that very date whatever the browser's zone: a bare `yyyy-MM-dd`
 * would be read as local midnight and could show the day before.
 */
export function calendarDateInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value;
}
