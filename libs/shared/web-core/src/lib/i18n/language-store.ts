import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, map } from 'rxjs';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGE_STORAGE_KEY = 'thuchoc.language';

/** The interface language: Vietnamese unless the user picked English, remembered across visits. */
@Injectable({ providedIn: 'root' })
export class LanguageStore {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(storedLanguage());

  readonly language = this.current.asReadonly();

  /** Loads the remembered language before the first render. */
  init(): Observable<void> {
    return this.activate(this.current());
  }

  /** Switches to `language` and remembers it; anything else a switch emits is ignored. */
  use(language: string): void {
    if (!isLanguage(language)) return;
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    this.activate(language).subscribe();
  }

  /** Loads first, so code that translates imperatively never sees the language half-switched. */
  private activate(language: Language): Observable<void> {
    return this.transloco.load(language).pipe(
      map(() => {
        this.current.set(language);
        this.transloco.setActiveLang(language);
        this.document.documentElement.lang = language;
      }),
    );
  }
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

function storedLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
}
