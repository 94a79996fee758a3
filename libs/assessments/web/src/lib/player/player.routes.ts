import { Routes } from '@angular/router';

/** A learner's quizzes of a class, the quiz player and their results, under `/learner`. */
export const learnerQuizRoutes: Routes = [];
