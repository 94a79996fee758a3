import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH } from '@thuchoc/identity/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { ProfileCard } from '../components/profile-card';
import { SessionStore } from '../data-access/session.store';

/** The confirmation field must repeat the new password. */
function matchesNewPassword(control: AbstractControl<string>): ValidationErrors | null {
  const newPassword: unknown = control.parent?.get('newPassword')?.value;
  return control.value !== '' && control.value !== newPassword ? { mismatch: true } : null;
}

@Component({
  selector: 'th-profile-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
    ProfileCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-page.html',
  styles: `
    .page {
      display: grid;
      gap: 16px;
      max-width: 640px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .success {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class ProfilePage {
  private readonly session = inject(SessionStore);

  protected readonly me = this.session.me;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly isChanged = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    confirmPassword: ['', [Validators.required, matchesNewPassword]],
  });
  protected readonly submission = new FormSubmission(this.form, { isReusable: true });

  constructor() {
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity());
  }

  protected submit(): void {
    this.submission.submit(
      () => {
        const { currentPassword, newPassword } = this.form.getRawValue();
        this.isChanged.set(false);
        return this.session.changePassword({ currentPassword, newPassword });
      },
      () => {
        this.isChanged.set(true);
        this.form.reset();
      },
    );
  }
}
