import { AbstractControl, ValidationErrors } from '@angular/forms';

/** A number field must hold a whole number; empty is left to `Validators.required`. */
export function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  return value === null || Number.isInteger(value) ? null : { wholeNumber: true };
}
