import { AttendancePolicy } from '@thuchoc/attendance/contracts';

const DAY = 24 * 60 * 60_000;

/** The last moment an excuse for a session is accepted: `excuseDaysAfter` days after it ends (from creation on). */
export function excuseDeadline(endsAt: Date, policy: Pick<AttendancePolicy, 'excuseDaysAfter'>): Date {
  return new Date(endsAt.getTime() + policy.excuseDaysAfter * DAY);
}

export function isExcuseWindowOpen(
  endsAt: Date,
  policy: Pick<AttendancePolicy, 'excuseDaysAfter'>,
  now: Date,
): boolean {
  return now.getTime() <= excuseDeadline(endsAt, policy).getTime();
}
