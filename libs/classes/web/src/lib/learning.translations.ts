import { vi } from './learning.translations.vi';

/** Learner and lecturer class strings, and the API's `my-class.*` error codes. */
export const learningTranslations = {
  vi,
  en: () => import('./learning.translations.en').then(({ en }) => en),
};
