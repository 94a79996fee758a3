import {
  ClassResponse,
  ClassSessionResponse,
  ClassStatus,
  EnrollmentResponse,
  EnrollmentStatus,
  MyClassDetailResponse,
  MyClassResponse,
  SessionMode,
} from '@thuchoc/classes/contracts';
import {
  CourseAudience,
  CourseModuleResponse,
  DEFAULT_COMPLETION_POLICY,
  DEFAULT_GRADING_SCHEME,
  LessonResponse,
} from '@thuchoc/courses/contracts';

/** Factories for the learning pages' specs (never imported by the app). */
export function makeClass(overrides: Partial<ClassResponse> = {}): ClassResponse {
  return {
    id: 'c1',
    code: 'DNM-2026-01',
    title: 'Lớp đảng viên mới khoá 1',
    status: ClassStatus.Running,
    courseId: 'k1',
    courseTitle: 'Bồi dưỡng lý luận chính trị cho đảng viên mới',
    audience: CourseAudience.NewPartyMembers,
    ownerUnitId: 'u-centre',
    ownerUnitName: 'Trung tâm chính trị Biên Hoà',
    targetUnitId: 'u-target',
    targetUnitName: 'Phường Trấn Biên',
    capacity: 40,
    minSize: 10,
    plannedSize: 40,
    activeCount: 25,
    pendingCount: 2,
    waitlistCount: 0,
    openedSize: 25,
    enrollmentOpensAt: null,
    enrollmentClosesAt: null,
    startsOn: '2026-03-02',
    endsOn: '2026-04-30',
    isSelfEnrollmentAllowed: true,
    hasPendingApproval: false,
    lecturers: [{ userId: 'l1', fullName: 'Lê Văn Giảng' }],
    description: '',
    policySnapshot: {
      gradingScheme: DEFAULT_GRADING_SCHEME,
      completionPolicy: DEFAULT_COMPLETION_POLICY,
      takenAt: '2026-03-01T00:00:00Z',
    },
    createdAt: '2026-01-01T00:00:00Z',
    openedAt: '2026-03-01T00:00:00Z',
    closedAt: null,
    ...overrides,
  };
}

export function makeMyClass(overrides: Partial<MyClassResponse> = {}): MyClassResponse {
  return {
    enrollmentId: 'e1',
    enrollmentStatus: EnrollmentStatus.Active,
    waitlistPosition: null,
    classId: 'c1',
    classCode: 'DNM-2026-01',
    classTitle: 'Lớp đảng viên mới khoá 1',
    courseTitle: 'Bồi dưỡng lý luận chính trị cho đảng viên mới',
    status: ClassStatus.Running,
    ownerUnitName: 'Trung tâm chính trị Biên Hoà',
    startsOn: '2026-03-02',
    endsOn: '2026-04-30',
    nextSessionAt: null,
    ...overrides,
  };
}

export function makeSession(overrides: Partial<ClassSessionResponse> = {}): ClassSessionResponse {
  return {
    id: 's1',
    classId: 'c1',
    title: 'Chuyên đề 1',
    startsAt: '2026-03-02T01:00:00Z',
    endsAt: '2026-03-02T04:00:00Z',
    mode: SessionMode.InPerson,
    room: 'Hội trường A',
    meetingUrl: null,
    lecturerId: 'l1',
    lecturerName: 'Lê Văn Giảng',
    ...overrides,
  };
}

export function makeLesson(overrides: Partial<LessonResponse> = {}): LessonResponse {
  return {
    id: 'l1',
    moduleId: 'm1',
    title: 'Bài 1',
    position: 1,
    body: '<p>Nội dung bài học</p>',
    videoUrl: null,
    durationMinutes: 45,
    attachments: [],
    ...overrides,
  };
}

export function makeModule(overrides: Partial<CourseModuleResponse> = {}): CourseModuleResponse {
  return { id: 'm1', title: 'Phần 1', position: 1, lessons: [makeLesson()], ...overrides };
}

export function makeDetail(overrides: Partial<MyClassDetailResponse> = {}): MyClassDetailResponse {
  return {
    class: makeClass(),
    enrollment: makeMyClass(),
    sessions: [makeSession()],
    modules: [makeModule()],
    ...overrides,
  };
}

export function makeEnrollment(overrides: Partial<EnrollmentResponse> = {}): EnrollmentResponse {
  return {
    id: 'e1',
    classId: 'c1',
    userId: 'u1',
    username: 'hocvien01',
    fullName: 'Nguyễn Văn An',
    unitName: 'Phường Trấn Biên',
    position: 'Bí thư chi đoàn',
    status: EnrollmentStatus.Active,
    isOutsideTarget: false,
    waitlistPosition: null,
    requestedAt: '2026-01-01T00:00:00Z',
    decidedAt: null,
    reason: null,
    ...overrides,
  };
}
