import { TranslationBundle } from './translations';
import { vi } from './core.translations.vi';

export const coreTranslations: TranslationBundle = {
  vi,
  en: () => import('./core.translations.en').then(({ en }) => en),
};
