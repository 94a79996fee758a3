import { AbstractControl, ValidationErrors } from '@angular/forms';

export const REASON_MAX_LENGTH = 2000;

/** Like `Validators.required`, but spaces alone are no answer either. */
export function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}
