import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CourseResponse, GradeComponent } from '@thuchoc/courses/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import {
  GRADE_COMPONENTS,
  checkWeights,
  toGradingScheme,
  weightValuesOf,
} from '../data-access/grading-scheme';
import { CourseEditorStore } from '../data-access/course-editor.store';
import { followWhilePristine } from '../util/follow-while-pristine';
import { Notices } from '../util/notices';
import { wholeNumber } from '../util/whole-number.validator';

/** One weight per grade component, with a live total that must reach exactly 100 before saving. */
@Component({
  selector: 'th-grading-scheme-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grading-scheme-form.html',
  styleUrl: './grading-scheme-form.scss',
})
export class GradingSchemeForm {
  private readonly store = inject(CourseEditorStore);
  private readonly notices = inject(Notices);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly course = input.required<CourseResponse>();

  protected readonly components = GRADE_COMPONENTS;
  protected readonly form = this.fb.group(
    Object.fromEntries(GRADE_COMPONENTS.map((component) => [component, this.weightControl()])) as Record<
      GradeComponent,
      FormControl<number | null>
    >,
  );
  protected readonly submission = new FormSubmission(this.form, { isReusable: true });

  private readonly values = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly check = computed(() => checkWeights(this.values()));
  protected readonly gap = computed(() => Math.abs(100 - this.check().total));

  constructor() {
    followWhilePristine(this.form, () => weightValuesOf(this.course().gradingScheme));
  }

  protected submit(): void {
    if (this.check().problem !== null) return;
    this.submission.submit(
      () => this.store.update({ gradingScheme: toGradingScheme(this.values()) }),
      (course) => {
        this.form.reset(weightValuesOf(course.gradingScheme));
        this.notices.show('courses.scheme.saved');
      },
    );
  }

  private weightControl(): FormControl<number | null> {
    return this.fb.control<number | null>(null, [
      Validators.required,
      Validators.min(0),
      Validators.max(100),
      wholeNumber,
    ]);
  }
}
