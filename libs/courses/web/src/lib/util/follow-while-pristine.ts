import { effect, untracked } from '@angular/core';
import { FormGroup } from '@angular/forms';

/**
 * Shows the server's values in `form` until the user edits it: every change of
 * the course (after any save on the page) refreshes a pristine form but never
 * overwrites unsaved edits. Resetting the form after its own save makes it
 * follow again. Call in an injection context.
 */
export function followWhilePristine<F extends FormGroup>(
  form: F,
  values: () => Parameters<F['reset']>[0],
): void {
  effect(() => {
    const next = values();
    untracked(() => {
      if (form.pristine) form.reset(next);
    });
  });
}
