/**
 * How far this browser's clock is behind the server's: the server's `now`
 * minus the browser's time when the answer arrived. The timer shows the
 * server's deadline against `Date.now() + offset`, so a phone whose clock is
 * wrong still counts down to the moment the server stops accepting answers.
 */
export function clockOffset(serverNow: string, receivedAtMs: number): number {
  const server = Date.parse(serverNow);
  return Number.isNaN(server) ? 0 : server - receivedAtMs;
}

/** Whole seconds left until `deadline` on the server's clock (rounded up), never below zero. */
export function secondsLeft(deadline: string, clientNowMs: number, offsetMs: number): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - (clientNowMs + offsetMs)) / 1000));
}

/** "4:05", "59:59", "1:02:03". */
export function formatCountdown(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The last minute: the timer turns to a warning. */
export const WARNING_SECONDS = 60;
