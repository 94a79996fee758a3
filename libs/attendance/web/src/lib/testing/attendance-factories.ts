import {
  AttendanceCell,
  AttendanceEvidence,
  AttendanceGrid,
  AttendanceGridRow,
  AttendanceGridSession,
  AttendanceRecordResponse,
  AttendanceSession,
  AttendanceStatus,
  CheckInCode,
  CheckInMethod,
  DEFAULT_ATTENDANCE_POLICY,
  ExcuseResponse,
  ExcuseStatus,
  LiveRoster,
  LiveRosterEntry,
  MySessionView,
  SessionStatus,
} from '@thuchoc/attendance/contracts';
import { IntegrityFlagKind, IntegrityFlagResponse, IntegrityFlagStatus } from '@thuchoc/integrity/contracts';

/** Factories for the attendance specs (never imported by the app). */
export function makeSession(overrides: Partial<AttendanceSession> = {}): AttendanceSession {
  return {
    id: 's1',
    classId: 'c1',
    classCode: 'DNM-2026-01',
    classTitle: 'Lớp đảng viên mới khoá 1',
    title: 'Chuyên đề 1: Chủ nghĩa Mác – Lênin',
    mode: 'online-live',
    startsAt: '2026-03-02T01:00:00Z',
    endsAt: '2026-03-02T03:00:00Z',
    room: null,
    meetingUrl: 'https://meet.example.vn/lop-1',
    status: SessionStatus.Live,
    openedAt: '2026-03-02T00:55:00Z',
    closedAt: null,
    finalisedAt: null,
    checkInOpensAt: '2026-03-02T00:45:00Z',
    lateAfter: '2026-03-02T01:10:00Z',
    checkInClosesAt: '2026-03-02T01:45:00Z',
    policy: DEFAULT_ATTENDANCE_POLICY,
    ...overrides,
  };
}

export function makeEvidence(overrides: Partial<AttendanceEvidence> = {}): AttendanceEvidence {
  return {
    checkedInAt: '2026-03-02T01:02:00Z',
    checkInMethod: CheckInMethod.Code,
    device: 'a1b2c3',
    isLate: false,
    presenceSeconds: 5400,
    liveSeconds: 7200,
    presencePercent: 75,
    checksAnswered: 2,
    checksMissed: 1,
    ...overrides,
  };
}

export function makeRecord(overrides: Partial<AttendanceRecordResponse> = {}): AttendanceRecordResponse {
  return {
    sessionId: 's1',
    userId: 'u1',
    status: null,
    evidence: makeEvidence(),
    markedByName: null,
    reason: null,
    finalisedAt: null,
    ...overrides,
  };
}

export function makeExcuse(overrides: Partial<ExcuseResponse> = {}): ExcuseResponse {
  return {
    id: 'x1',
    sessionId: 's1',
    sessionTitle: 'Chuyên đề 1: Chủ nghĩa Mác – Lênin',
    sessionStartsAt: '2026-03-02T01:00:00Z',
    classId: 'c1',
    classCode: 'DNM-2026-01',
    userId: 'u1',
    fullName: 'Nguyễn Văn An',
    username: 'hocvien01',
    reason: 'Đi công tác theo quyết định của cơ quan',
    status: ExcuseStatus.Pending,
    attachment: null,
    submittedAt: '2026-03-02T05:00:00Z',
    decidedByName: null,
    decisionReason: null,
    decidedAt: null,
    ...overrides,
  };
}

export function makeView(overrides: Partial<MySessionView> = {}): MySessionView {
  return {
    session: makeSession(),
    record: null,
    pendingCheck: null,
    excuse: null,
    canCheckIn: true,
    checkInRefusal: null,
    canRequestExcuse: false,
    ...overrides,
  };
}

export function makeCode(overrides: Partial<CheckInCode> = {}): CheckInCode {
  return {
    code: '482913',
    checkInUrl: 'https://thuchoc.example.vn/learner/sessions/s1?code=482913',
    qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
    rotatesAt: '2026-03-02T01:00:30Z',
    stepSeconds: 30,
    ...overrides,
  };
}

export function makeRosterEntry(overrides: Partial<LiveRosterEntry> = {}): LiveRosterEntry {
  return {
    userId: 'u1',
    fullName: 'Nguyễn Văn An',
    username: 'hocvien01',
    state: 'present',
    lastSeenAt: '2026-03-02T01:20:00Z',
    presenceSeconds: 1080,
    checkedInAt: '2026-03-02T01:02:00Z',
    checkInMethod: CheckInMethod.Qr,
    isLate: false,
    checksAnswered: 1,
    checksPending: 0,
    ...overrides,
  };
}

