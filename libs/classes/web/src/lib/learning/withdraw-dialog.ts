import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MyClassResponse } from '@thuchoc/classes/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LearnerClassStore } from '../data-access/learning-learner.store';

export interface WithdrawDialogData {
  classId: string;
  classTitle: string;
}

/** The API's bounds on a withdrawal reason, counted after trimming. */
const REASON_MIN_LENGTH = 5;
const REASON_MAX_LENGTH = 2000;

/** The reason as the API will count it: spaces around it do not count. */
function trimmedReason(control: AbstractControl<string>): ValidationErrors | null {
  const length = control.value.trim().length;
  if (length === 0) return { required: true };
  return length < REASON_MIN_LENGTH
    ? { minlength: { requiredLength: REASON_MIN_LENGTH, actualLength: length } }
    : null;
}

/** Confirms leaving a class; the reason is required and goes on the class's record. */
@Component({
  selector: 'th-withdraw-dialog',
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
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="withdraw-form">
      <h2 mat-dialog-title>{{ 'learning.withdraw.title' | transloco: { title: data.classTitle } }}</h2>
      <mat-dialog-content>
        <p class="warning">{{ 'learning.withdraw.warning' | transloco }}</p>
        <th-error-alert [message]="submission.error()" />
        <mat-form-field appearance="outline">
          <mat-label>{{ 'learning.withdraw.reason' | transloco }}</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="4"
            required
            [attr.maxlength]="maxLength"
            data-testid="withdraw-reason"
          ></textarea>
          <mat-error>{{ form.controls.reason.errors | thFieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button
          mat-flat-button
          type="submit"
          class="confirm"
          data-testid="withdraw-confirm"
          [disabled]="submission.isSaving()"
        >
          {{ 'learning.withdraw.confirm' | transloco }}
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
      min-width: min(440px, 80vw);
    }
    .warning {
      margin: 0 0 16px;
    }
    .confirm {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class WithdrawDialog {
  private readonly store = inject(LearnerClassStore);
  private readonly dialogRef = inject<MatDialogRef<WithdrawDialog, MyClassResponse>>(MatDialogRef);

  protected readonly data = inject<WithdrawDialogData>(MAT_DIALOG_DATA);
  protected readonly maxLength = REASON_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [trimmedReason, Validators.maxLength(REASON_MAX_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => this.store.withdraw(this.data.classId, this.form.getRawValue().reason.trim()),
      (enrollment) => this.dialogRef.close(enrollment),
    );
  }
}
