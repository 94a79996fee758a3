import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CourseAudience, CourseResponse } from '@thuchoc/courses/contracts';
import { FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { ALL_AUDIENCES } from '../data-access/audiences';
import { DESCRIPTION_MAX_LENGTH, REQUIRED_HOURS_MAX, TITLE_MAX_LENGTH } from '../data-access/course-limits';
import { wholeNumber } from '../util/whole-number.validator';

/** The fields a course is described by, shared by the create dialog and the editor's details form. */
export interface CourseFieldControls {
  title: FormControl<string>;
  audience: FormControl<CourseAudience | null>;
  requiredHours: FormControl<number | null>;
  description: FormControl<string>;
}

export type CourseFieldValues = Pick<CourseResponse, 'title' | 'audience' | 'requiredHours' | 'description'>;

export function courseFieldControls(fb: NonNullableFormBuilder): CourseFieldControls {
  return {
    title: fb.control('', [Validators.required, Validators.maxLength(TITLE_MAX_LENGTH)]),
    audience: fb.control<CourseAudience | null>(null, Validators.required),
    requiredHours: fb.control<number | null>(null, [
      Validators.required,
      Validators.min(1),
      Validators.max(REQUIRED_HOURS_MAX),
      wholeNumber,
    ]),
    description: fb.control('', Validators.maxLength(DESCRIPTION_MAX_LENGTH)),
  };
}

/** The fields' values as the API takes them; call only once the controls are valid. */
export function courseFieldValues(controls: CourseFieldControls): CourseFieldValues {
  return {
    title: controls.title.value.trim(),
    audience: controls.audience.value as CourseAudience,
    requiredHours: controls.requiredHours.value as number,
    description: controls.description.value.trim(),
  };
}

@Component({
  selector: 'th-course-fields',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let controls = fields();
    <mat-form-field appearance="outline">
      <mat-label>{{ 'courses.fields.title' | transloco }}</mat-label>
      <input matInput name="title" [formControl]="controls.title" required />
      <mat-error>{{ controls.title.errors | thFieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>{{ 'courses.fields.audience' | transloco }}</mat-label>
      <mat-select [formControl]="controls.audience" required>
        @for (audience of audiences; track audience) {
          <mat-option [value]="audience">{{ 'courses.audiences.' + audience | transloco }}</mat-option>
        }
      </mat-select>
      <mat-error>{{ controls.audience.errors | thFieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>{{ 'courses.fields.requiredHours' | transloco }}</mat-label>
      <input
        matInput
        type="number"
        inputmode="numeric"
        min="1"
        step="1"
        name="requiredHours"
        [formControl]="controls.requiredHours"
        required
      />
      <mat-hint>{{ 'courses.fields.requiredHoursHint' | transloco }}</mat-hint>
      <mat-error>{{ controls.requiredHours.errors | thFieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>{{ 'courses.fields.description' | transloco }}</mat-label>
      <textarea matInput name="description" [formControl]="controls.description" rows="4"></textarea>
      <mat-error>{{ controls.description.errors | thFieldError }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
  `,
})
export class CourseFields {
  readonly fields = input.required<CourseFieldControls>();

  protected readonly audiences = ALL_AUDIENCES;
}
