const vi = {
  learning: {
    myClasses: 'Lớp của tôi',
  },
};

const en: typeof vi = {
  learning: {
    myClasses: 'My classes',
  },
};

/** Learner and lecturer class strings. */
export const learningTranslations = { vi, en };
