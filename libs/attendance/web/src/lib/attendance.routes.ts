import { Route, Routes } from '@angular/router';
import { AttendanceAccess } from './attendance-access';

function sessionConsole(): Route {
  return {
    path: 'sessions/:sessionId',
    title: 'attendance.console.title',
    loadComponent: () => import('./console/session-console-page').then((m) => m.SessionConsolePage),
  };
}

function attendanceGrid(access: AttendanceAccess): Route {
  return {
    path: 'classes/:classId/attendance',
    title: 'attendance.grid.title',
    data: { access },
    loadComponent: () => import('./staff/attendance-grid-page').then((m) => m.AttendanceGridPage),
  };
}

function excuseQueue(access: AttendanceAccess): Route {
  return {
    path: 'excuses',
    title: 'attendance.excuses.title',
    data: { access },
    loadComponent: () => import('./staff/excuses-page').then((m) => m.ExcusesPage),
  };
}

function integrityFlags(access: AttendanceAccess): Route {
  return {
    path: 'flags',
    title: 'attendance.flags.title',
    data: { access },
    loadComponent: () => import('./staff/flags-page').then((m) => m.FlagsPage),
  };
}

/** A learner's live session page (also the QR link, `?code=`) and attendance history, under `/learner`. */
export const learnerAttendanceRoutes: Routes = [
  {
    path: 'sessions/:sessionId',
    title: 'attendance.live.title',
    loadComponent: () => import('./learner/live-session-page').then((m) => m.LiveSessionPage),
  },
  {
    path: 'classes/:classId/attendance',
    title: 'attendance.history.title',
    loadComponent: () => import('./learner/attendance-history-page').then((m) => m.AttendanceHistoryPage),
  },
];

/** A lecturer's session console, class attendance and excuse queue, under `/lecturer`. */
export const lecturerAttendanceRoutes: Routes = [
  sessionConsole(),
  attendanceGrid('lecturer'),
  excuseQueue('lecturer'),
];

/** Centre staff's session console, class attendance, excuse queue and integrity flags, under `/centre`. */
export const centreAttendanceRoutes: Routes = [
  sessionConsole(),
  attendanceGrid('staff'),
  excuseQueue('staff'),
  integrityFlags('staff'),
];

/** An auditor's read-only class attendance, excuses and integrity flags, under `/auditor`. */
export const auditorAttendanceRoutes: Routes = [
  attendanceGrid('auditor'),
  excuseQueue('auditor'),
  integrityFlags('auditor'),
];
