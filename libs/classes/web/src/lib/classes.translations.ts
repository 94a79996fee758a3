const vi = {
  classes: {
    title: 'Lớp học',
  },
};

const en: typeof vi = {
  classes: {
    title: 'Classes',
  },
};

/** Centre staff's class strings and the API's class and enrollment error codes. */
export const classesTranslations = { vi, en };
