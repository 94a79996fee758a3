import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Signal, inject, signal } from '@angular/core';
import {
  AbstractControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable, tap } from 'rxjs';
import { ErrorAlert } from './error-alert';
import { FieldErrorPipe } from './field-error.pipe';

/** The longest reason the APIs take, unless the caller sets another bound. */
export const REASON_MAX_LENGTH = 2000;

/**
 * What the dialog needs to send its form: web-core's `FormSubmission` fits
 * (it shows the failure's message and the API's field errors under the field).
 */
export interface DialogFormSubmission {
  readonly isSaving: Signal<boolean>;
  readonly error: Signal<string | null>;
  submit<T>(request: () => Observable<T>, onSuccess: (value: T) => void): void;
}

export interface ReasonDialogData<T> {
  /** Translation key of the title. */
  title: string;
  /** Text above the field, already translated; may be empty. */
  message: string;
  /** Translation key of the submit button. */
  submitLabel: string;
  /** Translation key of the field's label while a reason is required. */
  reasonLabel: string;
  /** Translation key of the field's label while a reason is optional; `reasonLabel` by default. */
  optionalReasonLabel?: string;
  /** Translation key of the button that backs out; `common.cancel` by default. */
  cancelLabel?: string;
  /** Whether a reason is required from the start; an API answer `…reason-required` requires it later. */
  isReasonRequired: boolean;
  /** The shortest reason the API takes (none by default). */
  minLength?: number;
  /** The longest reason the API takes; {@link REASON_MAX_LENGTH} by default. */
  maxLength?: number;
  /**
   * Makes the form's submission, e.g. `(form) => new FormSubmission(form)`;
   * called in the dialog's injection context.
   */
  submission: (form: FormGroup) => DialogFormSubmission;
  /**
   * Sends the decision with its trimmed reason (undefined when an optional one
   * is left empty); the dialog closes with the answer, or shows why it failed.
   */
  submit: (reason: string | undefined) => Observable<T>;
}

/** Like `Validators.required`, but spaces alone are no answer either. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** Whether the API refused the action because it needs a reason (an RFC 9457 `code` ending in `reason-required`). */
function isReasonRequiredProblem(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || !('status' in body) || !('title' in body)) return false;
  const code = (body as { code?: unknown }).code;
  return typeof code === 'string' && code.endsWith('reason-required');
}

/**
 * Asks for the reason of a decision (an excuse, a flag, a withdrawal, a
 * rejection, an opening that waits for approval) and sends it. When the API
 * answers that a reason is required after all, the field becomes required.
 * Its texts come through the dialog data, so it depends on no domain's dictionary.
 */
@Component({
  selector: 'th-reason-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ data.title | transloco }}</h2>
      <mat-dialog-content>
        @if (data.message) {
          <p class="message" data-testid="reason-dialog-message">{{ data.message }}</p>
        }
        <th-error-alert [message]="submission.error()" />
        <mat-form-field appearance="outline">
          <mat-label>{{
            (isRequired() ? data.reasonLabel : (data.optionalReasonLabel ?? data.reasonLabel)) | transloco
          }}</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="3"
            cdkFocusInitial
            [required]="isRequired()"
            data-testid="reason-input"
          ></textarea>
          <mat-error>{{ form.controls.reason.errors | thFieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ data.cancelLabel ?? 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="submission.isSaving()" data-testid="reason-submit">
          {{ data.submitLabel | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    form {
      display: contents;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      width: min(520px, 80vw);
    }
    .message {
      margin: 0 0 16px;
    }
  `,
})
export class ReasonDialog<T> {
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog<T>, T>>(MatDialogRef);

  protected readonly data = inject<ReasonDialogData<T>>(MAT_DIALOG_DATA);
  protected readonly isRequired = signal(this.data.isReasonRequired);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      [
        ...(this.data.minLength === undefined ? [] : [Validators.minLength(this.data.minLength)]),
        Validators.maxLength(this.data.maxLength ?? REASON_MAX_LENGTH),
      ],
    ],
  });
  protected readonly submission = this.data.submission(this.form);

  constructor() {
    if (this.isRequired()) this.requireReason();
  }

  protected submit(): void {
    this.submission.submit(
      () => {
        const reason = this.form.controls.reason.value.trim();
        return this.data
          .submit(reason === '' ? undefined : reason)
          .pipe(tap({ error: (error: unknown) => this.onRefused(error) }));
      },
      (answer) => this.dialogRef.close(answer),
    );
  }

  private onRefused(error: unknown): void {
    if (isReasonRequiredProblem(error)) this.requireReason();
  }

  private requireReason(): void {
    this.isRequired.set(true);
    this.form.controls.reason.addValidators(requiredText);
    this.form.controls.reason.updateValueAndValidity();
  }
}
