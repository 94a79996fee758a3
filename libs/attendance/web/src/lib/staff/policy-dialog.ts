import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import {
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AttendancePolicy } from '@thuchoc/attendance/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';

export interface PolicyDialogData {
  load: () => Observable<AttendancePolicy>;
  /** Null for a reader: the rules are shown, not edited. */
  save: ((policy: AttendancePolicy) => Observable<AttendancePolicy>) | null;
}

type PolicyField = keyof AttendancePolicy;

/** Each rule's smallest and largest value, as the API accepts them (`AttendancePolicyDto`). */
const POLICY_LIMITS: Readonly<Record<PolicyField, { min: number; max: number }>> = {
  checkInOpensMinutesBefore: { min: 0, max: 120 },
  lateAfterMinutes: { min: 0, max: 240 },
  checkInClosesAfterMinutes: { min: 1, max: 480 },
  minSessionPresencePercent: { min: 0, max: 100 },
  minAttentionPercent: { min: 0, max: 100 },
  autoAttentionChecks: { min: 0, max: 10 },
  closeGraceMinutes: { min: 0, max: 240 },
  excuseDaysAfter: { min: 0, max: 30 },
  sharedIpThreshold: { min: 2, max: 1000 },
};

/** The order the rules are shown in: check-in times, then presence, then the rest. */
export const POLICY_FIELDS = Object.keys(POLICY_LIMITS) as PolicyField[];

function wholeNumber(control: FormControl<number | null>): ValidationErrors | null {
  return control.value === null || Number.isInteger(control.value) ? null : { wholeNumber: true };
}

/** A class's attendance rules, each with what it means; centre staff change them, others read them. */
@Component({
  selector: 'th-policy-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'attendance.policy.title' | transloco }}</h2>
      <mat-dialog-content>
        <p class="intro">
          {{ 'attendance.policy.intro' | transloco }}
          @if (!data.save) {
            {{ 'attendance.policy.readOnly' | transloco }}
          }
        </p>
        <th-error-alert [message]="submission.error()" />
        @if (isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
        <div class="fields">
          @for (field of fields; track field) {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'attendance.policy.fields.' + field | transloco }}</mat-label>
              <input
                matInput
                type="number"
                [min]="limits[field].min"
                [max]="limits[field].max"
                inputmode="numeric"
                [formControlName]="field"
                [attr.data-testid]="'policy-' + field"
              />
              <mat-hint>{{ 'attendance.policy.hints.' + field | transloco }}</mat-hint>
              <mat-error>{{ form.controls[field].errors | thFieldError }}</mat-error>
            </mat-form-field>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
        @if (data.save) {
          <button
            mat-flat-button
            type="submit"
            [disabled]="isLoading() || submission.isSaving()"
            data-testid="policy-save"
          >
            {{ 'common.save' | transloco }}
          </button>
        }
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    form {
      display: contents;
    }
    mat-dialog-content {
      width: min(760px, 86vw);
    }
    .intro {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
      gap: 8px 16px;
    }
    mat-form-field {
      --mat-form-field-subscript-text-line-height: 1.3;
    }
    mat-hint {
      white-space: normal;
    }
  `,
})
export class PolicyDialog implements OnInit {
  private readonly dialogRef = inject<MatDialogRef<PolicyDialog, AttendancePolicy>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly data = inject<PolicyDialogData>(MAT_DIALOG_DATA);
  protected readonly fields = POLICY_FIELDS;
  protected readonly limits = POLICY_LIMITS;
  protected readonly form = this.fb.group(
    Object.fromEntries(
      POLICY_FIELDS.map((field) => [
        field,
        this.fb.control<number | null>(null, [
          Validators.required,
          Validators.min(POLICY_LIMITS[field].min),
          Validators.max(POLICY_LIMITS[field].max),
          wholeNumber,
        ]),
      ]),
    ) as Record<PolicyField, FormControl<number | null>>,
  );
  protected readonly submission = new FormSubmission(this.form);
  protected readonly isLoading = signal(true);

  ngOnInit(): void {
    if (this.data.save === null) this.form.disable();
    this.data.load().subscribe({
      next: (policy) => {
        this.form.reset(policy);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.submission.showError(error);
        this.isLoading.set(false);
      },
    });
  }

  protected submit(): void {
    const save = this.data.save;
    if (save === null) return;
    this.submission.submit(
      // Sent only when valid, so no rule is empty.
      () => save(this.form.getRawValue() as AttendancePolicy),
      (policy) => this.dialogRef.close(policy),
    );
  }
}
