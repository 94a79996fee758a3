import { Injectable, InjectionToken, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable, of } from 'rxjs';

/** A language's strings: nested keys, `{{param}}` placeholders. */
export interface Dictionary {
  readonly [key: string]: string | Dictionary;
}

/**
 * One library's strings in every language. Declare `en` with the type of
 * `vi` (`const en: typeof vi`) so the compiler keeps both key sets equal.
 */
export interface TranslationBundle {
  readonly vi: Dictionary;
  readonly en: Dictionary;
}

/** Every library's bundle, registered with `provideI18n()`. */
export const TRANSLATION_BUNDLES = new InjectionToken<readonly TranslationBundle[]>('TRANSLATION_BUNDLES');

/** Serves the bundled dictionaries: no HTTP round trip, so the first paint is already translated. */
@Injectable()
export class BundledTranslationLoader implements TranslocoLoader {
  private readonly bundles = inject(TRANSLATION_BUNDLES);

  getTranslation(lang: string): Observable<Translation> {
    const language = lang === 'en' ? 'en' : 'vi';
    return of(mergeDictionaries(this.bundles.map((bundle) => bundle[language])));
  }
}

export function mergeDictionaries(dictionaries: readonly Dictionary[]): Translation {
  const merged: Record<string, unknown> = {};
  for (const dictionary of dictionaries) mergeInto(merged, dictionary);
  return merged;
}

function mergeInto(target: Record<string, unknown>, source: Dictionary): void {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string') {
      target[key] = value;
    } else {
      const existing = target[key];
      const child =
        typeof existing === 'object' && existing !== null ? (existing as Record<string, unknown>) : {};
      mergeInto(child, value);
      target[key] = child;
    }
  }
}
