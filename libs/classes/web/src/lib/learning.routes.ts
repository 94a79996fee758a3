import { Routes } from '@angular/router';

/** A learner's classes under `/learner/classes`. */
export const learnerClassRoutes: Routes = [
  {
    path: 'classes',
    title: 'learning.myClasses',
    loadComponent: () => import('./learning/learner-classes-page').then((m) => m.LearnerClassesPage),
  },
  {
    path: 'classes/:classId',
    title: 'learning.class.title',
    loadComponent: () => import('./learning/learner-class-page').then((m) => m.LearnerClassPage),
  },
  {
    path: 'classes/:classId/lessons/:lessonId',
    title: 'learning.lesson.title',
    loadComponent: () => import('./learning/lesson-page').then((m) => m.LessonPage),
  },
];

/** A lecturer's classes under `/lecturer/classes`. */
export const lecturerClassRoutes: Routes = [
  {
    path: 'classes',
    title: 'learning.myClasses',
    loadComponent: () => import('./learning/teaching-classes-page').then((m) => m.TeachingClassesPage),
  },
  {
    path: 'classes/:classId',
    title: 'learning.class.title',
    loadComponent: () => import('./learning/teaching-class-page').then((m) => m.TeachingClassPage),
  },
];
