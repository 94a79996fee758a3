const vi = {};
const en = {};

/** Strings of the quiz builder and class results pages, and the `quiz.*` and `rubric.*` problem codes. */
export const quizzesTranslations = { vi, en };
