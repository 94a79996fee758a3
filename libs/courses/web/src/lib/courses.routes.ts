import { Routes } from '@angular/router';

/** Course pages under `/centre/courses`; the app guards the area itself. */
export const courseRoutes: Routes = [];
