import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CourseResponse } from '@thuchoc/courses/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { TITLE_MAX_LENGTH } from '../data-access/course-limits';

export interface TitleDialogData {
  /** Translation keys of the dialog's heading and of its one field. */
  heading: string;
  label: string;
  /** The current title when renaming. */
  title?: string;
  /** Sends the title; the dialog stays open and shows the error if it fails. */
  save: (title: string) => Observable<CourseResponse>;
}

/** Asks for one title (a new module or lesson, a module's new name) and saves it; closes with the course. */
@Component({
  selector: 'th-title-dialog',
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
      <h2 mat-dialog-title>{{ data.heading | transloco }}</h2>
      <mat-dialog-content>
        <th-error-alert [message]="submission.error()" />
        <mat-form-field appearance="outline">
          <mat-label>{{ data.label | transloco }}</mat-label>
          <input matInput formControlName="title" required />
          <mat-error>{{ form.controls.title.errors | thFieldError }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.isSaving()">
          {{ 'common.save' | transloco }}
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
      min-width: min(440px, 80vw);
    }
  `,
})
export class TitleDialog {
  private readonly dialogRef = inject<MatDialogRef<TitleDialog, CourseResponse>>(MatDialogRef);

  protected readonly data = inject<TitleDialogData>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.data.title ?? '', [Validators.required, Validators.maxLength(TITLE_MAX_LENGTH)]],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => this.data.save(this.form.controls.title.value.trim()),
      (course) => this.dialogRef.close(course),
    );
  }
}
