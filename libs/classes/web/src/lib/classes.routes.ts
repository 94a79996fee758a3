import { Route, Routes } from '@angular/router';

/**
 * `classes` and `classes/:classId`, shared by both areas; `isReadOnly` in the
 * route data reaches the pages as an input and hides every action.
 */
function classPages(isReadOnly: boolean): Route {
  return {
    path: 'classes',
    data: { isReadOnly },
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'classes.title',
        loadComponent: () => import('./staff/class-list-page').then((m) => m.ClassListPage),
      },
      {
        path: ':classId',
        title: 'classes.detailTitle',
        loadComponent: () => import('./staff/class-detail-page').then((m) => m.ClassDetailPage),
      },
    ],
  };
}

/** Centre staff's class pages under `/centre/classes` and `/centre/approvals`. */
export const centreClassRoutes: Routes = [
  classPages(false),
  {
    path: 'approvals',
    title: 'classes.approvals.title',
    loadComponent: () => import('./staff/approvals-page').then((m) => m.ApprovalsPage),
  },
];

/** An auditor's read-only class pages under `/auditor/classes`. */
export const auditorClassRoutes: Routes = [classPages(true)];
