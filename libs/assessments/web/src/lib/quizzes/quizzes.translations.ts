import { vi } from './quizzes.translations.vi';

/** Strings of the quiz builder and class results pages, and the `quiz.*` and `rubric.*` problem codes. */
export const quizzesTranslations = {
  vi,
  en: () => import('./quizzes.translations.en').then(({ en }) => en),
};
