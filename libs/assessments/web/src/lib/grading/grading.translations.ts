const vi = {};
const en = {};

/** Strings of the grading queue and similarity pages, and the grading and `similarity-flag.*` problem codes. */
export const gradingTranslations = { vi, en };
