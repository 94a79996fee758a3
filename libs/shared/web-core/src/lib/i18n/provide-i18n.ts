import { DATE_PIPE_DEFAULT_OPTIONS } from '@angular/common';
import {
  EnvironmentProviders,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TitleStrategy } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { coreTranslations } from './core.translations';
import { DEFAULT_LANGUAGE, LANGUAGES, LanguageStore } from './language-store';
import { TranslatedPaginatorIntl } from './paginator-intl';
import { TranslatedTitleStrategy } from './translated-title-strategy';
import { BundledTranslationLoader, TRANSLATION_BUNDLES, TranslationBundle } from './translations';

/** Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving), the zone every date is shown in. */
export const DISPLAY_TIME_ZONE = '+0700';

/**
 * The app's one i18n layer: Transloco with each library's dictionaries
 * (Vietnamese bundled, English fetched on demand), the remembered language
 * loaded before the first render, dates in Vietnam time, translated page
 * titles and Material paginator labels.
 */
export function provideI18n(...bundles: TranslationBundle[]): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true },
      },
      loader: BundledTranslationLoader,
    }),
    { provide: TRANSLATION_BUNDLES, useValue: [coreTranslations, ...bundles] },
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    {
      provide: DATE_PIPE_DEFAULT_OPTIONS,
      useValue: { timezone: DISPLAY_TIME_ZONE, dateFormat: 'dd/MM/yyyy HH:mm' },
    },
    provideAppInitializer(() => inject(LanguageStore).init()),
  ]);
}