export function makeRoster(overrides: Partial<LiveRoster> = {}): LiveRoster {
  return {
    session: makeSession(),
    enrolledCount: 3,
    checkedInCount: 2,
    presentCount: 1,
    learners: [
      makeRosterEntry(),
      makeRosterEntry({
        userId: 'u2',
        fullName: 'Trần Thị Đào',
        username: 'hocvien02',
        state: 'left',
        presenceSeconds: 300,
        checkedInAt: '2026-03-02T01:15:00Z',
        checkInMethod: CheckInMethod.Code,
        isLate: true,
      }),
      makeRosterEntry({
        userId: 'u3',
        fullName: 'Phạm Minh Đức',
        username: 'hocvien03',
        state: 'not-joined',
        lastSeenAt: null,
        presenceSeconds: 0,
        checkedInAt: null,
        checkInMethod: null,
        checksAnswered: 0,
      }),
    ],
    attentionChecks: [],
    ...overrides,
  };
}

export function makeGridSession(overrides: Partial<AttendanceGridSession> = {}): AttendanceGridSession {
  return {
    id: 's1',
    title: 'Chuyên đề 1',
    startsAt: '2026-03-02T01:00:00Z',
    endsAt: '2026-03-02T03:00:00Z',
    mode: 'online-live',
    status: SessionStatus.Finalised,
    ...overrides,
  };
}

export function makeCell(overrides: Partial<AttendanceCell> = {}): AttendanceCell {
  return {
    sessionId: 's1',
    status: AttendanceStatus.Present,
    evidence: makeEvidence(),
    isManual: false,
    reason: null,
    ...overrides,
  };
}

export function makeGridRow(overrides: Partial<AttendanceGridRow> = {}): AttendanceGridRow {
  return {
    userId: 'u1',
    fullName: 'Nguyễn Văn An',
    username: 'hocvien01',
    unitName: 'Phường Trấn Biên',
    cells: [makeCell()],
    attendedCount: 1,
    absentCount: 0,
    attendancePercent: 100,
    presencePercent: 75,
    warning: null,
    ...overrides,
  };
}

export function makeGrid(overrides: Partial<AttendanceGrid> = {}): AttendanceGrid {
  return {
    classId: 'c1',
    sessions: [
      makeGridSession(),
      makeGridSession({
        id: 's2',
        title: 'Chuyên đề 2',
        startsAt: '2026-03-09T01:00:00Z',
        endsAt: '2026-03-09T03:00:00Z',
        mode: 'in-person',
      }),
      makeGridSession({
        id: 's3',
        title: 'Chuyên đề 3',
        startsAt: '2099-03-16T01:00:00Z',
        endsAt: '2099-03-16T03:00:00Z',
        status: SessionStatus.Scheduled,
      }),
    ],
    rows: [
      makeGridRow({
        cells: [
          makeCell(),
          makeCell({
            sessionId: 's2',
            status: AttendanceStatus.Late,
            evidence: makeEvidence({ isLate: true, checkInMethod: CheckInMethod.Qr }),
          }),
        ],
        attendedCount: 2,
        attendancePercent: 100,
      }),
      makeGridRow({
        userId: 'u2',
        fullName: 'Trần Thị Đào',
        username: 'hocvien02',
        cells: [
          makeCell({
            sessionId: 's2',
            status: AttendanceStatus.Excused,
            evidence: makeEvidence({ checkedInAt: null, checkInMethod: null, presenceSeconds: 0 }),
          }),
          makeCell({
            status: AttendanceStatus.Absent,
            isManual: true,
            reason: 'Không tham gia, không báo trước',
            evidence: makeEvidence({
              checkedInAt: null,
              checkInMethod: null,
              presenceSeconds: 0,
              presencePercent: 0,
            }),
          }),
        ],
        attendedCount: 1,
        absentCount: 1,
        attendancePercent: 50,
        presencePercent: 0,
        warning: 'near',
      }),
    ],
    allowedAbsences: 1,
    openFlags: 2,
    pendingExcuses: 1,
    ...overrides,
  };
}

export function makeFlag(overrides: Partial<IntegrityFlagResponse> = {}): IntegrityFlagResponse {
  return {
    id: 'f1',
    kind: IntegrityFlagKind.SharedDevice,
    status: IntegrityFlagStatus.Open,
    classId: 'c1',
    classCode: 'DNM-2026-01',
    sessionId: 's1',
    sessionTitle: 'Chuyên đề 1',
    users: [
      { id: 'u1', fullName: 'Nguyễn Văn An', username: 'hocvien01' },
      { id: 'u2', fullName: 'Trần Thị Đào', username: 'hocvien02' },
    ],
    details: { device: 'a1b2c3' },
    raisedAt: '2026-03-02T01:05:00Z',
    raisedByName: null,
    resolvedByName: null,
    resolutionReason: null,
    resolvedAt: null,
    ...overrides,
  };
}
