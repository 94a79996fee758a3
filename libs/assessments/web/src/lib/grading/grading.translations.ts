import { vi } from './grading.translations.vi';

/** Strings of the grading queue and similarity pages, and the grading and `similarity-flag.*` problem codes. */
export const gradingTranslations = {
  vi,
  en: () => import('./grading.translations.en').then(({ en }) => en),
};
