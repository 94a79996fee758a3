import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import {
  assessmentsTranslations,
  gradingTranslations,
  quizPlayerTranslations,
  quizzesTranslations,
} from '@thuchoc/assessments/web';
import { attendanceTranslations } from '@thuchoc/attendance/web';
import { classesTranslations, learningTranslations } from '@thuchoc/classes/web';
import { coursesTranslations } from '@thuchoc/courses/web';
import { SessionStore, identityTranslations } from '@thuchoc/identity/web';
import { notificationsTranslations } from '@thuchoc/notifications/web';
import { SessionRoles, authInterceptor, provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons, uiTranslations } from '@thuchoc/shared/web-ui';
import { appRoutes } from './app.routes';
import { appTranslations } from './app.translations';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideI18n(
      uiTranslations,
      identityTranslations,
      notificationsTranslations,
      coursesTranslations,
      classesTranslations,
      learningTranslations,
      attendanceTranslations,
      assessmentsTranslations,
      quizzesTranslations,
      quizPlayerTranslations,
      gradingTranslations,
      appTranslations,
    ),
    provideAppIcons(),
    // The shared role guards learn the user's roles from the identity domain.
    { provide: SessionRoles, useExisting: SessionStore },
  ],
};
