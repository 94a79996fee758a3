import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { QuizResponse } from '@thuchoc/assessments/contracts';
import { QuizForm } from '../data-access/quiz-form';
import {
  CLASS_ID,
  CLASS_INFO,
  COURSE_ID,
  QUIZ_AREAS,
  QUIZ_ID,
  makeQuiz,
  makeRubric,
  makeTopic,
  problem,
  provideQuizzesTesting,
} from '../testing/quiz-fixtures';
import { QuizBuilderPage, topicChoices } from './quiz-builder-page';

const TOPICS_URL = `/api/v1/courses/${COURSE_ID}/questions/topics`;
const QUIZ_URL = `/api/v1/quizzes/${QUIZ_ID}`;

describe(QuizBuilderPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    page().querySelector<T>(`[data-testid="${id}"]`);
  const text = () => page().textContent ?? '';
  const form = (): QuizForm => {
    const builder = harness.routeDebugElement?.componentInstance as QuizBuilderPage;
    const current = builder['form']();
    if (current === null) throw new Error('No form yet');
    return current;
  };

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  async function openQuiz(area: string, quiz: QuizResponse, rubric: object | null = null): Promise<void> {
    await harness.navigateByUrl(`/${area}/quizzes/${QUIZ_ID}`, QuizBuilderPage);
    await settle();
    backend.expectOne(QUIZ_URL).flush(quiz);
    backend.expectOne(TOPICS_URL).flush([makeTopic()]);
    if (area === 'lecturer') backend.expectOne('/api/v1/me/teaching').flush([CLASS_INFO]);
    else backend.expectOne(`/api/v1/classes/${CLASS_ID}`).flush(CLASS_INFO);
    await settle();
    const rubricRequest = backend.expectOne(`${QUIZ_URL}/rubric`);
    if (rubric === null)
      rubricRequest.flush(problem(404, 'rubric.not-found'), { status: 404, statusText: 'Not Found' });
    else rubricRequest.flush(rubric);
    await settle();
  }

  function submit(): void {
    byTestId<HTMLButtonElement>('quiz-save')?.click();
  }

  beforeEach(async () => {
    localStorage.clear();
    // jsdom lays nothing out: the page brings the first error into view.
    Element.prototype.scrollIntoView = jest.fn();
    TestBed.configureTestingModule({ providers: provideQuizzesTesting(QUIZ_AREAS) });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  describe('a new quiz', () => {
    beforeEach(async () => {
      await harness.navigateByUrl(`/lecturer/classes/${CLASS_ID}/quizzes/new`, QuizBuilderPage);
      await settle();
      backend.expectOne('/api/v1/me/teaching').flush([CLASS_INFO]);
      backend.expectOne(TOPICS_URL).flush([makeTopic()]);
      await settle();
    });

    it('offers the bank’s topics with their counts and says what a rule may draw', async () => {
      expect(text()).toContain('Tạo bài kiểm tra');
      expect(byTestId('quiz-class')?.textContent).toContain('DVM-2026-01');
      expect(byTestId('rubric-section')?.textContent).toContain('Hãy tạo bài kiểm tra trước');

      form().rules.at(0).controls.topic.setValue('Lịch sử Đảng');
      await settle();
      expect(byTestId('rule-available')?.textContent).toContain('Có sẵn 3 câu');
      expect(byTestId('quiz-total')?.textContent).toContain('Tổng số câu mỗi đề: 1');
    });

    it('refuses a count above what the bank holds before asking the API', async () => {
      form().group.controls.title.setValue('Kiểm tra giữa khoá');
      form().rules.at(0).patchValue({ topic: 'Lịch sử Đảng', count: 4 });
      submit();
      await settle();

      expect(text()).toContain('Ngân hàng chỉ có 3 câu phù hợp.');
      backend.expectNone(`/api/v1/classes/${CLASS_ID}/quizzes`);
    });

    it('creates the quiz with the window in UTC and opens it, the API’s field errors shown first', async () => {
      form().group.patchValue({
        title: 'Kiểm tra giữa khoá',
        opensAt: '2026-03-02T08:00',
        closesAt: '2026-03-01T08:00',
        timeLimitMinutes: 10,
        isPublished: true,
      });
      form().rules.at(0).patchValue({ topic: 'Lịch sử Đảng', count: 3 });
      submit();
      await settle();

      const refused = backend.expectOne(`/api/v1/classes/${CLASS_ID}/quizzes`);
      expect(refused.request.method).toBe('POST');
      expect(refused.request.body).toMatchObject({
        title: 'Kiểm tra giữa khoá',
        drawRules: [{ topic: 'Lịch sử Đảng', difficulty: null, count: 3 }],
        opensAt: '2026-03-02T01:00:00.000Z',
        closesAt: '2026-03-01T01:00:00.000Z',
        timeLimitMinutes: 10,
        isPublished: true,
      });
      refused.flush(
        problem(400, 'quiz.invalid', [
          { field: 'closesAt', messages: ['Thời điểm đóng phải sau thời điểm mở.'] },
        ]),
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();

      expect(byTestId('closes-at-error')?.textContent).toContain('Thời điểm đóng phải sau thời điểm mở.');
      expect(page().querySelector('[role="alert"]')?.textContent).toContain(
        'Bài kiểm tra chưa đúng quy định',
      );
      expect(form().group.controls.title.value).toBe('Kiểm tra giữa khoá');

      form().group.controls.closesAt.setValue('2026-03-09T08:00');
      submit();
      await settle();
      backend
        .expectOne(`/api/v1/classes/${CLASS_ID}/quizzes`)
        .flush(makeQuiz({ id: 'quiz-9', title: 'Kiểm tra giữa khoá', isPublished: true }));
      await settle();

      expect(TestBed.inject(Router).url).toBe('/lecturer/quizzes/quiz-9');
      backend.expectOne('/api/v1/quizzes/quiz-9').flush(makeQuiz({ id: 'quiz-9' }));
      await settle();
      backend.match(() => true).forEach((request) => request.flush([]));
    });
  });

  describe('a stored quiz', () => {
    it('lets an editor change everything while nobody has started', async () => {
      await openQuiz('centre', makeQuiz());

      expect(text()).toContain('Sửa bài kiểm tra');
      expect(byTestId('quiz-locked')).toBeNull();
      expect(byTestId('quiz-results-link')?.getAttribute('href')).toBe(`/centre/quizzes/${QUIZ_ID}/results`);
      expect(byTestId('back-to-quizzes')?.getAttribute('href')).toBe(`/centre/classes/${CLASS_ID}/quizzes`);
      expect(byTestId('rubric-none')?.textContent).toContain('chưa có thang chấm');

      form().group.controls.maxAttempts.setValue(2);
      submit();
      await settle();
      const saving = backend.expectOne(QUIZ_URL);
      expect(saving.request.method).toBe('PATCH');
      expect(saving.request.body).toMatchObject({ maxAttempts: 2, drawRules: makeQuiz().drawRules });
      saving.flush(makeQuiz({ maxAttempts: 2 }));
      await settle();
      backend.expectOne(TOPICS_URL).flush([makeTopic()]);
      await settle();
      expect(form().group.controls.maxAttempts.value).toBe(2);
    });

    it('locks the rules once learners have started and says why; only title, description and publication are sent', async () => {
      await openQuiz('lecturer', makeQuiz({ hasAttempts: true }), makeRubric());

      expect(byTestId('quiz-locked')?.textContent).toContain('Học viên đã bắt đầu làm bài');
      expect(byTestId('add-rule')).toBeNull();
      expect(form().group.controls.timeLimitMinutes.disabled).toBe(true);
      expect(form().group.controls.title.enabled).toBe(true);

      form().group.controls.isPublished.setValue(true);
      submit();
      await settle();
      const saving = backend.expectOne(QUIZ_URL);
      expect(saving.request.body).toEqual({
        title: 'Kiểm tra giữa khoá',
        description: 'Làm bài trong 30 phút.',
        isPublished: true,
      });
      saving.flush(makeQuiz({ hasAttempts: true, isPublished: true }));
      await settle();
      backend.expectOne(TOPICS_URL).flush([makeTopic()]);
    });

    it('shows an auditor the quiz and its rubric read-only, without a save button', async () => {
      await openQuiz('auditor', makeQuiz(), makeRubric());

      expect(text()).toContain('Bài kiểm tra');
      expect(byTestId('quiz-read-only')?.textContent).toContain('chỉ có quyền xem');
      expect(byTestId('quiz-save')).toBeNull();
      expect(byTestId('rubric-save')).toBeNull();
      expect(form().group.disabled).toBe(true);
      expect(page().querySelectorAll('[data-testid="rubric-criterion"]')).toHaveLength(2);
      expect(byTestId('rubric-max-points')?.textContent).toContain('Điểm tối đa: 10');
    });
  });

  it('keeps a rule’s topic among the choices when the bank no longer holds it', () => {
    expect(topicChoices([makeTopic()], 'Chủ đề cũ')).toEqual([
      { topic: 'Lịch sử Đảng', total: 3 },
      { topic: 'Chủ đề cũ', total: 0 },
    ]);
    expect(topicChoices(null, '')).toEqual([]);
  });
});
