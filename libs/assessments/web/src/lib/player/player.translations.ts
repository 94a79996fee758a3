const vi = {};
const en = {};

/** Strings of the learner's quiz pages, and the `attempt.*` problem codes. */
export const quizPlayerTranslations = { vi, en };
