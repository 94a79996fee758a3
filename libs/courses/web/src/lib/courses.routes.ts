import { Routes } from '@angular/router';

/** Course pages under `/centre/courses`; the app guards the area itself. */
export const courseRoutes: Routes = [
  {
    path: 'courses',
    children: [
      {
        path: '',
        title: 'courses.title',
        loadComponent: () => import('./pages/courses-page').then((m) => m.CoursesPage),
      },
      {
        path: ':courseId',
        title: 'courses.editor.title',
        loadComponent: () => import('./pages/course-editor-page').then((m) => m.CourseEditorPage),
      },
    ],
  },
];
