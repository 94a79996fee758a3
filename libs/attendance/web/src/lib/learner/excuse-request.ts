import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { EXCUSE_ATTACHMENT_MAX_BYTES, EXCUSE_ATTACHMENT_TYPES } from '@thuchoc/attendance/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { REASON_MAX_LENGTH, requiredText } from '../components/required-text';
import { LiveSessionStore } from '../data-access/live-session.store';

/** Whether the server would take this file as an excuse's supporting document; it checks the content too. */
export function isAcceptedAttachment(file: Pick<File, 'type' | 'size'>): boolean {
  return (
    (EXCUSE_ATTACHMENT_TYPES as readonly string[]).includes(file.type) &&
    file.size <= EXCUSE_ATTACHMENT_MAX_BYTES
  );
}

/** A learner's excuse for a session: a reason and an optional PDF or photo of a supporting document. */
@Component({
  selector: 'th-excuse-request',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="excuse-form">
      <p>{{ 'attendance.excuse.intro' | transloco }}</p>
      <th-error-alert [message]="fileError() ?? submission.error()" />
      <mat-form-field appearance="outline">
        <mat-label>{{ 'attendance.excuse.reason' | transloco }}</mat-label>
        <textarea matInput formControlName="reason" rows="3" required data-testid="excuse-reason"></textarea>
        <mat-error>{{ form.controls.reason.errors | thFieldError }}</mat-error>
      </mat-form-field>
      <div class="file">
        <span>{{ 'attendance.excuse.attachment' | transloco }}</span>
        <span class="muted">{{ 'attendance.excuse.attachmentHint' | transloco }}</span>
        <input
          #fileInput
          type="file"
          class="cdk-visually-hidden"
          accept="application/pdf,image/jpeg,image/png"
          data-testid="excuse-file"
          (change)="choose(fileInput.files)"
        />
        @if (attachment(); as file) {
          <span class="chosen">
            {{ file.name }}
            <button
              mat-icon-button
              type="button"
              [attr.aria-label]="'attendance.excuse.remove' | transloco: { name: file.name }"
              (click)="clearFile()"
            >
              <mat-icon svgIcon="delete" />
            </button>
          </span>
        } @else {
          <button mat-stroked-button type="button" (click)="fileInput.click()">
            <mat-icon svgIcon="upload" />{{ 'attendance.excuse.choose' | transloco }}
          </button>
        }
      </div>
      <button mat-flat-button type="submit" [disabled]="submission.isSaving()" data-testid="excuse-submit">
        {{ 'attendance.excuse.submit' | transloco }}
      </button>
    </form>
  `,
  styles: `
    form {
      display: grid;
      gap: 8px;
      justify-items: stretch;
    }
    p {
      margin: 0 0 8px;
    }
    .file {
      display: grid;
      gap: 4px;
      justify-items: start;
      margin-bottom: 8px;
    }
    .muted {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .chosen {
      display: flex;
      align-items: center;
      gap: 4px;
      overflow-wrap: anywhere;
    }
    button[type='submit'] {
      justify-self: start;
    }
  `,
})
export class ExcuseRequest {
  private readonly store = inject(LiveSessionStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [requiredText, Validators.maxLength(REASON_MAX_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);
  protected readonly attachment = signal<File | null>(null);
  protected readonly fileError = signal<string | null>(null);

  protected choose(files: FileList | null): void {
    const file = files?.item(0) ?? null;
    if (file === null) return;
    if (isAcceptedAttachment(file)) {
      this.attachment.set(file);
      this.fileError.set(null);
    } else {
      this.clearFile();
      this.fileError.set(this.transloco.translate('problems.attendance.attachment-type'));
    }
  }

  protected clearFile(): void {
    this.attachment.set(null);
    this.fileInput().nativeElement.value = '';
  }

  protected submit(): void {
    this.submission.submit(
      () => this.store.requestExcuse(this.form.controls.reason.value.trim(), this.attachment()),
      () =>
        this.snackBar.open(this.transloco.translate('attendance.excuse.sent'), undefined, { duration: 4000 }),
    );
  }
}
