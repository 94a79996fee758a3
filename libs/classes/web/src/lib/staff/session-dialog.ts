import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
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
import { MatSelectModule } from '@angular/material/select';
import {
  ClassLecturer,
  ClassSessionResponse,
  CreateSessionRequest,
  SessionMode,
} from '@thuchoc/classes/contracts';
import { FormSubmission, toProblem } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable, tap } from 'rxjs';
import { ClassSessionsStore } from '../data-access/classes-sessions.store';
import { fromVietnamLocalInput, toVietnamLocalInput } from '../data-access/classes-time';

export interface SessionDialogData {
  /** The session to edit; null to add one. */
  session: ClassSessionResponse | null;
  /** The class's lecturers: a session is taught by one of them. */
  lecturers: readonly ClassLecturer[];
  /** `YYYY-MM-DD` of the calendar day a new session was asked for, if any. */
  day: string | null;
}

const DOUBLE_BOOKED = 'session.lecturer-double-booked';
const DEFAULT_START = '08:00';
const DEFAULT_END = '10:00';

/** The end after the start, both read in Vietnam time. */
function endsAfterStart(group: AbstractControl): ValidationErrors | null {
  const startsAt = fromVietnamLocalInput(String(group.get('startsAt')?.value ?? ''));
  const endsAt = fromVietnamLocalInput(String(group.get('endsAt')?.value ?? ''));
  return startsAt !== null && endsAt !== null && endsAt <= startsAt ? { endsBeforeStart: true } : null;
}

/** Adds or edits a session; the times are typed in Vietnam time and sent in UTC. */
@Component({
  selector: 'th-session-dialog',
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
  templateUrl: './session-dialog.html',
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
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field {
      flex: 1 1 200px;
    }
    .form-error {
      margin: -8px 0 12px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .conflict {
      margin: -8px 0 16px;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SessionDialog {
  private readonly store = inject(ClassSessionsStore);
  private readonly dialogRef = inject<MatDialogRef<SessionDialog, ClassSessionResponse>>(MatDialogRef);

  protected readonly data = inject<SessionDialogData>(MAT_DIALOG_DATA);
  protected readonly session = this.data.session;
  protected readonly modes = Object.values(SessionMode);
  protected readonly inPerson = SessionMode.InPerson;
  protected readonly onlineLive = SessionMode.OnlineLive;
  /** What the server said about the clashing session, shown under the translated message. */
  protected readonly conflictDetail = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      title: [this.session?.title ?? '', [Validators.required, Validators.maxLength(200)]],
      startsAt: [this.initialTime('startsAt', DEFAULT_START), Validators.required],
      endsAt: [this.initialTime('endsAt', DEFAULT_END), Validators.required],
      mode: [this.session?.mode ?? SessionMode.OnlineLive, Validators.required],
      room: [this.session?.room ?? '', Validators.maxLength(200)],
      meetingUrl: [this.session?.meetingUrl ?? '', Validators.maxLength(1000)],
      lecturerId: [this.session?.lecturerId ?? ''],
    },
    { validators: endsAfterStart },
  );
  protected readonly submission = new FormSubmission(this.form);
  protected readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });

  protected submit(): void {
    this.conflictDetail.set(null);
    this.submission.submit(
      () => this.request().pipe(tap({ error: (error: unknown) => this.showConflict(error) })),
      (saved) => this.dialogRef.close(saved),
    );
  }

  private request(): Observable<ClassSessionResponse> {
    const value = this.form.getRawValue();
    const request: CreateSessionRequest = {
      title: value.title.trim(),
      startsAt: fromVietnamLocalInput(value.startsAt) ?? value.startsAt,
      endsAt: fromVietnamLocalInput(value.endsAt) ?? value.endsAt,
      mode: value.mode,
      // Only the place that fits the mode is kept.
      room: value.mode === SessionMode.InPerson ? value.room.trim() || null : null,
      meetingUrl: value.mode === SessionMode.OnlineLive ? value.meetingUrl.trim() || null : null,
      lecturerId: value.lecturerId || null,
    };
    return this.session === null ? this.store.create(request) : this.store.update(this.session.id, request);
  }

  private showConflict(error: unknown): void {
    const problem = toProblem(error);
    if (problem.code === DOUBLE_BOOKED && problem.detail) this.conflictDetail.set(problem.detail);
  }

  private initialTime(field: 'startsAt' | 'endsAt', defaultTime: string): string {
    if (this.session !== null) return toVietnamLocalInput(this.session[field]);
    return this.data.day === null ? '' : `${this.data.day}T${defaultTime}`;
  }
}
