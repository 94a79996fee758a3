import { Routes } from '@angular/router';
import { GradingAccess } from './grading-access';

/** The grading pages under a role's area; `access` in the route data reaches each page as an input. */
function gradingRoutes(access: GradingAccess): Routes {
  return [
    {
      path: 'classes/:classId/grading',
      title: 'grading.title',
      data: { access },
      loadComponent: () => import('./pages/grading-queue-page').then((m) => m.GradingQueuePage),
    },
    {
      path: 'classes/:classId/grading/:attemptId',
      title: 'grading.attempt.title',
      data: { access },
      loadComponent: () => import('./pages/essay-grading-page').then((m) => m.EssayGradingPage),
    },
    {
      path: 'similarity-flags/:flagId',
      title: 'grading.flag.title',
      data: { access },
      loadComponent: () => import('./pages/similarity-flag-page').then((m) => m.SimilarityFlagPage),
    },
  ];
}

/** A lecturer's grading queue and similarity flags, under `/lecturer`. */
export const lecturerGradingRoutes: Routes = gradingRoutes('lecturer');
/** Centre staff's grading queue and similarity flags, under `/centre`. */
export const centreGradingRoutes: Routes = gradingRoutes('staff');
/** An auditor's read-only grading queue and similarity flags, under `/auditor`. */
export const auditorGradingRoutes: Routes = gradingRoutes('auditor');
