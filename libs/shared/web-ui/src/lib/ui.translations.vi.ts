export const vi = {
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
