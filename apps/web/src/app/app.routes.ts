import { Route, Routes } from '@angular/router';
import {
  auditorGradingRoutes,
  auditorQuestionBankRoutes,
  auditorQuizRoutes,
  centreGradingRoutes,
  centreQuestionBankRoutes,
  centreQuizRoutes,
  learnerQuizRoutes,
  lecturerGradingRoutes,
  lecturerQuestionBankRoutes,
  lecturerQuizRoutes,
} from '@thuchoc/assessments/web';
import {
  auditorAttendanceRoutes,
  centreAttendanceRoutes,
  learnerAttendanceRoutes,
  lecturerAttendanceRoutes,
} from '@thuchoc/attendance/web';
import {
  auditorClassRoutes,
  centreClassRoutes,
  learnerClassRoutes,
  lecturerClassRoutes,
} from '@thuchoc/classes/web';
import { courseRoutes } from '@thuchoc/courses/web';
import { Role } from '@thuchoc/identity/contracts';
import {
  activationRoute,
  adminRoutes,
  loginRoute,
  profileRoute,
  redirectToHome,
  roleArea,
} from '@thuchoc/identity/web';
import { requireRole } from '@thuchoc/shared/web-core';
import { Shell } from './layout/shell';

/** A role's area: its home page, then its own pages; matched only for users holding the role. */
function areaRoute(role: Role, pages: Routes = []): Route {
  return {
    path: roleArea(role).path,
    canMatch: [requireRole(role)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: `identity.areas.${role}.heading`,
        data: { role },
        loadComponent: () => import('./areas/area-home.page').then((m) => m.AreaHomePage),
      },
      ...pages,
    ],
  };
}

export const appRoutes: Routes = [
  loginRoute,
  activationRoute,
  {
    path: '',
    component: Shell,
    canMatch: [requireRole()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: redirectToHome },
      areaRoute(Role.Learner, [...learnerClassRoutes, ...learnerAttendanceRoutes, ...learnerQuizRoutes]),
      areaRoute(Role.Lecturer, [
        ...lecturerClassRoutes,
        ...lecturerAttendanceRoutes,
        ...lecturerQuestionBankRoutes,
        ...lecturerQuizRoutes,
        ...lecturerGradingRoutes,
      ]),
      areaRoute(Role.CentreStaff, [
        ...centreQuestionBankRoutes,
        ...courseRoutes,
        ...centreClassRoutes,
        ...centreAttendanceRoutes,
        ...centreQuizRoutes,
        ...centreGradingRoutes,
      ]),
      areaRoute(Role.Auditor, [
        ...auditorClassRoutes,
        ...auditorAttendanceRoutes,
        ...auditorQuestionBankRoutes,
        ...auditorQuizRoutes,
        ...auditorGradingRoutes,
      ]),
      areaRoute(Role.Admin, adminRoutes),
      profileRoute,
    ],
  },
  { path: '**', redirectTo: '' },
];
