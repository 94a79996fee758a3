import { HttpErrorResponse } from '@angular/common/http';
import { RUBRIC_LIMITS } from '@thuchoc/assessments/contracts';
import { makeRubric, problem } from '../testing/quiz-fixtures';
import { RubricForm, rubricMaxPoints } from './rubric-form';

describe(RubricForm.name, () => {
  it('starts a new rubric with one criterion of two empty levels', () => {
    const form = new RubricForm(null);

    expect(form.group.getRawValue()).toEqual({
      criteria: [
        {
          label: '',
          description: '',
          levels: [
            { label: '', points: null },
            { label: '', points: null },
          ],
        },
      ],
    });
    expect(form.group.valid).toBe(false);
    expect(form.maxPoints()).toBe(0);
  });

  it('fills in a stored rubric and adds up its maximum: each criterion’s highest level', () => {
    const form = new RubricForm(makeRubric().criteria);
    expect(form.maxPoints()).toBe(10);

    form.levels(1).at(1).controls.points.setValue(2.5);
    expect(form.maxPoints()).toBe(7.5);
  });

  it('adds, removes and reorders criteria and levels within the limits', () => {
    const form = new RubricForm(makeRubric().criteria);

    form.moveCriterion(1, -1);
    expect(form.criteria.at(0).controls.label.value).toBe('Liên hệ thực tiễn');
    form.moveCriterion(0, -1); // already first
    expect(form.criteria.at(0).controls.label.value).toBe('Liên hệ thực tiễn');

    form.moveLevel(1, 2, -1);
    expect(
      form
        .levels(1)
        .getRawValue()
        .map((level) => level.label),
    ).toEqual(['Chưa đạt', 'Tốt', 'Đạt']);

    form.removeLevel(0, 0); // two levels is the least
    expect(form.levels(0).length).toBe(RUBRIC_LIMITS.minLevels);
    form.addLevel(0);
    expect(form.levels(0).length).toBe(3);
    form.removeLevel(0, 2);
    expect(form.levels(0).length).toBe(2);

    form.addCriterion();
    expect(form.criteria.length).toBe(3);
    form.removeCriterion(2);
    form.removeCriterion(1);
    form.removeCriterion(0); // one criterion is the least
    expect(form.criteria.length).toBe(1);

    for (let i = 1; i < RUBRIC_LIMITS.maxCriteria + 3; i += 1) form.addCriterion();
    expect(form.criteria.length).toBe(RUBRIC_LIMITS.maxCriteria);
    for (let i = 0; i < RUBRIC_LIMITS.maxLevels + 3; i += 1) form.addLevel(0);
    expect(form.levels(0).length).toBe(RUBRIC_LIMITS.maxLevels);
  });

  it('sends the rubric trimmed, an empty description left out', () => {
    const form = new RubricForm(null);
    form.criteria.at(0).patchValue({ label: '  Lập luận ', description: '  ' });
    form.levels(0).at(0).patchValue({ label: 'Yếu ', points: 0 });
    form.levels(0).at(1).patchValue({ label: ' Khá', points: 4 });

    expect(form.request()).toEqual({
      criteria: [
        {
          label: 'Lập luận',
          levels: [
            { label: 'Yếu', points: 0 },
            { label: 'Khá', points: 4 },
          ],
        },
      ],
    });
  });

  it('puts the API field errors on the level, criterion or list they name', () => {
    const form = new RubricForm(makeRubric().criteria);
    const error = new HttpErrorResponse({
      status: 400,
      error: problem(400, 'rubric.invalid', [
        { field: 'criteria.1.label', messages: ['Tên tiêu chí bị trùng.'] },
        {
          field: 'criteria.0.levels.2.points',
          messages: ['Điểm từ 0 đến 100, tối đa hai chữ số thập phân.'],
        },
        { field: 'criteria', messages: ['Tổng điểm tối đa của thang chấm phải lớn hơn 0.'] },
      ]),
    });

    expect(form.applyErrors(error)).toBe(true);
    expect(form.criteria.at(1).controls.label.errors).toEqual({ server: 'Tên tiêu chí bị trùng.' });
    expect(form.levels(0).at(2).controls.points.errors).toEqual({
      server: 'Điểm từ 0 đến 100, tối đa hai chữ số thập phân.',
    });
    expect(form.criteria.errors).toEqual({ server: 'Tổng điểm tối đa của thang chấm phải lớn hơn 0.' });
  });

  it('is read-only when locked', () => {
    const form = new RubricForm(makeRubric().criteria);
    form.makeReadOnly();
    expect(form.group.disabled).toBe(true);
  });

  it('counts blank points as none', () => {
    expect(rubricMaxPoints([{ levels: [{ points: null }, { points: 2.5 }] }, { levels: [] }])).toBe(2.5);
  });
});
