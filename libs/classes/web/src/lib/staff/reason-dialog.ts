import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FormSubmission, toProblem } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable, tap } from 'rxjs';

/** The API refuses a short reason; the same bound here saves a round trip. */
export const REASON_MIN_LENGTH = 5;
export const REASON_MAX_LENGTH = 2000;

export interface ReasonDialogData<T> {
  /** Translation key of the title. */
  title: string;
  /** Text above the field, already translated; may be empty. */
  message: string;
  /** Translation key of the submit button. */
  submitLabel: string;
  isReasonRequired: boolean;
  /** Sends the decision; the dialog closes with its answer, or shows why it failed. */
  submit: (reason: string | undefined) => Observable<T>;
}

/**
 * Asks for the reason of an action that needs one (a withdrawal, a rejection,
 * a decision, an opening that waits for approval) and sends it. When the API
 * answers that a reason is required after all, the field becomes required.
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
            (isRequired() ? 'classes.reason.label' : 'classes.reason.optional') | transloco
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
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
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
    reason: ['', [Validators.minLength(REASON_MIN_LENGTH), Validators.maxLength(REASON_MAX_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);

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
    if (toProblem(error).code?.endsWith('reason-required')) this.requireReason();
  }

  private requireReason(): void {
    this.isRequired.set(true);
    this.form.controls.reason.addValidators(Validators.required);
    this.form.controls.reason.updateValueAndValidity();
  }
}
