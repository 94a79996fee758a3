import { Injectable } from '@nestjs/common';
import { notFound } from '@thuchoc/shared/api-core';
import { DataSource, EntityManager } from 'typeorm';
import { CourseModule } from './course-module.entity';
import { courseNotFound, CoursesService } from './courses.service';
import {
  CreateLessonDto,
  CreateModuleDto,
  UpdateLessonDto,
  UpdateModuleDto,
} from './dto/content-requests.dto';
import { CourseDetails } from './dto/course-response.dto';
import { LessonAttachment } from './lesson-attachment.entity';
import { sanitizeLessonBody } from './lesson-body';
import { Lesson } from './lesson.entity';
import { assertPdfUpload, cleanFileName, UploadedPdf } from './pdf-file';
import { closeGap, lessonsOf, modulesOf, moveTo, nextPosition } from './positions';

/** The course editor: modules, lessons and their PDF attachments, each kept in order. */
@Injectable()
export class CourseContentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
  ) {}

  addModule(courseId: string, dto: CreateModuleDto): Promise<CourseDetails> {
    return this.edit(courseId, async (tx) => {
      await tx.insert(CourseModule, {
        courseId,
        title: dto.title,
        position: await nextPosition(tx, modulesOf(courseId)),
      });
    });
  }

  updateModule(courseId: string, moduleId: string, dto: UpdateModuleDto): Promise<CourseDetails> {
    return this.edit(courseId, async (tx) => {
      const module = await this.findModule(tx, courseId, moduleId);
      if (dto.title !== undefined) await tx.update(CourseModule, moduleId, { title: dto.title });
      if (dto.position !== undefined) await moveTo(tx, modulesOf(courseId), module, dto.position);
    });
  }

  /** Removes the module with its lessons and their attachments (the schema cascades). */
  removeModule(courseId: string, moduleId: string): Promise<CourseDetails> {
    return this.edit(courseId, async (tx) => {
      const module = await this.findModule(tx, courseId, moduleId);
      await tx.delete(CourseModule, moduleId);
      await closeGap(tx, modulesOf(courseId), module.position);
    });
  }

  addLesson(courseId: string, moduleId: string, dto: CreateLessonDto): Promise<CourseDetails> {
    return this.edit(courseId, async (tx) => {
      await this.findModule(tx, courseId, moduleId);
      await tx.insert(Lesson, {
        courseId,
        moduleId,
        title: dto.title,
        position: await nextPosition(tx, lessonsOf(moduleId)),
        body: sanitizeLessonBody(dto.body ?? ''),
        videoUrl: dto.videoUrl ?? null,
        durationMinutes: dto.durationMinutes ?? null,
      });
    });
  }

  updateLesson(courseId: string, lessonId: string, dto: UpdateLessonDto): Promise<CourseDetails> {
    return this.edit(courseId, async (tx) => {
      const lesson = await this.findLesson(tx, courseId, lessonId);
      await tx.update(Lesson, lessonId, {
        title: dto.title ?? lesson.title,
        body: dto.body === undefined ? lesson.body : sanitizeLessonBody(dto.body),
        videoUrl: dto.videoUrl === undefined ? lesson.videoUrl : dto.videoUrl,
        durationMinutes: dto.durationMinutes === undefined ? lesson.durationMinutes : dto.durationMinutes,
      });
      if (dto.position !== undefined) await moveTo(tx, lessonsOf(lesson.moduleId), lesson, dto.position);
    });
  }

  /** Removes the lesson with its attachments (the schema cascades). */
  removeLesson(courseId: string, lessonId: string): Promise<CourseDetails> {
    return this.edit(courseId, async (tx) => {
      const lesson = await this.findLesson(tx, courseId, lessonId);
      await tx.delete(Lesson, lessonId);
      await closeGap(tx, lessonsOf(lesson.moduleId), lesson.position);
    });
  }

  addAttachment(courseId: string, lessonId: string, file: UploadedPdf | undefined): Promise<CourseDetails> {
    assertPdfUpload(file);
    return this.edit(courseId, async (tx) => {
      await this.findLesson(tx, courseId, lessonId);
      await tx.insert(LessonAttachment, {
        courseId,
        lessonId,
        fileName: cleanFileName(file.originalname),
        sizeBytes: file.buffer.length,
        content: file.buffer,
      });
    });
  }

  removeAttachment(courseId: string, attachmentId: string): Promise<CourseDetails> {
    return this.edit(courseId, async (tx) => {
      const { affected } = await tx.delete(LessonAttachment, { id: attachmentId, courseId });
      if (!affected) throw attachmentNotFound();
    });
  }

  async download(courseId: string, attachmentId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const file = await this.courses.attachmentFile(courseId, attachmentId);
    if (!file) throw attachmentNotFound();
    return file;
  }

  /**
   * One transaction per edit. It first touches the course row, which locks
   * it: concurrent edits of one course queue up instead of racing over
   * positions, and a failed edit rolls back whole, touch included.
   */
  private edit(courseId: string, work: (tx: EntityManager) => Promise<void>): Promise<CourseDetails> {
    return this.dataSource.transaction(async (tx) => {
      const [, touched]: [unknown, number] = await tx.query(
        'UPDATE courses SET updated_at = now() WHERE id = $1',
        [courseId],
      );
      if (touched === 0) throw courseNotFound();
      await work(tx);
      return this.courses.details(courseId, tx);
    });
  }

  private async findModule(tx: EntityManager, courseId: string, id: string): Promise<CourseModule> {
    const module = await tx.findOne(CourseModule, { where: { id, courseId } });
    if (!module) throw notFound('module.not-found', 'No such module in this course.');
    return module;
  }

  private async findLesson(tx: EntityManager, courseId: string, id: string): Promise<Lesson> {
    const lesson = await tx.findOne(Lesson, { where: { id, courseId } });
    if (!lesson) throw notFound('lesson.not-found', 'No such lesson in this course.');
    return lesson;
  }
}

const attachmentNotFound = () => notFound('attachment.not-found', 'No such attachment in this course.');
