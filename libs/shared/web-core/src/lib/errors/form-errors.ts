import { FormGroup } from '@angular/forms';
import { ErrorView } from './problem';

/**
 * Puts the API's field errors on the matching controls as `{ server: message }`
 * so they show under the field; the next edit of the field clears them.
 * Returns whether any field error found a control.
 */
export function applyFieldErrors(form: FormGroup, view: ErrorView): boolean {
  let applied = false;
  for (const [field, message] of Object.entries(view.fields)) {
    const control = form.get(field);
    if (control === null) continue;
    control.setErrors({ server: message, ...control.errors });
    control.markAsTouched();
    applied = true;
  }
  return applied;
}
