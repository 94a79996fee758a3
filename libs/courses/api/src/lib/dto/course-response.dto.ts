import { ApiProperty } from '@nestjs/swagger';
import {
  CompletionPolicy,
  CourseAudience,
  CourseModuleResponse,
  CourseResponse,
  CourseSummary,
  GradingScheme,
  LessonAttachment as LessonAttachmentResponse,
  LessonResponse,
} from '@thuchoc/courses/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { CourseModule } from '../course-module.entity';
import { LessonAttachment } from '../lesson-attachment.entity';
import { Lesson } from '../lesson.entity';
import { CompletionPolicyDto, GradingSchemeDto } from './course-requests.dto';

export class LessonAttachmentDto implements LessonAttachmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ enum: ['application/pdf'] }) contentType!: 'application/pdf';
  /** Path under the API to download the file with the caller's token. */
  @ApiProperty() downloadPath!: string;
}

export class LessonResponseDto implements LessonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() moduleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() position!: number;
  /** Sanitised HTML. */
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) videoUrl!: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationMinutes!: number | null;
  @ApiProperty({ type: [LessonAttachmentDto] }) attachments!: LessonAttachmentResponse[];
}

export class CourseModuleResponseDto implements CourseModuleResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ type: [LessonResponseDto] }) lessons!: LessonResponse[];
}

export class CourseSummaryDto implements CourseSummary {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CourseAudience }) audience!: CourseAudience;
  @ApiProperty() requiredHours!: number;
  @ApiProperty() ownerUnitId!: string;
  @ApiProperty() ownerUnitName!: string;
  @ApiProperty() moduleCount!: number;
  @ApiProperty() lessonCount!: number;
  @ApiProperty() updatedAt!: string;
}

export class CourseResponseDto extends CourseSummaryDto implements CourseResponse {
  @ApiProperty() description!: string;
  @ApiProperty({ type: GradingSchemeDto }) gradingScheme!: GradingScheme;
  @ApiProperty({ type: CompletionPolicyDto }) completionPolicy!: CompletionPolicy;
  @ApiProperty({ type: [CourseModuleResponseDto] }) modules!: CourseModuleResponse[];
}

export class CoursePageDto implements Page<CourseSummary> {
  @ApiProperty({ type: [CourseSummaryDto] }) items!: CourseSummary[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** A course row as the list and detail queries read it, owner name and counts joined in. */
export interface CourseRow {
  id: string;
  code: string;
  title: string;
  audience: CourseAudience;
  required_hours: number;
  owner_unit_id: string;
  owner_unit_name: string;
  module_count: number;
  lesson_count: number;
  updated_at: Date;
}

export interface CourseDetailRow extends CourseRow {
  description: string;
  grading_scheme: GradingScheme;
  completion_policy: CompletionPolicy;
}

/** A course's modules, lessons and attachments (without bytes), each list in display order. */
export interface CourseContent {
  modules: CourseModule[];
  lessons: Lesson[];
  attachments: LessonAttachment[];
}

/** A course with everything the editor shows. */
export interface CourseDetails {
  course: CourseDetailRow;
  content: CourseContent;
}

/** Where the course editor downloads a course's attachments. */
export const courseAttachmentsPath = (courseId: string) => `/api/v1/courses/${courseId}/attachments`;

export function toCourseSummary(row: CourseRow): CourseSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    audience: row.audience,
    requiredHours: row.required_hours,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    moduleCount: row.module_count,
    lessonCount: row.lesson_count,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toCourseResponse({ course, content }: CourseDetails): CourseResponse {
  return {
    ...toCourseSummary(course),
    description: course.description,
    gradingScheme: course.grading_scheme,
    completionPolicy: course.completion_policy,
    modules: toModuleResponses(content, courseAttachmentsPath(course.id)),
  };
}

/** Modules with their lessons and attachments; a download path is `${prefix}/${attachmentId}`. */
export function toModuleResponses(
  content: CourseContent,
  attachmentPathPrefix: string,
): CourseModuleResponse[] {
  const attachmentsOf = groupBy(content.attachments, (attachment) => attachment.lessonId);
  const lessonsOf = groupBy(content.lessons, (lesson) => lesson.moduleId);
  return content.modules.map((module) => ({
    id: module.id,
    title: module.title,
    position: module.position,
    lessons: (lessonsOf.get(module.id) ?? []).map((lesson) => ({
      id: lesson.id,
      moduleId: lesson.moduleId,
      title: lesson.title,
      position: lesson.position,
      body: lesson.body,
      videoUrl: lesson.videoUrl,
      durationMinutes: lesson.durationMinutes,
      attachments: (attachmentsOf.get(lesson.id) ?? []).map((attachment) => ({
        id: attachment.id,
        fileName: attachment.fileName,
        sizeBytes: attachment.sizeBytes,
        contentType: 'application/pdf' as const,
        downloadPath: `${attachmentPathPrefix}/${attachment.id}`,
      })),
    })),
  }));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
