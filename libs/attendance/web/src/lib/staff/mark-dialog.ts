import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ATTENDANCE_STATUSES,
  AttendanceGridSession,
  AttendanceStatus,
  ManualMarkRequest,
  ManualMarkResponse,
} from '@thuchoc/attendance/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { REASON_MAX_LENGTH, requiredText } from '../components/required-text';

export interface MarkDialogData {
  sessions: readonly AttendanceGridSession[];
  learners: readonly { userId: string; fullName: string }[];
  /** The session to start from, e.g. the grid column that was clicked. */
  sessionId: string | null;
  submit: (sessionId: string, request: ManualMarkRequest) => Observable<ManualMarkResponse>;
}

/** Marks the chosen learners' attendance in one session by hand, with the reason the ledger keeps. */
@Component({
  selector: 'th-mark-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'attendance.mark.title' | transloco }}</h2>
      <mat-dialog-content>
        <th-error-alert [message]="submission.error()" />
        <p class="label">{{ 'attendance.mark.learners' | transloco }}</p>
        <ul class="learners" data-testid="mark-learners">
          @for (learner of data.learners; track learner.userId) {
            <li>{{ learner.fullName }}</li>
          }
        </ul>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'attendance.mark.session' | transloco }}</mat-label>
          <mat-select formControlName="sessionId" required data-testid="mark-session">
            @for (session of data.sessions; track session.id; let index = $index) {
              <mat-option [value]="session.id">
                {{ 'attendance.grid.session' | transloco: { number: index + 1 } }} · {{ session.title }}
              </mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.sessionId.errors | thFieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'attendance.mark.status' | transloco }}</mat-label>
          <mat-select formControlName="status" required data-testid="mark-status">
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ 'attendance.statuses.' + status | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.status.errors | thFieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'attendance.mark.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" required data-testid="mark-reason"></textarea>
          <mat-error>{{ form.controls.reason.errors | thFieldError }}</mat-error>
        </mat-form-field>
        <p class="note">{{ 'attendance.mark.note' | transloco }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.isSaving()" data-testid="mark-submit">
          {{ 'attendance.mark.submit' | transloco }}
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
    .label {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .learners {
      margin: 4px 0 16px;
      padding-inline-start: 20px;
      max-height: 160px;
      overflow: auto;
    }
    .note {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MarkDialog {
  private readonly dialogRef = inject<MatDialogRef<MarkDialog, ManualMarkResponse>>(MatDialogRef);

  protected readonly data = inject<MarkDialogData>(MAT_DIALOG_DATA);
  protected readonly statuses = ATTENDANCE_STATUSES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    sessionId: [this.data.sessionId ?? '', Validators.required],
    status: ['' as AttendanceStatus | '', Validators.required],
    reason: ['', [requiredText, Validators.maxLength(REASON_MAX_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    const { sessionId, status, reason } = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.data.submit(sessionId, {
          userIds: this.data.learners.map((learner) => learner.userId),
          // Sent only when valid, so a status is chosen.
          status: status as AttendanceStatus,
          reason: reason.trim(),
        }),
      (answer) => this.dialogRef.close(answer),
    );
  }
}
