/** Who a course is written for; drives how centres plan their classes. */
export enum CourseAudience {
  /** Lớp bồi dưỡng lý luận chính trị cho đảng viên mới. */
  NewPartyMembers = 'new-party-members',
  /** Lớp bồi dưỡng nhận thức về Đảng cho cảm tình Đảng / nguồn cán bộ. */
  CadreSource = 'cadre-source',
  /** Trung cấp lý luận chính trị. */
  IntermediateTheory = 'intermediate-theory',
  /** Chuyên đề, nghị quyết. */
  Thematic = 'thematic',
}

/** The parts of a learner's final grade. */
export enum GradeComponent {
  Attendance = 'attendance',
  Participation = 'participation',
  Quizzes = 'quizzes',
  Final = 'final',
}

export interface GradeWeight {
  component: GradeComponent;
  /** Whole percent, 0–100; the weights of a scheme sum to 100. */
  weight: number;
}

export interface GradingScheme {
  components: GradeWeight[];
}

/** What a learner must meet to be certified. Every rule is configurable per course. */
export interface CompletionPolicy {
  /** Minimum share of sessions attended, percent. */
  minAttendancePercent: number;
  /** Minimum verified presence as a share of live time, percent. */
  minPresencePercent: number;
  /** Pass mark of the final assessment on the 10-point scale. */
  finalPassMark: number;
  isEssayRequired: boolean;
  /** How many open integrity flags still allow certification. */
  maxOpenIntegrityFlags: number;
}

export const DEFAULT_COMPLETION_POLICY: CompletionPolicy = {
  minAttendancePercent: 80,
  minPresencePercent: 70,
  finalPassMark: 5,
  isEssayRequired: true,
  maxOpenIntegrityFlags: 0,
};

export const DEFAULT_GRADING_SCHEME: GradingScheme = {
  components: [
    { component: GradeComponent.Attendance, weight: 10 },
    { component: GradeComponent.Participation, weight: 20 },
    { component: GradeComponent.Quizzes, weight: 20 },
    { component: GradeComponent.Final, weight: 50 },
  ],
};

/** The sum of a scheme's weights; a valid scheme sums to exactly 100. */
export const schemeTotal = (scheme: GradingScheme): number =>
  scheme.components.reduce((total, part) => total + part.weight, 0);

export const PDF_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export interface LessonAttachment {
  id: string;
  fileName: string;
  sizeBytes: number;
  contentType: 'application/pdf';
  /** Path under the API to download the file with the caller's token. */
  downloadPath: string;
}

export interface LessonResponse {
  id: string;
  moduleId: string;
  title: string;
  position: number;
  /** Sanitised HTML: only formatting tags, links and lists survive. */
  body: string;
  videoUrl: string | null;
  /** Expected study time, minutes. */
  durationMinutes: number | null;
  attachments: LessonAttachment[];
}

export interface CourseModuleResponse {
  id: string;
  title: string;
  position: number;
  lessons: LessonResponse[];
}

export interface CourseSummary {
  id: string;
  code: string;
  title: string;
  audience: CourseAudience;
  requiredHours: number;
  /** The centre that owns the course; scope follows it. */
  ownerUnitId: string;
  ownerUnitName: string;
  moduleCount: number;
  lessonCount: number;
  updatedAt: string;
}

export interface CourseResponse extends CourseSummary {
  description: string;
  gradingScheme: GradingScheme;
  completionPolicy: CompletionPolicy;
  modules: CourseModuleResponse[];
}

export interface CreateCourseRequest {
  code: string;
  title: string;
  description?: string;
  audience: CourseAudience;
  requiredHours: number;
  /** Defaults to the caller's own unit; must lie in the caller's scope. */
  ownerUnitId?: string;
}

export interface UpdateCourseRequest {
  title?: string;
  description?: string;
  audience?: CourseAudience;
  requiredHours?: number;
  gradingScheme?: GradingScheme;
  completionPolicy?: CompletionPolicy;
}

export interface CourseListQuery {
  q?: string;
  audience?: CourseAudience;
  page?: number;
  pageSize?: number;
}

export interface CreateModuleRequest {
  title: string;
}

export interface UpdateModuleRequest {
  title?: string;
  /** New 1-based position among the course's modules. */
  position?: number;
}

export interface CreateLessonRequest {
  title: string;
  body?: string;
  videoUrl?: string | null;
  durationMinutes?: number | null;
}

export interface UpdateLessonRequest extends Partial<CreateLessonRequest> {
  position?: number;
}
