import { Route, Routes } from '@angular/router';
import { QuizPageAccess } from './quiz-page-access';

/**
 * The quiz pages under a role's area; `access` in the route data reaches each
 * page as an input and decides whether edit controls show.
 */
function quizList(access: QuizPageAccess): Route {
  return {
    path: 'classes/:classId/quizzes',
    pathMatch: 'full',
    title: 'quizzes.title',
    data: { access },
    loadComponent: () => import('./pages/quiz-list-page').then((m) => m.QuizListPage),
  };
}

function newQuiz(access: QuizPageAccess): Route {
  return {
    path: 'classes/:classId/quizzes/new',
    title: 'quizzes.builder.createTitle',
    data: { access },
    loadComponent: () => import('./pages/quiz-builder-page').then((m) => m.QuizBuilderPage),
  };
}

function quizBuilder(access: QuizPageAccess): Route {
  return {
    path: 'quizzes/:quizId',
    pathMatch: 'full',
    title: 'quizzes.builder.viewTitle',
    data: { access },
    loadComponent: () => import('./pages/quiz-builder-page').then((m) => m.QuizBuilderPage),
  };
}

function quizResults(access: QuizPageAccess): Route {
  return {
    path: 'quizzes/:quizId/results',
    title: 'quizzes.results.title',
    data: { access },
    loadComponent: () => import('./pages/quiz-results-page').then((m) => m.QuizResultsPage),
  };
}

/** Centre staff's quiz pages of a class, under `/centre`. */
export const centreQuizRoutes: Routes = [
  quizList('staff'),
  newQuiz('staff'),
  quizBuilder('staff'),
  quizResults('staff'),
];
/** A lecturer's quiz pages of the classes they teach, under `/lecturer`. */
export const lecturerQuizRoutes: Routes = [
  quizList('lecturer'),
  newQuiz('lecturer'),
  quizBuilder('lecturer'),
  quizResults('lecturer'),
];
/** An auditor's read-only quiz pages, under `/auditor`. */
export const auditorQuizRoutes: Routes = [
  quizList('auditor'),
  quizBuilder('auditor'),
  quizResults('auditor'),
];
