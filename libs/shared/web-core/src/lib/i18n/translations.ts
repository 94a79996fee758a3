import { Injectable, InjectionToken, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable, from, map, of } from 'rxjs';

/** A language's strings: nested keys, `{{param}}` placeholders. */
export interface Dictionary {
  readonly [key: string]: string | Dictionary;
}

/**
 * One library's strings in every language. Vietnamese, the default language,
 * ships in the initial bundle; English is a dynamic `import()` of a sibling
 * file, so Vietnamese users never download it. Declare `en` with the type of
 * `vi` (`export const en: typeof vi`) so the compiler keeps both key sets equal.
 */
export interface TranslationBundle {
  readonly vi: Dictionary;
  readonly en: () => Promise<Dictionary>;
}

/** Every library's bundle, registered with `provideI18n()`. */
export const TRANSLATION_BUNDLES = new InjectionToken<readonly TranslationBundle[]>('TRANSLATION_BUNDLES');

/**
 * Serves Vietnamese at once from the bundled dictionaries, and English from
 * every bundle's lazy chunk, fetched the first time it is asked for. The first
 * paint is translated either way: the app initializer waits for the
 * remembered language to load.
 */
@Injectable()
export class BundledTranslationLoader implements TranslocoLoader {
  private readonly bundles = inject(TRANSLATION_BUNDLES);

  getTranslation(lang: string): Observable<Translation> {
    if (lang !== 'en') return of(mergeDictionaries(this.bundles.map((bundle) => bundle.vi)));
    return from(Promise.all(this.bundles.map((bundle) => bundle.en()))).pipe(
      map((dictionaries) => mergeDictionaries(dictionaries)),
    );
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
