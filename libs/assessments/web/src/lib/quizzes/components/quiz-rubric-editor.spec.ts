import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { RubricForm } from '../data-access/rubric-form';
import { QUIZ_ID, makeRubric, problem, provideQuizzesTesting } from '../testing/quiz-fixtures';
import { QuizRubricEditor } from './quiz-rubric-editor';

const RUBRIC_URL = `/api/v1/quizzes/${QUIZ_ID}/rubric`;

describe(QuizRubricEditor.name, () => {
  let fixture: ComponentFixture<QuizRubricEditor>;
  let backend: HttpTestingController;

  const root = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    root().querySelector<T>(`[data-testid="${id}"]`);
  const form = (): RubricForm => {
    const current = fixture.componentInstance['form']();
    if (current === null) throw new Error('No rubric form');
    return current;
  };

  async function open(canEdit: boolean, answer: object | null): Promise<void> {
    fixture = TestBed.createComponent(QuizRubricEditor);
    fixture.componentRef.setInput('quizId', QUIZ_ID);
    fixture.componentRef.setInput('canEdit', canEdit);
    await fixture.whenStable();
    const request = backend.expectOne(RUBRIC_URL);
    if (answer === null)
      request.flush(problem(404, 'rubric.not-found'), { status: 404, statusText: 'Not Found' });
    else request.flush(answer);
    await fixture.whenStable();
  }

  function fill(criterion: number, label: string, levels: [string, number][]): void {
    form().criteria.at(criterion).controls.label.setValue(label);
    levels.forEach(([levelLabel, points], index) => {
      if (index >= form().levels(criterion).length) form().addLevel(criterion);
      form().levels(criterion).at(index).setValue({ label: levelLabel, points });
    });
  }

  beforeEach(() => {
    localStorage.clear();
    Element.prototype.scrollIntoView = jest.fn();
    TestBed.configureTestingModule({ providers: provideQuizzesTesting() });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('takes a 404 as no rubric yet, and lets an editor build one with two criteria', async () => {
    await open(true, null);
    expect(byTestId('rubric-none')?.textContent).toContain('Bài kiểm tra chưa có thang chấm.');
    expect(root().querySelector('[role="alert"]')).toBeNull();

    byTestId<HTMLButtonElement>('rubric-start')?.click();
    await fixture.whenStable();
    expect(root().querySelectorAll('[data-testid="rubric-criterion"]')).toHaveLength(1);
    expect(root().querySelectorAll('[data-testid="rubric-level"]')).toHaveLength(2);

    fill(0, 'Nắm vững lý luận', [
      ['Chưa đạt', 0],
      ['Đạt', 3],
      ['Tốt', 5],
    ]);
    byTestId<HTMLButtonElement>('rubric-add-criterion')?.click();
    await fixture.whenStable();
    fill(1, 'Liên hệ thực tiễn', [
      ['Chưa đạt', 0],
      ['Đạt', 5],
    ]);
    await fixture.whenStable();
    expect(byTestId('rubric-max-points')?.textContent).toContain('Điểm tối đa: 10');

    byTestId<HTMLButtonElement>('rubric-save')?.click();
    await fixture.whenStable();
    const saving = backend.expectOne(RUBRIC_URL);
    expect(saving.request.method).toBe('PUT');
    expect(saving.request.body).toEqual({
      criteria: [
        {
          label: 'Nắm vững lý luận',
          levels: [
            { label: 'Chưa đạt', points: 0 },
            { label: 'Đạt', points: 3 },
            { label: 'Tốt', points: 5 },
          ],
        },
        {
          label: 'Liên hệ thực tiễn',
          levels: [
            { label: 'Chưa đạt', points: 0 },
            { label: 'Đạt', points: 5 },
          ],
        },
      ],
    });
    saving.flush(makeRubric());
    await fixture.whenStable();
    expect(byTestId('rubric-remove')).not.toBeNull();
  });

  it('shows the API’s field errors next to the level they name and keeps what was typed', async () => {
    await open(true, makeRubric());
    form().levels(1).at(1).controls.label.setValue('chưa đạt');

    byTestId<HTMLButtonElement>('rubric-save')?.click();
    await fixture.whenStable();
    backend
      .expectOne(RUBRIC_URL)
      .flush(
        problem(400, 'rubric.invalid', [
          { field: 'criteria.1.levels.1.label', messages: ['Tên mức bị trùng.'] },
        ]),
        {
          status: 400,
          statusText: 'Bad Request',
        },
      );
    await fixture.whenStable();

    expect(root().textContent).toContain('Tên mức bị trùng.');
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Thang chấm chưa đúng quy định');
    expect(form().levels(1).at(1).controls.label.value).toBe('chưa đạt');
  });

  it('locks a rubric that grading has used', async () => {
    await open(true, makeRubric({ isLocked: true }));

    expect(byTestId('rubric-locked')?.textContent).toContain('không thể thay đổi');
    expect(byTestId('rubric-save')).toBeNull();
    expect(byTestId('rubric-add-criterion')).toBeNull();
    expect(form().group.disabled).toBe(true);
  });

  it('lets a reader read a rubric, and see none without an add button', async () => {
    await open(false, null);
    expect(byTestId('rubric-none')).not.toBeNull();
    expect(byTestId('rubric-start')).toBeNull();
  });

  it('shows another failure to load', async () => {
    fixture = TestBed.createComponent(QuizRubricEditor);
    fixture.componentRef.setInput('quizId', QUIZ_ID);
    await fixture.whenStable();
    backend
      .expectOne(RUBRIC_URL)
      .flush(problem(404, 'quiz.not-found'), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Không tìm thấy bài kiểm tra');
  });
});
