import { Pipe, PipeTransform, inject } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoService } from '@jsverse/transloco';

/** Errors of the quiz forms with a message of their own; the rest are the shared ones. */
const OWN_ERRORS = ['min', 'max', 'integer', 'available', 'dateTime'];

/**
 * The message for a quiz or rubric form control's first error, for
 * `<mat-error>`: the API's own message (`server`) as is, the quiz forms' own
 * checks (ranges, whole numbers, what the bank holds) translated here, and the
 * common ones (required, lengths) as the shared pipe says them.
 */
@Pipe({ name: 'thQuizFieldError', pure: false })
export class QuizFieldErrorPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);
  private readonly shared = new FieldErrorPipe();

  transform(errors: ValidationErrors | null | undefined): string {
    if (!errors) return '';
    const [name, detail] = Object.entries(errors)[0] as [string, unknown];
    if (!OWN_ERRORS.includes(name)) return this.shared.transform(errors);
    const params = typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>) : {};
    return this.transloco.translate(`quizzes.errors.${name}`, params);
  }
}
