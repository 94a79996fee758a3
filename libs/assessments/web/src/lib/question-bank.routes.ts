import { Route } from '@angular/router';
import { QuestionBankAccess } from './question-bank-access';

/** `courses/:courseId/questions` under a role's area; `access` in the route data reaches the page as an input. */
function questionBank(access: QuestionBankAccess): Route {
  return {
    path: 'courses/:courseId/questions',
    title: 'questionBank.title',
    data: { access },
    loadComponent: () => import('./pages/question-bank-page').then((m) => m.QuestionBankPage),
  };
}

/** Centre staff edit a course's bank under `/centre`. */
export const centreQuestionBankRoutes: Route[] = [questionBank('staff')];
/** Auditors read it under `/auditor`. */
export const auditorQuestionBankRoutes: Route[] = [questionBank('auditor')];
/** Lecturers of the course's classes read it under `/lecturer`. */
export const lecturerQuestionBankRoutes: Route[] = [questionBank('lecturer')];
