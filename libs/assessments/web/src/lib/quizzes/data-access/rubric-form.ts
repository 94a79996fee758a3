import { signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { RUBRIC_LIMITS, RubricCriterion, RubricRequest } from '@thuchoc/assessments/contracts';
import { applyProblemErrors } from './field-errors';

const L = RUBRIC_LIMITS;

export type LevelForm = FormGroup<{ label: FormControl<string>; points: FormControl<number | null> }>;

export type CriterionForm = FormGroup<{
  label: FormControl<string>;
  description: FormControl<string>;
  levels: FormArray<LevelForm>;
}>;

export type RubricFormGroup = FormGroup<{ criteria: FormArray<CriterionForm> }>;

const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** A perfect essay's points: each criterion's highest level, summed (blank points count as 0). */
export function rubricMaxPoints(
  criteria: readonly { levels: readonly { points: number | null }[] }[],
): number {
  return round2(
    criteria.reduce(
      (sum, criterion) =>
        sum +
        Math.max(
          0,
          ...criterion.levels.map((level) => (Number.isFinite(level.points) ? (level.points ?? 0) : 0)),
        ),
      0,
    ),
  );
}

function moveIn(array: FormArray<CriterionForm> | FormArray<LevelForm>, index: number, step: -1 | 1): void {
  const target = index + step;
  if (target < 0 || target >= array.length) return;
  const items = array.controls as FormGroup[];
  const item = items[index];
  (array as FormArray<FormGroup>).removeAt(index, { emitEvent: false });
  (array as FormArray<FormGroup>).insert(target, item);
}

/**
 * The rubric editor's form: criteria (label, description) each with levels
 * (label, points), added, removed and reordered within the limits, the
 * maximum a perfect essay earns as a signal, the request sent, and the API's
 * field errors (`criteria.1.levels.0.points`) put on the part they name.
 */
export class RubricForm {
  readonly group: RubricFormGroup;
  readonly maxPoints = signal(0);

  /** Null: a new rubric, starting with one criterion of two levels. */
  constructor(criteria: readonly RubricCriterion[] | null) {
    const start = criteria ?? [newCriterion()];
    this.group = new FormGroup({ criteria: new FormArray(start.map(criterionForm)) });
    this.group.valueChanges.subscribe(() => this.follow());
    this.follow();
  }

  get criteria(): FormArray<CriterionForm> {
    return this.group.controls.criteria;
  }

  levels(criterion: number): FormArray<LevelForm> {
    return this.criteria.at(criterion).controls.levels;
  }

  addCriterion(): void {
    if (this.criteria.length >= L.maxCriteria) return;
    this.criteria.push(criterionForm(newCriterion()));
  }

  removeCriterion(index: number): void {
    if (this.criteria.length <= 1) return;
    this.criteria.removeAt(index);
  }

  /** Moves a criterion up (-1) or down (+1); nothing happens at either end. */
  moveCriterion(index: number, step: -1 | 1): void {
    moveIn(this.criteria, index, step);
  }

  addLevel(criterion: number): void {
    const levels = this.levels(criterion);
    if (levels.length >= L.maxLevels) return;
    levels.push(levelForm({ label: '', points: null }));
  }

  removeLevel(criterion: number, index: number): void {
    const levels = this.levels(criterion);
    if (levels.length <= L.minLevels) return;
    levels.removeAt(index);
  }

  moveLevel(criterion: number, index: number, step: -1 | 1): void {
    moveIn(this.levels(criterion), index, step);
  }

  /** Nothing may change: the rubric is locked by grading, or the reader only reads. */
  makeReadOnly(): void {
    this.group.disable({ emitEvent: false });
  }

  /** The request for the API: text trimmed, an empty description left out. */
  request(): RubricRequest {
    return {
      criteria: this.group.getRawValue().criteria.map((criterion) => {
        const description = criterion.description.trim();
        return {
          label: criterion.label.trim(),
          ...(description === '' ? {} : { description }),
          levels: criterion.levels.map((level) => ({ label: level.label.trim(), points: level.points ?? 0 })),
        };
      }),
    };
  }

  applyErrors(error: unknown): boolean {
    return applyProblemErrors(this.group, error);
  }

  private follow(): void {
    this.maxPoints.set(rubricMaxPoints(this.group.getRawValue().criteria));
  }
}

type LevelDraft = { label: string; points: number | null };
type CriterionDraft = { label: string; description?: string; levels: readonly LevelDraft[] };

const newCriterion = (): CriterionDraft => ({
  label: '',
  levels: Array.from({ length: L.minLevels }, () => ({ label: '', points: null })),
});

function levelForm(level: LevelDraft): LevelForm {
  return new FormGroup({
    label: new FormControl(level.label, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(L.labelLength)],
    }),
    points: new FormControl<number | null>(level.points, {
      validators: [Validators.required, Validators.min(0), Validators.max(L.maxLevelPoints)],
    }),
  });
}

function criterionForm(criterion: CriterionDraft): CriterionForm {
  return new FormGroup({
    label: new FormControl(criterion.label, {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(L.labelLength)],
    }),
    description: new FormControl(criterion.description ?? '', {
      nonNullable: true,
      validators: Validators.maxLength(L.descriptionLength),
    }),
    levels: new FormArray(criterion.levels.map(levelForm)),
  });
}
