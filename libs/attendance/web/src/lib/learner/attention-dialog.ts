import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  ATTENTION_CHECK_SECONDS,
  AttentionAnswerResponse,
  PendingAttentionCheck,
} from '@thuchoc/attendance/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { requiredText } from '../components/required-text';
import { attentionDeadline, clock, secondsUntil } from '../data-access/countdown';

export interface AttentionDialogData {
  check: PendingAttentionCheck;
  /** When the check reached this page, by this browser's clock. */
  receivedAt: number;
  answer: (code: string) => Observable<AttentionAnswerResponse>;
}

/**
 * The attention prompt: shows the short code, asks the learner to type it
 * back before the time runs out, and closes with true once it is right.
 */
@Component({
  selector: 'th-attention-dialog',
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
      <h2 mat-dialog-title>{{ 'attendance.attention.title' | transloco }}</h2>
      <mat-dialog-content>
        <p>{{ 'attendance.attention.prompt' | transloco }}</p>
        <p class="label">{{ 'attendance.attention.code' | transloco }}</p>
        <p class="code" data-testid="attention-code">{{ data.check.code }}</p>
        <p class="remaining" role="timer" [class.expired]="isExpired()" data-testid="attention-remaining">
          {{
            isExpired()
              ? ('attendance.attention.expired' | transloco)
              : ('attendance.attention.remaining' | transloco: { seconds: secondsLeft() })
          }}
        </p>
        <th-error-alert
          [message]="isWrong() ? ('attendance.attention.wrong' | transloco) : submission.error()"
        />
        <mat-form-field appearance="outline">
          <mat-label>{{ 'attendance.attention.answer' | transloco }}</mat-label>
          <input
            matInput
            formControlName="code"
            autocomplete="off"
            autocapitalize="characters"
            required
            data-testid="attention-answer"
          />
          <mat-error>{{ form.controls.code.errors | thFieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
        <button
          mat-flat-button
          type="submit"
          data-testid="attention-submit"
          [disabled]="isExpired() || submission.isSaving()"
        >
          {{ 'attendance.attention.submit' | transloco }}
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
      width: min(440px, 80vw);
    }
    p {
      margin: 0 0 12px;
    }
    .label {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .code {
      font-family: ui-monospace, monospace;
      font-size: 2.5rem;
      font-weight: 700;
      /* The dialog's own line height is for body text: the big digits would cover the label above. */
      line-height: 1.2;
      letter-spacing: 0.12em;
    }
    .remaining {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
    }
    .remaining.expired {
      color: var(--mat-sys-error);
    }
  `,
})
export class AttentionDialog {
  private readonly dialogRef = inject<MatDialogRef<AttentionDialog, boolean>>(MatDialogRef);
  private readonly now = clock(250);

  protected readonly data = inject<AttentionDialogData>(MAT_DIALOG_DATA);
  private readonly deadline = attentionDeadline(
    this.data.check.expiresAt,
    this.data.receivedAt,
    ATTENTION_CHECK_SECONDS * 1000,
  );
  protected readonly secondsLeft = computed(() => secondsUntil(this.deadline, this.now()));
  protected readonly isExpired = computed(() => this.secondsLeft() === 0);
  protected readonly isWrong = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({ code: ['', requiredText] });
  protected readonly submission = new FormSubmission(this.form, { isReusable: true });

  protected submit(): void {
    if (this.isExpired()) return;
    this.isWrong.set(false);
    this.submission.submit(
      () => this.data.answer(this.form.controls.code.value.trim()),
      (answer) => {
        if (answer.isCorrect) this.dialogRef.close(true);
        else this.isWrong.set(true);
      },
    );
  }
}
