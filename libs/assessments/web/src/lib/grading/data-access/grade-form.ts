import { Signal, WritableSignal, signal } from '@angular/core';
import { AbstractControl, FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  EssayGrade,
  EssayGradeRequest,
  RUBRIC_LIMITS,
  RubricCriterion,
} from '@thuchoc/assessments/contracts';
import { toProblem } from '@thuchoc/shared/web-core';
import { criterionCommentsOf, picksOf } from './grade-preview';

export type CriterionGradeForm = FormGroup<{
  levelIndex: FormControl<number | null>;
  comment: FormControl<string>;
}>;

export type GradeFormGroup = FormGroup<{
  criteria: FormArray<CriterionGradeForm>;
  comment: FormControl<string>;
}>;

const commentControl = (text: string) =>
  new FormControl(text, { nonNullable: true, validators: Validators.maxLength(RUBRIC_LIMITS.commentLength) });

/**
 * The grading form of one attempt: a level (required) and a comment per
 * criterion of the rubric, an overall comment; filled from the saved grade
 * when there is one. `picks` follows the levels picked, for the live preview.
 * The API's field errors (`criteria.1.levelIndex`, `comment`) land on the part they name.
 */
export class GradeForm {
  readonly group: GradeFormGroup;
  private isReadOnly = false;
  private readonly currentPicks: WritableSignal<(number | null)[]>;
  /** The level index picked per criterion, null where none is. */
  readonly picks: Signal<(number | null)[]>;

  constructor(
    private readonly criteria: readonly RubricCriterion[],
    grade: EssayGrade | null,
  ) {
    this.group = new FormGroup({
      criteria: new FormArray<CriterionGradeForm>([]),
      comment: commentControl(''),
    });
    this.fill(grade);
    // Set here rather than through `reset`, so a form may be built inside a `computed`.
    this.currentPicks = signal(this.levelIndexes());
    this.picks = this.currentPicks.asReadonly();
    this.group.valueChanges.subscribe(() => this.currentPicks.set(this.levelIndexes()));
  }

  get criterionForms(): CriterionGradeForm[] {
    return this.group.controls.criteria.controls;
  }

  /** Read-only (an auditor): every part shows but none can change. */
  setReadOnly(isReadOnly: boolean): void {
    this.isReadOnly = isReadOnly;
    if (isReadOnly) this.group.disable({ emitEvent: false });
    else this.group.enable({ emitEvent: false });
  }

  /** Back to what `grade` holds (or empty), untouched. */
  reset(grade: EssayGrade | null): void {
    this.fill(grade);
    this.currentPicks.set(this.levelIndexes());
  }

  private fill(grade: EssayGrade | null): void {
    const picks = picksOf(this.criteria, grade);
    const comments = criterionCommentsOf(this.criteria, grade);
    const array = this.group.controls.criteria;
    array.clear({ emitEvent: false });
    this.criteria.forEach((_, index) =>
      array.push(
        new FormGroup({
          levelIndex: new FormControl<number | null>(picks[index], Validators.required),
          comment: commentControl(comments[index]),
        }),
        { emitEvent: false },
      ),
    );
    this.group.controls.comment.setValue(grade?.comment ?? '', { emitEvent: false });
    this.group.markAsPristine();
    this.group.markAsUntouched();
    this.group.updateValueAndValidity({ emitEvent: false });
    if (this.isReadOnly) this.group.disable({ emitEvent: false });
  }

  /** The request for the API: comments trimmed, empty ones left out; the reason of a change when given. */
  request(reason?: string): EssayGradeRequest {
    const value = this.group.getRawValue();
    const comment = value.comment.trim();
    return {
      criteria: value.criteria.map((criterion) => {
        const text = criterion.comment.trim();
        return { levelIndex: criterion.levelIndex ?? -1, ...(text === '' ? {} : { comment: text }) };
      }),
      ...(comment === '' ? {} : { comment }),
      ...(reason === undefined ? {} : { reason }),
    };
  }

  /**
   * Puts the API's field errors on the part each names, or the nearest that
   * exists; `reason` has no part here (the reason dialog shows it). Returns
   * whether any found a part.
   */
  applyErrors(error: unknown): boolean {
    const messages = new Map<AbstractControl, string[]>();
    for (const fieldError of toProblem(error).errors ?? []) {
      const control = this.nearestControl(fieldError.field);
      if (control === null) continue;
      messages.set(control, [...(messages.get(control) ?? []), ...fieldError.messages]);
    }
    for (const [control, texts] of messages) {
      control.setErrors({ server: texts.join(' '), ...control.errors });
      control.markAsTouched();
    }
    return messages.size > 0;
  }

  private levelIndexes(): (number | null)[] {
    return this.criterionForms.map((form) => form.controls.levelIndex.value);
  }

  private nearestControl(field: string): AbstractControl | null {
    const path = field.split('.');
    while (path.length > 0) {
      const control = this.group.get(path.join('.'));
      if (control !== null) return control;
      path.pop();
    }
    return null;
  }
}
