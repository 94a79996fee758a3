import { AbstractControl } from '@angular/forms';
import { toProblem } from '@thuchoc/shared/web-core';

/**
 * Puts the API's field errors (problem+json `errors`) on the control each
 * names (`drawRules.1.count`, `criteria.0.levels.2.points`), or on the nearest
 * one that exists (a rule removed since: `drawRules`). The next edit of the
 * control clears it. Returns whether any found a control.
 */
export function applyProblemErrors(root: AbstractControl, error: unknown): boolean {
  const messages = new Map<AbstractControl, string[]>();
  for (const fieldError of toProblem(error).errors ?? []) {
    const control = nearestControl(root, fieldError.field);
    if (control === null) continue;
    messages.set(control, [...(messages.get(control) ?? []), ...fieldError.messages]);
  }
  for (const [control, texts] of messages) {
    control.setErrors({ server: texts.join(' '), ...control.errors });
    control.markAsTouched();
  }
  return messages.size > 0;
}

function nearestControl(root: AbstractControl, field: string): AbstractControl | null {
  const path = field.split('.');
  while (path.length > 0) {
    const control = root.get(path.join('.'));
    if (control !== null) return control;
    path.pop();
  }
  return null;
}
