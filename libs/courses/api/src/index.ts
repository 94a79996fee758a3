export * from './lib/courses-api.module';
export { CoursesService } from './lib/courses.service';
export type { CourseFacts } from './lib/courses.service';
export { ApiPdfDownload, sendPdf } from './lib/pdf-file';
