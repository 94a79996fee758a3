import { vi } from './assessments.translations.vi';

/** Strings of the question bank pages, and the assessments API's problem codes under `problems.*`. */
export const assessmentsTranslations = {
  vi,
  en: () => import('./assessments.translations.en').then(({ en }) => en),
};
