import { vi } from './app.translations.vi';

/** Strings of the shell and the area homes. */
export const appTranslations = {
  vi,
  en: () => import('./app.translations.en').then(({ en }) => en),
};
