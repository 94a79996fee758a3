import { vi } from './player.translations.vi';

/** Strings of the learner's quiz pages, and the `attempt.*` problem codes (and the `quiz.*` ones a learner meets). */
export const quizPlayerTranslations = {
  vi,
  en: () => import('./player.translations.en').then(({ en }) => en),
};
