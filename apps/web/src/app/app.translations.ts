const vi = {
  shell: {
    menu: 'Mở menu điều hướng',
    navigation: 'Điều hướng chính',
    logout: 'Đăng xuất',
  },
  home: {
    links: 'Công việc',
  },
};

const en: typeof vi = {
  shell: {
    menu: 'Open navigation menu',
    navigation: 'Main navigation',
    logout: 'Sign out',
  },
  home: {
    links: 'Work',
  },
};

/** Strings of the shell and the area homes. */
export const appTranslations = { vi, en };
