import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { EnrollmentResponse } from '@thuchoc/classes/contracts';
import { Role, UserResponse } from '@thuchoc/identity/contracts';
import { FormSubmission, toProblem } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe, REASON_MAX_LENGTH } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { catchError, debounceTime, distinctUntilChanged, filter, of, switchMap, tap } from 'rxjs';
import { ClassLookupsApi } from '../data-access/classes-lookups-api';
import { ClassRosterStore } from '../data-access/classes-roster.store';
import { REASON_MIN_LENGTH } from './reason-length';

const SEARCH_DEBOUNCE_MS = 300;
const OUTSIDE_TARGET = 'enrollment.outside-target';

/** The field holds a learner picked from the suggestions, not just typed text. */
function isPickedLearner(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  return typeof value === 'object' && value !== null ? null : { pickLearner: true };
}

/** Enrolls one learner found by name; a full class puts them on the waitlist. */
@Component({
  selector: 'th-enroll-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './enroll-dialog.html',
  styles: `
    form {
      display: contents;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(480px, 80vw);
    }
    .hint {
      margin: 0 0 12px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .option-unit {
      font-size: 0.8125rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EnrollDialog {
  private readonly store = inject(ClassRosterStore);
  private readonly lookups = inject(ClassLookupsApi);
  private readonly dialogRef = inject<MatDialogRef<EnrollDialog, EnrollmentResponse>>(MatDialogRef);

  protected readonly learner = new FormControl<UserResponse | string>('', {
    nonNullable: true,
    validators: [Validators.required, isPickedLearner],
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    learner: this.learner,
    allowOutsideTarget: [false],
    reason: ['', [Validators.minLength(REASON_MIN_LENGTH), Validators.maxLength(REASON_MAX_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly suggestions = signal<UserResponse[]>([]);
  protected readonly isSearching = signal(false);
  protected readonly allowsOutsideTarget = toSignal(this.form.controls.allowOutsideTarget.valueChanges, {
    initialValue: false,
  });
  protected readonly displayLearner = (value: UserResponse | string | null): string =>
    typeof value === 'object' && value !== null ? `${value.fullName} (${value.username})` : (value ?? '');

  constructor() {
    this.learner.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap(() => this.isSearching.set(true)),
        switchMap((q) =>
          this.lookups.users(Role.Learner, q).pipe(
            catchError((error: unknown) => {
              this.submission.showError(error);
              return of([]);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((users) => {
        this.suggestions.set(users);
        this.isSearching.set(false);
      });
    // A reason becomes required with the exception it justifies.
    this.form.controls.allowOutsideTarget.valueChanges.pipe(takeUntilDestroyed()).subscribe((isAllowed) => {
      const reason = this.form.controls.reason;
      if (isAllowed) reason.addValidators(Validators.required);
      else reason.removeValidators(Validators.required);
      reason.updateValueAndValidity();
    });
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const picked = value.learner;
    this.submission.submit(
      () =>
        this.store
          .enroll({
            userId: typeof picked === 'object' ? picked.id : '',
            allowOutsideTarget: value.allowOutsideTarget || undefined,
            reason: value.allowOutsideTarget ? value.reason.trim() || undefined : undefined,
          })
          .pipe(tap({ error: (error: unknown) => this.offerOutsideTarget(error) })),
      (enrollment) => this.dialogRef.close(enrollment),
    );
  }

  /** Refused for being outside the target: tick the exception for the staff to confirm with a reason. */
  private offerOutsideTarget(error: unknown): void {
    if (toProblem(error).code === OUTSIDE_TARGET) this.form.controls.allowOutsideTarget.setValue(true);
  }
}
