import { inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';
import { applyFieldErrors } from '../errors/form-errors';
import { ProblemMessages } from '../errors/problem';

/** How a {@link FormSubmission} behaves after a success. */
export interface FormSubmissionOptions {
  /**
   * The form stays on screen after a success and may be sent again, so saving
   * ends with the request. By default saving stays on after a success: the page
   * is navigating away or closing and must not send the form twice meanwhile.
   */
  isReusable?: boolean;
}

/**
 * Sends a form at most once at a time and shows how it failed: the message in
 * `error`, the API's field errors under their fields. Create it in an injection
 * context (a field initializer), since it injects {@link ProblemMessages}.
 */
export class FormSubmission {
  private readonly problems = inject(ProblemMessages);
  private readonly saving = signal(false);
  private readonly message = signal<string | null>(null);

  /** True while the request is in flight (and after a success, unless reusable). */
  readonly isSaving = this.saving.asReadonly();
  /** The last failure's message, cleared when the form is sent again. */
  readonly error = this.message.asReadonly();

  constructor(
    private readonly form: FormGroup,
    private readonly options: FormSubmissionOptions = {},
  ) {}

  /**
   * Sends `request()` unless the form is invalid (then its errors are shown) or
   * already being saved. `request` is called only when the form is really sent.
   */
  submit<T>(request: () => Observable<T>, onSuccess: (value: T) => void): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.message.set(null);
    request().subscribe({
      next: (value) => {
        if (this.options.isReusable) this.saving.set(false);
        onSuccess(value);
      },
      error: (error: unknown) => {
        const view = this.problems.describe(error);
        applyFieldErrors(this.form, view);
        this.message.set(view.message);
        this.saving.set(false);
      },
    });
  }

  /** Shows the failure of another request the form needs, such as loading its choices. */
  showError(error: unknown): void {
    this.message.set(this.problems.describe(error).message);
  }
}
