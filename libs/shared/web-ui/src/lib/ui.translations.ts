const vi = {
  ui: {
    languageSwitch: {
      label: 'Ngôn ngữ',
      // Each language is named in itself, so a reader finds theirs whatever is shown.
      vi: 'Tiếng Việt',
      en: 'English',
    },
    forms: {
      required: 'Vui lòng nhập thông tin này.',
      minlength: 'Cần ít nhất {{requiredLength}} ký tự.',
      maxlength: 'Tối đa {{requiredLength}} ký tự.',
      email: 'Địa chỉ email chưa đúng.',
      mismatch: 'Hai mật khẩu chưa khớp nhau.',
      invalid: 'Giá trị chưa hợp lệ.',
    },
  },
};

const en: typeof vi = {
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

/** Strings of the shared UI components; registered by the app with `provideI18n()`. */
export const uiTranslations = { vi, en };
