import { vi } from './notifications.translations.vi';

/** Notification strings and the API's notification error codes; registered by the app with `provideI18n()`. */
export const notificationsTranslations = {
  vi,
  en: () => import('./notifications.translations.en').then(({ en }) => en),
};
