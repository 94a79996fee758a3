/**
 * Who opens a quiz page, from the route's data (it reaches the page as an
 * input): centre `staff` and the class's `lecturer`s build quizzes and
 * rubrics, an `auditor` only reads them. The API decides anyway (403
 * `quiz.read-only` for an auditor's change).
 */
export type QuizPageAccess = 'staff' | 'lecturer' | 'auditor';

export const canEditQuizzes = (access: QuizPageAccess): boolean => access !== 'auditor';

const AREAS: Readonly<Record<QuizPageAccess, string>> = {
  staff: '/centre',
  lecturer: '/lecturer',
  auditor: '/auditor',
};

/** The role's area the quiz pages live under, for links between them (`/lecturer/quizzes/…`). */
export const areaOf = (access: QuizPageAccess): string => AREAS[access];
