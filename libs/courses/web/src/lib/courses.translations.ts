const vi = {
  courses: {
    title: 'Chương trình đào tạo',
  },
};

const en: typeof vi = {
  courses: {
    title: 'Courses',
  },
};

/** Course strings and the API's course error codes. */
export const coursesTranslations = { vi, en };
