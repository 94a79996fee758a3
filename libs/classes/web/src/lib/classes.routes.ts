import { Routes } from '@angular/router';

/** Centre staff's class pages under `/centre/classes` and `/centre/approvals`. */
export const centreClassRoutes: Routes = [];

/** An auditor's read-only class pages under `/auditor/classes`. */
export const auditorClassRoutes: Routes = [];
