import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { CourseResponse } from '@thuchoc/courses/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CourseEditorStore } from '../data-access/course-editor.store';
import { followWhilePristine } from '../util/follow-while-pristine';
import { Notices } from '../util/notices';
import { CourseFields, courseFieldControls, courseFieldValues } from './course-fields';

/** The course's title, audience, hours and description. */
@Component({
  selector: 'th-course-details-form',
  imports: [ReactiveFormsModule, MatButtonModule, TranslocoPipe, ErrorAlert, CourseFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <th-error-alert [message]="submission.error()" />
      <th-course-fields [fields]="fields" />
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="submission.isSaving()">
          {{ 'common.save' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 720px;
    }
    .actions {
      margin-top: 8px;
    }
  `,
})
export class CourseDetailsForm {
  private readonly store = inject(CourseEditorStore);
  private readonly notices = inject(Notices);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly course = input.required<CourseResponse>();

  protected readonly fields = courseFieldControls(this.fb);
  protected readonly form = this.fb.group(this.fields);
  protected readonly submission = new FormSubmission(this.form, { isReusable: true });

  constructor() {
    followWhilePristine(this.form, () => detailsOf(this.course()));
  }

  protected submit(): void {
    this.submission.submit(
      () => this.store.update(courseFieldValues(this.fields)),
      (course) => {
        this.form.reset(detailsOf(course));
        this.notices.show('courses.details.saved');
      },
    );
  }
}

function detailsOf(course: CourseResponse): ReturnType<typeof courseFieldValues> {
  return {
    title: course.title,
    audience: course.audience,
    requiredHours: course.requiredHours,
    description: course.description,
  };
}
