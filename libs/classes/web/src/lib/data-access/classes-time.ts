/**
 * Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), the zone the app
 * shows every time in (see DISPLAY_TIME_ZONE). Date and time inputs are read
 * and filled in that zone whatever the browser's own zone is, and sent as UTC.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** The instant shifted so that its UTC fields read as the Vietnam wall clock. */
function vietnamClock(instant: string | Date): Date {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS);
}

/** `YYYY-MM-DD` of the day the instant falls on in Vietnam. */
export function vietnamDateKey(instant: string | Date): string {
  return vietnamClock(instant).toISOString().slice(0, 10);
}

/** The value of a `datetime-local` input showing the instant in Vietnam time, `YYYY-MM-DDTHH:mm`. */
export function toVietnamLocalInput(instant: string): string {
  return vietnamClock(instant).toISOString().slice(0, 16);
}

/**
 * The UTC ISO string of a `datetime-local` (or `date`, meaning midnight) input
 * value read as Vietnam time; null for an empty or malformed value.
 */
export function fromVietnamLocalInput(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (match === null) return null;
  const [year, month, day, hours = '0', minutes = '0', seconds = '0', millis = '0'] = match.slice(1);
  const wallClock = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds),
    Number(millis.padEnd(3, '0')),
  );
  return Number.isNaN(wallClock) ? null : new Date(wallClock - VIETNAM_OFFSET_MS).toISOString();
}

/** The first instant of a Vietnam day given as `YYYY-MM-DD`: when an enrollment window opens. */
export function vietnamDayStart(date: string): string | null {
  return fromVietnamLocalInput(date);
}

/** The last millisecond of a Vietnam day given as `YYYY-MM-DD`: a window closing that day stays open all day. */
export function vietnamDayEnd(date: string): string | null {
  return date.trim() === '' ? null : fromVietnamLocalInput(`${date.trim()}T23:59:59.999`);
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `dd/MM/yyyy` of a calendar day (`YYYY-MM-DD`, taken as is) or of the Vietnam
 * day an instant falls on; null for null. Calendar days never go through a
 * time zone, so they cannot slip to the day before.
 */
export function formatVietnamDay(value: string | null): string | null {
  if (value === null) return null;
  const key = DAY_KEY.test(value) ? value : vietnamDateKey(value);
  const [, year, month, day] = DAY_KEY.exec(key) ?? [];
  return `${day}/${month}/${year}`;
}
