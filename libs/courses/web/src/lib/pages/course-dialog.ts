import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CourseResponse } from '@thuchoc/courses/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CourseFields, courseFieldControls, courseFieldValues } from '../components/course-fields';
import { COURSE_CODE_PATTERN } from '../data-access/course-limits';
import { CoursesStore } from '../data-access/courses.store';

/** Creates a course from its code, title, audience, hours and description; closes with the new course. */
@Component({
  selector: 'th-course-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
    CourseFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './course-dialog.html',
  styles: `
    form {
      display: contents;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(520px, 80vw);
    }
  `,
})
export class CourseDialog {
  private readonly store = inject(CoursesStore);
  private readonly dialogRef = inject<MatDialogRef<CourseDialog, CourseResponse>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly fields = courseFieldControls(this.fb);
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(COURSE_CODE_PATTERN)]],
    ...this.fields,
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => {
        const { description, ...fields } = courseFieldValues(this.fields);
        return this.store.create({
          code: this.form.controls.code.value.trim(),
          ...fields,
          description: description || undefined,
        });
      },
      (course) => this.dialogRef.close(course),
    );
  }
}
