import { vi } from './attendance.translations.vi';

/** Attendance strings (sessions, check-in, presence, grid, excuses, integrity flags) and the API's error codes. */
export const attendanceTranslations = {
  vi,
  en: () => import('./attendance.translations.en').then(({ en }) => en),
};
