import { Routes } from '@angular/router';

/** A learner's quizzes of a class, the quiz player and their results, under `/learner`. */
export const learnerQuizRoutes: Routes = [
  {
    path: 'classes/:classId/quizzes',
    title: 'quizPlayer.classQuizzes.title',
    loadComponent: () => import('./pages/class-quizzes-page').then((m) => m.ClassQuizzesPage),
  },
  {
    path: 'quizzes/:quizId',
    title: 'quizPlayer.quiz.title',
    loadComponent: () => import('./pages/quiz-page').then((m) => m.QuizPage),
  },
  {
    path: 'attempts/:attemptId',
    title: 'quizPlayer.player.title',
    loadComponent: () => import('./pages/attempt-page').then((m) => m.AttemptPage),
  },
];
