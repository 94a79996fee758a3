import { HttpErrorResponse } from '@angular/common/http';
import { RUBRIC_LIMITS } from '@thuchoc/assessments/contracts';
import { makeGrade, makeRubric, problem } from '../testing/grading-factories';
import { GradeForm } from './grade-form';

const { criteria } = makeRubric();

describe(GradeForm.name, () => {
  it('starts empty and invalid until every criterion has a level', () => {
    const form = new GradeForm(criteria, null);

    expect(form.picks()).toEqual([null, null, null]);
    expect(form.group.invalid).toBe(true);
    form.criterionForms.forEach((criterion, index) =>
      criterion.controls.levelIndex.setValue(index === 1 ? 2 : 0),
    );
    expect(form.group.valid).toBe(true);
    expect(form.picks()).toEqual([0, 2, 0]);
  });

  it('starts from a saved grade, untouched', () => {
    const form = new GradeForm(criteria, makeGrade());

    expect(form.picks()).toEqual([2, 1, 1]);
    expect(form.group.controls.comment.value).toBe('Bài viết chân thực.');
    expect(form.criterionForms[1].controls.comment.value).toBe('Cần số liệu.');
    expect(form.group.pristine).toBe(true);
  });

  it('sends trimmed comments, leaves out empty ones and adds the reason of a change', () => {
    const form = new GradeForm(criteria, makeGrade());
    form.criterionForms[0].controls.comment.setValue('  Nắm chắc.  ');
    form.criterionForms[1].controls.comment.setValue('   ');
    form.group.controls.comment.setValue('');

    expect(form.request('Chấm lại.')).toEqual({
      criteria: [{ levelIndex: 2, comment: 'Nắm chắc.' }, { levelIndex: 1 }, { levelIndex: 1 }],
      reason: 'Chấm lại.',
    });
    expect(form.request()).not.toHaveProperty('reason');
  });

  it('refuses a comment longer than the API takes', () => {
    const form = new GradeForm(criteria, makeGrade());
    form.group.controls.comment.setValue('x'.repeat(RUBRIC_LIMITS.commentLength + 1));

    expect(form.group.controls.comment.hasError('maxlength')).toBe(true);
  });

  it('puts the API’s field errors on the criterion they name', () => {
    const form = new GradeForm(criteria, makeGrade());
    const error = new HttpErrorResponse({
      status: 400,
      error: problem(400, 'grade.invalid', [
        { field: 'criteria.2.levelIndex', messages: ['Mức không có trong thang chấm.'] },
        { field: 'reason', messages: ['Sửa điểm đã chấm cần nêu lý do.'] },
      ]),
    });

    expect(form.applyErrors(error)).toBe(true);
    expect(form.criterionForms[2].controls.levelIndex.errors).toEqual({
      server: 'Mức không có trong thang chấm.',
    });
    expect(form.criterionForms[2].controls.levelIndex.touched).toBe(true);
  });

  it('goes back to the saved grade', () => {
    const form = new GradeForm(criteria, makeGrade());
    form.criterionForms[1].controls.levelIndex.setValue(2);
    form.group.markAsDirty();

    form.reset(makeGrade());

    expect(form.picks()).toEqual([2, 1, 1]);
    expect(form.group.pristine).toBe(true);
  });

  it('stays read-only after a reset', () => {
    const form = new GradeForm(criteria, makeGrade());
    form.setReadOnly(true);
    form.reset(null);

    expect(form.group.disabled).toBe(true);
    expect(form.criterionForms[0].controls.levelIndex.disabled).toBe(true);
  });
});
