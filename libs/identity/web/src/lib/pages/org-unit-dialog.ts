import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { OrgUnitKind, OrgUnitResponse } from '@thuchoc/identity/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { unitsOutsideSubtree } from '../data-access/org-unit-tree';
import { OrgUnitsStore } from '../data-access/org-units.store';

export type OrgUnitAction = 'create' | 'rename' | 'move' | 'merge';

export interface OrgUnitDialogData {
  action: OrgUnitAction;
  /** The parent for `create` (null: a new root), else the unit acted on. */
  unit: OrgUnitResponse | null;
}

/** Which controls each action asks for; the others are disabled so they neither validate nor submit. */
const ACTION_FIELDS: Readonly<Record<OrgUnitAction, readonly string[]>> = {
  create: ['code', 'name', 'kind'],
  rename: ['name', 'reason'],
  move: ['parentId', 'reason'],
  merge: ['targetId', 'reason'],
};

@Component({
  selector: 'th-org-unit-dialog',
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
  templateUrl: './org-unit-dialog.html',
  styles: `
    form {
      display: contents;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(440px, 80vw);
    }
    .context {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OrgUnitDialog {
  private readonly store = inject(OrgUnitsStore);
  private readonly dialogRef = inject<MatDialogRef<OrgUnitDialog, OrgUnitResponse>>(MatDialogRef);

  protected readonly data = inject<OrgUnitDialogData>(MAT_DIALOG_DATA);
  protected readonly kinds = Object.values(OrgUnitKind);
  /** Valid new parents or merge targets: active units outside this unit's subtree. */
  protected readonly candidates = computed(() => {
    const unit = this.data.unit;
    return unit === null
      ? []
      : unitsOutsideSubtree(this.store.units(), unit.id).filter(
          (u) => u.id !== unit.parentId || this.data.action === 'merge',
        );
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.maxLength(64)]],
    name: [
      this.data.action === 'rename' ? (this.data.unit?.name ?? '') : '',
      [Validators.required, Validators.maxLength(255)],
    ],
    kind: [OrgUnitKind.Other, Validators.required],
    parentId: ['', Validators.required],
    targetId: ['', Validators.required],
    reason: ['', this.data.action === 'merge' ? Validators.required : []],
  });
  protected readonly submission = new FormSubmission(this.form);

  constructor() {
    const fields = ACTION_FIELDS[this.data.action];
    for (const [name, control] of Object.entries(this.form.controls)) {
      if (!fields.includes(name)) control.disable();
    }
  }

  protected submit(): void {
    this.submission.submit(
      () => this.request(),
      (unit) => this.dialogRef.close(unit),
    );
  }

  private request(): Observable<OrgUnitResponse> {
    const value = this.form.getRawValue();
    const unit = this.data.unit;
    const reason = value.reason.trim() || undefined;
    switch (this.data.action) {
      case 'create':
        return this.store.create({
          code: value.code.trim(),
          name: value.name.trim(),
          kind: value.kind,
          parentId: unit?.id ?? null,
        });
      case 'rename':
        return this.store.rename(this.unitId(unit), { name: value.name.trim(), reason });
      case 'move':
        return this.store.move(this.unitId(unit), { parentId: value.parentId, reason });
      case 'merge':
        return this.store.merge(this.unitId(unit), { targetId: value.targetId, reason: value.reason.trim() });
    }
  }

  private unitId(unit: OrgUnitResponse | null): string {
    if (unit === null) throw new Error(`${this.data.action} needs a unit`);
    return unit.id;
  }
}
