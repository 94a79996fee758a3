/**
 * Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), the zone the app
 * shows every time in. A quiz's window is typed in `datetime-local` inputs
 * read as Vietnam time, whatever the browser's own zone is, and sent as UTC.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A new quiz stays open a week, as a quiz between two weekly sessions usually does. */
const DEFAULT_WINDOW_MS = 7 * DAY_MS;

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** The value of a `datetime-local` input showing the instant in Vietnam time, `YYYY-MM-DDTHH:mm`. */
export function toVietnamLocalInput(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
}

/** The UTC ISO string of a `datetime-local` value read as Vietnam time; null for an empty or malformed one. */
export function fromVietnamLocalInput(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (match === null) return null;
  const [year, month, day, hours, minutes, seconds = '0', millis = '0'] = match.slice(1);
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

/** A new quiz's window: from the next full hour, for a week. */
export function defaultWindow(now: Date): { opensAt: string; closesAt: string } {
  const opensAt = Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(opensAt + DEFAULT_WINDOW_MS).toISOString(),
  };
}
