import { CheckInCode } from '@thuchoc/attendance/contracts';

/** What a learner types: the six digits the lecturer shows. */
export const CHECK_IN_CODE_PATTERN = /^\d{6}$/;

/** The soonest a check-in code is fetched again, so a wrong clock cannot make it spin. */
export const MIN_CODE_REFRESH_MS = 1_000;

/**
 * How long after `receivedAtMs` the shown code is replaced: when it rotates,
 * bounded by one step (a browser clock behind the server's would otherwise
 * keep an expired code on screen) and by {@link MIN_CODE_REFRESH_MS}.
 */
export function codeRefreshDelayMs(code: CheckInCode, receivedAtMs: number): number {
  const untilRotation = Date.parse(code.rotatesAt) - receivedAtMs;
  const step = Math.max(code.stepSeconds * 1000, MIN_CODE_REFRESH_MS);
  return Math.min(Math.max(untilRotation, MIN_CODE_REFRESH_MS), step);
}

/**
 * The QR code's SVG document as an image URL. Shown through `<img>`, the SVG
 * cannot run scripts or touch the page, so the server's markup needs no trust.
 */
export function qrImageUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
