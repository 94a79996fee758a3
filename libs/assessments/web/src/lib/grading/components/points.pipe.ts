import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

/** Points and scores with up to two decimals in the reader's language (`7,5` in Vietnamese). */
export function formatPoints(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 }).format(
    value,
  );
}

/** `{{ 7.5 | thPoints }}` → `7,5`; impure so a language switch re-renders it. */
@Pipe({ name: 'thPoints', pure: false })
export class PointsPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '—' : formatPoints(value, this.transloco.getActiveLang());
  }
}
