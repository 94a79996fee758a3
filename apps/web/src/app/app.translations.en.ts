import type { vi } from './app.translations.vi';

export const en: typeof vi = {
  shell: {
    menu: 'Open navigation menu',
    navigation: 'Main navigation',
    logout: 'Sign out',
  },
  home: {
    links: 'Work',
  },
};
