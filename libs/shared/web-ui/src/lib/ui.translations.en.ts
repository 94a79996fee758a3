import type { vi } from './ui.translations.vi';

export const en: typeof vi = {
  ui: {
    languageSwitch: {
      label: 'Language',
      vi: 'Tiếng Việt',
      en: 'English',
    },
    forms: {
      required: 'This field is required.',
      minlength: 'At least {{requiredLength}} characters.',
      maxlength: 'At most {{requiredLength}} characters.',
      email: 'This is not a valid e-mail address.',
      mismatch: 'The two passwords do not match.',
      invalid: 'This value is not valid.',
    },
  },
};
