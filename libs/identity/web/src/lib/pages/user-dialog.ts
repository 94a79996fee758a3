import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ALL_ROLES,
  OrgUnitResponse,
  OrgUnitStatus,
  PASSWORD_MIN_LENGTH,
  Role,
  UserResponse,
} from '@thuchoc/identity/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { OrgUnitsApi } from '../data-access/identity-api';
import { UsersStore } from '../data-access/users.store';

export interface UserDialogData {
  /** The user to edit; null to create one. */
  user: UserResponse | null;
}

@Component({
  selector: 'th-user-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-dialog.html',
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
  `,
})
export class UserDialog implements OnInit {
  private readonly store = inject(UsersStore);
  private readonly orgUnitsApi = inject(OrgUnitsApi);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, UserResponse>>(MatDialogRef);

  protected readonly user = inject<UserDialogData>(MAT_DIALOG_DATA).user;
  protected readonly isCreate = this.user === null;
  protected readonly roles = ALL_ROLES;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly units = signal<OrgUnitResponse[]>([]);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.maxLength(64)]],
    fullName: [this.user?.fullName ?? '', [Validators.required, Validators.maxLength(255)]],
    email: [this.user?.email ?? '', Validators.email],
    phone: [this.user?.phone ?? ''],
    position: [this.user?.position ?? ''],
    orgUnitId: [this.user?.orgUnitId ?? '', Validators.required],
    roles: [this.user?.roles ?? ([] as Role[]), Validators.required],
    isPartyMember: [this.user?.isPartyMember ?? false],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);

  constructor() {
    if (!this.isCreate) {
      this.form.controls.username.disable();
      this.form.controls.password.disable();
    }
  }

  ngOnInit(): void {
    this.orgUnitsApi.list().subscribe({
      next: (units) =>
        this.units.set(
          units
            .filter((unit) => unit.status === OrgUnitStatus.Active)
            .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
        ),
      error: (error: unknown) => this.submission.showError(error),
    });
  }

  protected submit(): void {
    this.submission.submit(
      () => this.request(),
      (user) => this.dialogRef.close(user),
    );
  }

  private request(): Observable<UserResponse> {
    const value = this.form.getRawValue();
    const details = {
      fullName: value.fullName.trim(),
      email: value.email.trim() || null,
      phone: value.phone.trim() || null,
      position: value.position.trim() || null,
      orgUnitId: value.orgUnitId,
      roles: value.roles,
      isPartyMember: value.isPartyMember,
    };
    return this.user === null
      ? this.store.create({ ...details, username: value.username.trim(), password: value.password })
      : this.store.update(this.user.id, details);
  }
}
