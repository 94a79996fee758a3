import { vi } from './identity.translations.vi';

/** Identity strings and the API's identity error codes; registered by the app with `provideI18n()`. */
export const identityTranslations = {
  vi,
  en: () => import('./identity.translations.en').then(({ en }) => en),
};
