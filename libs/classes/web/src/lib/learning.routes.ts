import { Routes } from '@angular/router';

/** A learner's classes under `/learner/classes`. */
export const learnerClassRoutes: Routes = [];

/** A lecturer's classes under `/lecturer/classes`. */
export const lecturerClassRoutes: Routes = [];
