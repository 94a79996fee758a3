import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { CompletionPolicy, CourseResponse } from '@thuchoc/courses/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CourseEditorStore } from '../data-access/course-editor.store';
import { followWhilePristine } from '../util/follow-while-pristine';
import { Notices } from '../util/notices';
import { wholeNumber } from '../util/whole-number.validator';

const FINAL_MARK_SCALE = 10;
const MAX_ALLOWED_FLAGS = 100;

/** The rules a learner must meet to be certified; open classes keep the rules they opened with. */
@Component({
  selector: 'th-completion-policy-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './completion-policy-form.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      max-width: 880px;
    }
    .intro {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .keeps-rules {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      align-items: start;
      gap: 12px 16px;
      margin-bottom: 12px;
    }
    mat-slide-toggle {
      margin: 0 0 20px;
    }
  `,
})
export class CompletionPolicyForm {
  private readonly store = inject(CourseEditorStore);
  private readonly notices = inject(Notices);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly course = input.required<CourseResponse>();

  protected readonly form = this.fb.group({
    minAttendancePercent: this.fb.control<number | null>(null, percent()),
    minPresencePercent: this.fb.control<number | null>(null, percent()),
    finalPassMark: this.fb.control<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(FINAL_MARK_SCALE),
    ]),
    isEssayRequired: this.fb.control(false),
    maxOpenIntegrityFlags: this.fb.control<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(MAX_ALLOWED_FLAGS),
      wholeNumber,
    ]),
  });
  protected readonly submission = new FormSubmission(this.form, { isReusable: true });

  constructor() {
    followWhilePristine(this.form, () => this.course().completionPolicy);
  }

  protected submit(): void {
    this.submission.submit(
      // Sent only when valid, so no number is null.
      () => this.store.update({ completionPolicy: this.form.getRawValue() as CompletionPolicy }),
      (course) => {
        this.form.reset(course.completionPolicy);
        this.notices.show('courses.policy.saved');
      },
    );
  }
}

function percent(): ValidatorFn[] {
  return [Validators.required, Validators.min(0), Validators.max(100)];
}
