import { Pipe, PipeTransform, inject } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';

/**
 * The message for a form control's first error, for `<mat-error>`.
 * `server` carries a message the API sent for that field, shown as is.
 * Impure so a language switch re-renders it.
 */
@Pipe({ name: 'thFieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(errors: ValidationErrors | null | undefined): string {
    if (!errors) return '';
    const [name, detail] = Object.entries(errors)[0] as [string, unknown];
    if (name === 'server') return String(detail);
    if (name === 'minlength' || name === 'maxlength') {
      return this.transloco.translate(`ui.forms.${name}`, detail as Record<string, unknown>);
    }
    const key = `ui.forms.${name}`;
    return this.transloco.translate(
      key in this.transloco.getTranslation(this.transloco.getActiveLang()) ? key : 'ui.forms.invalid',
    );
  }
}
