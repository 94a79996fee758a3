import { AttendanceStatus, DEFAULT_ATTENDANCE_POLICY } from '@thuchoc/attendance/contracts';
import { AttendanceFacts, attendanceStatus } from './attendance-rules';

const policy = { ...DEFAULT_ATTENDANCE_POLICY, minSessionPresencePercent: 70, minAttentionPercent: 50 };
const base: AttendanceFacts = {
  mode: 'online-live',
  checkedIn: true,
  isLate: false,
  presenceSeconds: 3600,
  liveSeconds: 3600,
  checksAnswered: 2,
  checksReceived: 2,
  keptStatus: null,
};
const status = (overrides: Partial<AttendanceFacts>) => attendanceStatus({ ...base, ...overrides }, policy);

describe('attendance status at finalisation', () => {
  it('is present with a check-in, enough presence and the checks answered', () => {
    expect(status({})).toBe(AttendanceStatus.Present);
  });

  it('is absent without a check-in, whatever else happened', () => {
    expect(status({ checkedIn: false })).toBe(AttendanceStatus.Absent);
  });

  it('is partial when verified presence falls below the policy, exactly at it is enough', () => {
    expect(status({ presenceSeconds: 2519 })).toBe(AttendanceStatus.Partial);
    expect(status({ presenceSeconds: 2520 })).toBe(AttendanceStatus.Present);
  });

  it('is partial when too few attention checks were answered', () => {
    expect(status({ checksAnswered: 0, checksReceived: 2 })).toBe(AttendanceStatus.Partial);
    expect(status({ checksAnswered: 1, checksReceived: 2 })).toBe(AttendanceStatus.Present);
  });

  it('is late when checked in after the threshold and otherwise in order', () => {
    expect(status({ isLate: true })).toBe(AttendanceStatus.Late);
    expect(status({ isLate: true, presenceSeconds: 10 })).toBe(AttendanceStatus.Partial);
  });

  it('does not ask an in-person session for online presence', () => {
    expect(status({ mode: 'in-person', presenceSeconds: 0, checksReceived: 0, checksAnswered: 0 })).toBe(
      AttendanceStatus.Present,
    );
  });

  it('keeps an approved excuse or a manual mark', () => {
    expect(status({ checkedIn: false, keptStatus: AttendanceStatus.Excused })).toBe(AttendanceStatus.Excused);
    expect(status({ presenceSeconds: 0, keptStatus: AttendanceStatus.Present })).toBe(
      AttendanceStatus.Present,
    );
  });

  it('never counts presence above the live time', () => {
    expect(status({ presenceSeconds: 99_999, liveSeconds: 100 })).toBe(AttendanceStatus.Present);
  });
});
