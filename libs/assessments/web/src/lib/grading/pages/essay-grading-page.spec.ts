import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { GradingQueueItem, RubricResponse } from '@thuchoc/assessments/contracts';
import { auditorGradingRoutes, lecturerGradingRoutes } from '../grading.routes';
import {
  ATTEMPT_ID,
  CLASS_ID,
  QUIZ_ID,
  makeGrade,
  makeGraded,
  makeQueueItem,
  makeQuiz,
  makeRubric,
  problem,
  provideGradingTesting,
} from '../testing/grading-factories';
import { EssayGradingPage } from './essay-grading-page';

const ATTEMPT = `/api/v1/quiz-attempts/${ATTEMPT_ID}/essay-grading`;
const GRADE = `/api/v1/quiz-attempts/${ATTEMPT_ID}/essay-grade`;

describe(EssayGradingPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string, root: ParentNode = page()) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const allByTestId = (id: string, root: ParentNode = page()) =>
    Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));

  async function open(
    area: 'lecturer' | 'auditor',
    item: GradingQueueItem = makeQueueItem(),
    rubric: RubricResponse | null = makeRubric(),
  ): Promise<void> {
    await harness.navigateByUrl(`/${area}/classes/${CLASS_ID}/grading/${ATTEMPT_ID}`, EssayGradingPage);
    backend.expectOne(ATTEMPT).flush(item);
    const rubricRequest = backend.expectOne(`/api/v1/quizzes/${QUIZ_ID}/rubric`);
    if (rubric === null)
      rubricRequest.flush(problem(404, 'rubric.not-found'), { status: 404, statusText: 'Not Found' });
    else rubricRequest.flush(rubric);
    backend.expectOne(`/api/v1/quizzes/${QUIZ_ID}`).flush(makeQuiz());
    await harness.fixture.whenStable();
  }

  async function pick(criterion: number, level: number): Promise<void> {
    const radios =
      allByTestId('criterion')[criterion].querySelectorAll<HTMLInputElement>('input[type="radio"]');
    radios[level].click();
    await harness.fixture.whenStable();
  }

  async function click(element: HTMLElement | null): Promise<void> {
    element?.click();
    await harness.fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: provideGradingTesting([
        { path: 'lecturer', children: lecturerGradingRoutes },
        { path: 'auditor', children: auditorGradingRoutes },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  it('shows the learner, the question and the answer with its paragraphs beside the rubric', async () => {
    await open('lecturer');

    expect(byTestId('attempt-learner')?.textContent).toContain('Đỗ Thị Giang');
    expect(page().textContent).toContain('Liên hệ thực tiễn việc học tập và làm theo Bác.');
    expect(byTestId('essay-answer')?.textContent).toBe('Đoạn một.\n\nĐoạn hai.');
    expect(allByTestId('criterion')).toHaveLength(3);
    expect(allByTestId('criterion')[1].textContent).toContain('Tốt · 4 điểm');
    expect(byTestId('grade-preview')?.textContent).toContain('Chọn mức cho đủ 3 tiêu chí để tính điểm.');
  });

  it('previews the grade as levels are picked and saves it', async () => {
    await open('lecturer');
    await pick(0, 2);
    await pick(1, 1);
    await pick(2, 1);

    expect(byTestId('preview-rubric')?.textContent).toContain('7/9');
    expect(byTestId('preview-essay')?.textContent).toContain('3,11/4');
    expect(byTestId('preview-score')?.textContent).toContain('8,22/10');

    await click(byTestId('grade-save'));
    const put = backend.expectOne(GRADE);
    expect(put.request.body).toEqual({ criteria: [{ levelIndex: 2 }, { levelIndex: 1 }, { levelIndex: 1 }] });
    put.flush(makeGraded());
    await harness.fixture.whenStable();

    expect(byTestId('saved-score')?.textContent).toContain('8,22/10');
    expect(byTestId('attempt-status')?.textContent).toContain('Đã chấm');
  });

  it('does not send a grade missing a level, and says which criterion lacks one', async () => {
    await open('lecturer');
    await pick(0, 2);

    await click(byTestId('grade-save'));

    backend.expectNone(GRADE);
    expect(allByTestId('level-error')).toHaveLength(2);
  });

  it('shows the API’s refusal next to the criterion it names', async () => {
    await open('lecturer');
    await pick(0, 2);
    await pick(1, 1);
    await pick(2, 1);

    await click(byTestId('grade-save'));
    backend
      .expectOne(GRADE)
      .flush(
        problem(400, 'grade.invalid', [
          { field: 'criteria.1.levelIndex', messages: ['Mức không có trong thang chấm.'] },
        ]),
        { status: 400, statusText: 'Bad Request' },
      );
    await harness.fixture.whenStable();

    expect(byTestId('grade-error')?.textContent).toContain('Điểm chấm chưa khớp với thang chấm.');
    expect(byTestId('level-error', allByTestId('criterion')[1])?.textContent).toContain(
      'Mức không có trong thang chấm.',
    );
  });

  it('asks for a reason before changing a saved grade, showing the old grade', async () => {
    await open(
      'lecturer',
      makeQueueItem({ grade: makeGrade(), score: 8.22, isPassed: true, status: 'graded' as never }),
    );
    expect(byTestId('saved-score')?.textContent).toContain('8,22/10');
    expect((byTestId('grade-save') as HTMLButtonElement).disabled).toBe(true);

    await pick(1, 2);
    await click(byTestId('grade-save'));
    const message = document.querySelector('[data-testid="reason-dialog-message"]')?.textContent ?? '';
    expect(message).toContain('8,22/10');
    expect(message).toContain('10/10');

    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="reason-input"]');
    if (reason === null) throw new Error('No reason field');
    reason.value = 'Chấm lại sau khi đối chiếu.';
    reason.dispatchEvent(new Event('input'));
    await click(document.querySelector<HTMLElement>('[data-testid="reason-submit"]'));

    const put = backend.expectOne(GRADE);
    expect(put.request.body).toMatchObject({
      criteria: [{ levelIndex: 2 }, { levelIndex: 2, comment: 'Cần số liệu.' }, { levelIndex: 1 }],
      comment: 'Bài viết chân thực.',
      reason: 'Chấm lại sau khi đối chiếu.',
    });
    put.flush(makeGraded({ score: 10, grade: makeGrade({ essayPoints: 4 }) }));
    await harness.fixture.whenStable();
    expect(byTestId('saved-score')?.textContent).toContain('10/10');
  });

  it('says the quiz has no rubric and leads to the quiz to set one', async () => {
    await open('lecturer', makeQueueItem(), null);

    expect(byTestId('no-rubric')?.textContent).toContain('chưa có thang chấm');
    expect(byTestId('no-rubric-link')?.getAttribute('href')).toBe(`/lecturer/quizzes/${QUIZ_ID}`);
    expect(byTestId('rubric-form')).toBeNull();
  });

  it('puts the attempt’s open similarity flags on top, linked to the comparison', async () => {
    await open('lecturer', makeQueueItem({ openSimilarityFlagIds: ['flag-9'] }));

    expect(byTestId('attempt-flags')?.textContent).toContain('1 cảnh báo trùng lặp');
    expect(byTestId('attempt-flag-link')?.getAttribute('href')).toBe('/lecturer/similarity-flags/flag-9');
  });

  it('holds the grade while a similarity flag is open: nothing is sent', async () => {
    await open('lecturer', makeQueueItem({ openSimilarityFlagIds: ['flag-9'] }));
    await pick(0, 2);
    await pick(1, 1);
    await pick(2, 1);

    expect(byTestId('grade-held')?.textContent).toContain('sau khi đã kết luận cảnh báo trùng lặp');
    expect((byTestId('grade-save') as HTMLButtonElement).disabled).toBe(true);
    const form = byTestId('rubric-form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
    backend.expectNone(GRADE);
  });

  it('lets a grade be saved when the attempt has no open flag', async () => {
    await open('lecturer');

    expect(byTestId('grade-held')).toBeNull();
    expect((byTestId('grade-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows auditors the grade read-only', async () => {
    await open('auditor', makeQueueItem({ grade: makeGrade(), score: 8.22, isPassed: true }));

    expect(byTestId('grading-read-only')).not.toBeNull();
    expect(byTestId('grade-save')).toBeNull();
    expect(byTestId('grade-preview')).toBeNull();
    const radios = allByTestId('criterion')[0].querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(Array.from(radios).every((radio) => radio.disabled)).toBe(true);
    expect(radios[2].checked).toBe(true);
  });
});
