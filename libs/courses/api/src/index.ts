export * from './lib/courses-api.module';
export { CoursesService } from './lib/courses.service';
export { CourseContentService } from './lib/course-content.service';
export type { CourseFacts } from './lib/courses.service';
export { ApiPdfDownload, sendPdf } from './lib/pdf-file';
