import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ClassResponse, CreateClassRequest, UpdateClassRequest } from '@thuchoc/classes/contracts';
import { CourseSummary } from '@thuchoc/courses/contracts';
import { OrgUnitResponse, Role } from '@thuchoc/identity/contracts';
import { MAX_PAGE_SIZE } from '@thuchoc/shared/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Observable, forkJoin, of } from 'rxjs';
import { ClassLookupsApi } from '../data-access/classes-lookups-api';
import { vietnamDateKey, vietnamDayEnd, vietnamDayStart } from '../data-access/classes-time';

/** The API's rule for class codes. */
const CLASS_CODE_PATTERN = /^[\p{L}\p{N}._/-]{2,40}$/u;

export type ClassDialogData =
  | { detail: null; save: (request: CreateClassRequest) => Observable<ClassResponse> }
  | { detail: ClassResponse; save: (request: UpdateClassRequest) => Observable<ClassResponse> };

interface LecturerOption {
  id: string;
  fullName: string;
}

/** Creates a class, or edits one (its course and code stay as they were). */
@Component({
  selector: 'th-class-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-dialog.html',
  styles: `
    form {
      display: contents;
    }
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(560px, 80vw);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field {
      flex: 1 1 150px;
    }
    .context {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    mat-slide-toggle {
      margin: 4px 0 20px;
    }
  `,
})
export class ClassDialog implements OnInit {
  private readonly lookups = inject(ClassLookupsApi);
  private readonly dialogRef = inject<MatDialogRef<ClassDialog, ClassResponse>>(MatDialogRef);

  protected readonly data = inject<ClassDialogData>(MAT_DIALOG_DATA);
  protected readonly detail = this.data.detail;
  protected readonly courses = signal<CourseSummary[]>([]);
  protected readonly units = signal<OrgUnitResponse[]>([]);
  protected readonly lecturers = signal<LecturerOption[]>(this.detail?.lecturers.map(toOption) ?? []);

  protected readonly form = inject(NonNullableFormBuilder).group({
    courseId: ['', Validators.required],
    code: ['', [Validators.required, Validators.pattern(CLASS_CODE_PATTERN)]],
    title: [
      this.detail?.title ?? '',
      [Validators.required, Validators.minLength(3), Validators.maxLength(200)],
    ],
    description: [this.detail?.description ?? '', Validators.maxLength(5000)],
    targetUnitId: [this.detail?.targetUnitId ?? '', Validators.required],
    capacity: [this.detail?.capacity ?? (null as number | null), [Validators.required, Validators.min(1)]],
    minSize: [this.detail?.minSize ?? (null as number | null), [Validators.required, Validators.min(0)]],
    plannedSize: [this.detail?.plannedSize ?? (null as number | null), Validators.min(1)],
    enrollmentOpensAt: [dateInput(this.detail?.enrollmentOpensAt ?? null)],
    enrollmentClosesAt: [dateInput(this.detail?.enrollmentClosesAt ?? null)],
    isSelfEnrollmentAllowed: [this.detail?.isSelfEnrollmentAllowed ?? false],
    lecturerIds: [this.detail?.lecturers.map((lecturer) => lecturer.userId) ?? []],
  });
  protected readonly submission = new FormSubmission(this.form);

  constructor() {
    if (this.detail !== null) {
      this.form.controls.courseId.disable();
      this.form.controls.code.disable();
    }
  }

  ngOnInit(): void {
    forkJoin({
      courses: this.detail === null ? this.lookups.courses() : of([]),
      units: this.lookups.activeUnits(),
      lecturers: this.lookups.users(Role.Lecturer, '', MAX_PAGE_SIZE),
    }).subscribe({
      next: ({ courses, units, lecturers }) => {
        this.courses.set(courses);
        this.units.set(units);
        // Keep the class's own lecturers selectable even if the search left them out.
        const known = new Map(this.lecturers().map((option) => [option.id, option]));
        for (const user of lecturers) known.set(user.id, { id: user.id, fullName: user.fullName });
        this.lecturers.set([...known.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')));
      },
      error: (error: unknown) => this.submission.showError(error),
    });
  }

  protected submit(): void {
    this.submission.submit(
      () => this.request(),
      (saved) => this.dialogRef.close(saved),
    );
  }

  private request(): Observable<ClassResponse> {
    const value = this.form.getRawValue();
    const capacity = value.capacity ?? 0;
    const details = {
      title: value.title.trim(),
      description: value.description.trim(),
      targetUnitId: value.targetUnitId,
      capacity,
      minSize: value.minSize ?? 0,
      plannedSize: value.plannedSize ?? capacity,
      enrollmentOpensAt: vietnamDayStart(value.enrollmentOpensAt),
      enrollmentClosesAt: vietnamDayEnd(value.enrollmentClosesAt),
      isSelfEnrollmentAllowed: value.isSelfEnrollmentAllowed,
      lecturerIds: value.lecturerIds,
    };
    return this.data.detail === null
      ? this.data.save({ ...details, courseId: value.courseId, code: value.code.trim() })
      : this.data.save(details);
  }
}

function toOption(lecturer: { userId: string; fullName: string }): LecturerOption {
  return { id: lecturer.userId, fullName: lecturer.fullName };
}

/** A `date` input's value for the Vietnam day of an instant. */
function dateInput(instant: string | null): string {
  return instant === null ? '' : vietnamDateKey(instant);
}
