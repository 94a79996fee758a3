import { Routes } from '@angular/router';

/** Centre staff's quiz pages of a class, under `/centre`. */
export const centreQuizRoutes: Routes = [];
/** A lecturer's quiz pages of the classes they teach, under `/lecturer`. */
export const lecturerQuizRoutes: Routes = [];
/** An auditor's read-only quiz pages, under `/auditor`. */
export const auditorQuizRoutes: Routes = [];
