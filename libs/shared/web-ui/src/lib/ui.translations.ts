import { vi } from './ui.translations.vi';

/** Strings of the shared UI components; registered by the app with `provideI18n()`. */
export const uiTranslations = {
  vi,
  en: () => import('./ui.translations.en').then(({ en }) => en),
};
