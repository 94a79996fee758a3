import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityApiModule } from '@thuchoc/identity/api';
import { CourseContentController } from './course-content.controller';
import { CourseContentService } from './course-content.service';
import { CourseModule } from './course-module.entity';
import { Course } from './course.entity';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';
import { LessonAttachment } from './lesson-attachment.entity';
import { Lesson } from './lesson.entity';

/** Courses: modules, lessons, attachments, grading scheme and completion policy. */
@Module({
  imports: [IdentityApiModule, TypeOrmModule.forFeature([Course, CourseModule, Lesson, LessonAttachment])],
  controllers: [CoursesController, CourseContentController],
  providers: [CoursesService, CourseContentService],
  exports: [CoursesService, CourseContentService],
})
export class CoursesApiModule {}
