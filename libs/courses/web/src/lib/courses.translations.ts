import { vi } from './courses.translations.vi';

/** Course strings and the API's course, module, lesson and attachment error codes. */
export const coursesTranslations = {
  vi,
  en: () => import('./courses.translations.en').then(({ en }) => en),
};
