export * from './lib/classes-api.module';
export * from './lib/classes/class-access';
export * from './lib/enrollments/enrollments.service';
export * from './lib/sessions/sessions.service';
export * from './lib/imports/enrollment-imports.service';
export * from './lib/seed/classes-demo-seeder';
export { isXlsx, readRows, UnreadableFileError } from './lib/imports/import-file';
export type { FileRow } from './lib/imports/import-file';
