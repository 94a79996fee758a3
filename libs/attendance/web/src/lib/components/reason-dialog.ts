import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { REASON_MAX_LENGTH, requiredText } from './required-text';

export interface ReasonDialogData<T> {
  /** Translation key of the title. */
  title: string;
  /** Text above the field, already translated; may be empty. */
  message: string;
  /** Translation key of the submit button. */
  submitLabel: string;
  /** Sends the decision with its reason; the dialog closes with the answer, or shows why it failed. */
  submit: (reason: string) => Observable<T>;
}

/** Asks for the required reason of a decision (an excuse, a flag) and sends it. */
@Component({
  selector: 'th-attendance-reason-dialog',
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
          <mat-label>{{ 'attendance.reason.label' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" required data-testid="reason-input"></textarea>
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
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [requiredText, Validators.maxLength(REASON_MAX_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => this.data.submit(this.form.controls.reason.value.trim()),
      (answer) => this.dialogRef.close(answer),
    );
  }
}
