import { Module } from '@nestjs/common';

/** Courses: modules, lessons, attachments, grading scheme and completion policy. */
@Module({})
export class CoursesApiModule {}
