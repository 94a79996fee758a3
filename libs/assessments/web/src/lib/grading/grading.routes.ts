import { Routes } from '@angular/router';

/** A lecturer's grading queue and similarity flags, under `/lecturer`. */
export const lecturerGradingRoutes: Routes = [];
/** Centre staff's grading queue and similarity flags, under `/centre`. */
export const centreGradingRoutes: Routes = [];
/** An auditor's read-only grading queue and similarity flags, under `/auditor`. */
export const auditorGradingRoutes: Routes = [];
