import { vi } from './classes.translations.vi';

/** Centre staff's class strings and the API's class, session, enrollment, approval and import error codes. */
export const classesTranslations = {
  vi,
  en: () => import('./classes.translations.en').then(({ en }) => en),
};
