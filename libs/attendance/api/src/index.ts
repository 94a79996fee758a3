export * from './lib/attendance-api.module';
export { IntegrityFlagsService } from './lib/flags/integrity-flags.service';
export { AbsenceWarningsService } from './lib/warnings/absence-warnings.service';
export * from './lib/presence/presence-store';
export * from './lib/finalisation/finalisation.service';
export * from './lib/jobs/attendance-sweeper';
export { classAbsenceRule } from './lib/warnings/absence-rules';
export type { ClassAbsenceRule } from './lib/warnings/absence-rules';
