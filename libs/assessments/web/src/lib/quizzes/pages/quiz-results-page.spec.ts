import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatTooltip } from '@angular/material/tooltip';
import { By } from '@angular/platform-browser';
import { RouterTestingHarness } from '@angular/router/testing';
import { AttemptStatus, QuizResultRow, SubmissionKind } from '@thuchoc/assessments/contracts';
import { of } from 'rxjs';
import { RESULTS_POLL_MS } from '../data-access/quiz-pages.store';
import {
  CLASS_ID,
  CLASS_INFO,
  QUIZ_AREAS,
  QUIZ_ID,
  makeQuiz,
  makeResultRow,
  provideQuizzesTesting,
} from '../testing/quiz-fixtures';
import { QuizResultsPage } from './quiz-results-page';

const QUIZ_URL = `/api/v1/quizzes/${QUIZ_ID}`;
const RESULTS_URL = `${QUIZ_URL}/results`;

const HINT = 'Bài thu hoạch đang có cảnh báo trùng lặp chưa kết luận; kết quả chưa chính thức.';

/** Graded and passed before a similarity flag named it, and the essay it matches, still awaiting grading. */
const UNDER_REVIEW: QuizResultRow[] = [
  makeResultRow({ id: 'attempt-5', userId: 'user-5', username: 'hocvien15', isUnderReview: true }),
  makeResultRow({
    id: 'attempt-6',
    userId: 'user-6',
    username: 'hocvien16',
    status: AttemptStatus.AwaitingGrading,
    score: null,
    isPassed: null,
    isUnderReview: true,
  }),
];

const ROWS: QuizResultRow[] = [
  makeResultRow(),
  makeResultRow({
    id: 'attempt-2',
    userId: 'user-2',
    fullName: 'Đặng Thanh Cường',
    username: 'hocvien18',
    status: AttemptStatus.Graded,
    submission: SubmissionKind.Auto,
    score: 2.5,
    isPassed: false,
  }),
  makeResultRow({
    id: 'attempt-3',
    userId: 'user-3',
    fullName: 'Nguyễn Đức Nam',
    username: 'hocvien11',
    status: AttemptStatus.AwaitingGrading,
    score: null,
    isPassed: null,
  }),
  makeResultRow({
    id: 'attempt-4',
    userId: 'user-4',
    fullName: 'Trần Thanh Oanh',
    username: 'hocvien12',
    status: AttemptStatus.Active,
    submittedAt: null,
    submission: null,
    score: null,
    isPassed: null,
  }),
];

describe(QuizResultsPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string, root: ParentNode = page()) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const rowOf = (username: string) => page().querySelector<HTMLElement>(`[data-username="${username}"]`);

  async function open(rows: QuizResultRow[], area = 'lecturer'): Promise<void> {
    await harness.navigateByUrl(`/${area}/quizzes/${QUIZ_ID}/results`, QuizResultsPage);
    await harness.fixture.whenStable();
    backend.expectOne(QUIZ_URL).flush(makeQuiz({ isPublished: true, hasAttempts: true }));
    backend.expectOne(RESULTS_URL).flush(rows);
    await harness.fixture.whenStable();
    if (area === 'lecturer') backend.expectOne('/api/v1/me/teaching').flush([CLASS_INFO]);
    else backend.expectOne(`/api/v1/classes/${CLASS_ID}`).flush(CLASS_INFO);
    await harness.fixture.whenStable();
  }

  function setUp(isPhone = false): void {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        ...provideQuizzesTesting(QUIZ_AREAS),
        ...(isPhone
          ? [
              {
                provide: BreakpointObserver,
                useValue: { observe: () => of({ matches: true, breakpoints: {} }) },
              },
            ]
          : []),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  }

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  describe('on a desktop', () => {
    beforeEach(async () => {
      setUp();
      harness = await RouterTestingHarness.create();
    });

    it('sums up the attempts and lists each with its status, submission, score and result', async () => {
      await open(ROWS);

      expect(page().textContent).toContain('Kiểm tra giữa khoá');
      expect(byTestId('quiz-class')?.textContent).toContain('DVM-2026-01');
      expect(byTestId('summary-attempts')?.textContent?.trim()).toBe('4');
      expect(byTestId('summary-submitted')?.textContent?.trim()).toBe('3');
      expect(byTestId('summary-graded')?.textContent?.trim()).toBe('2');
      expect(byTestId('summary-average')?.textContent?.trim()).toBe('5,00');
      expect(byTestId('summary-pass-rate')?.textContent?.trim()).toBe('50%');

      const passed = rowOf('hocvien17')?.textContent ?? '';
      expect(passed).toContain('Võ Đức Bình');
      expect(passed).toContain('Đã chấm');
      expect(passed).toContain('02/03/2026 09:20');
      expect(passed).toContain('Học viên nộp');
      expect(passed).toContain('7,50');
      expect(passed).toContain('Đạt');

      const failed = rowOf('hocvien18')?.textContent ?? '';
      expect(failed).toContain('Tự động nộp khi hết giờ');
      expect(failed).toContain('2,50');
      expect(failed).toContain('Chưa đạt');

      expect(rowOf('hocvien11')?.textContent).toContain('Chờ chấm');
      expect(rowOf('hocvien12')?.textContent).toContain('Đang làm');

      expect(byTestId('awaiting-grading')?.textContent).toContain('1 lượt làm có bài tự luận đang chờ chấm.');
      expect(byTestId('grading-link')?.getAttribute('href')).toBe(`/lecturer/classes/${CLASS_ID}/grading`);
      expect(byTestId('back-to-quiz')?.getAttribute('href')).toBe(`/lecturer/quizzes/${QUIZ_ID}`);
    });

    it('marks the attempts under similarity review instead of passed or failed and leaves them out of the grades', async () => {
      await open([...ROWS, ...UNDER_REVIEW]);

      expect(byTestId('summary-under-review')?.textContent?.trim()).toBe('2');
      expect(byTestId('summary-graded')?.textContent?.trim()).toBe('2');
      expect(byTestId('summary-pass-rate')?.textContent?.trim()).toBe('50%');
      for (const username of ['hocvien15', 'hocvien16']) {
        const row = rowOf(username) ?? page();
        expect(byTestId('result-under-review', row)?.textContent).toContain('Đang xem xét trùng lặp');
        expect(row.querySelector('.badge.passed, .badge.failed')).toBeNull();
      }
      expect(byTestId('result-score', rowOf('hocvien15') ?? page())?.textContent?.trim()).toBe('7,50');
      expect(byTestId('result-under-review', rowOf('hocvien17') ?? page())).toBeNull();
      expect(rowOf('hocvien17')?.querySelector('.badge.passed')?.textContent?.trim()).toBe('Đạt');

      // Explained to screen readers within the badge, and on hover.
      const badge = harness.fixture.debugElement.query(By.css('[data-testid="result-under-review"]'));
      expect(badge.query(By.css('.cdk-visually-hidden')).nativeElement.textContent).toContain(HINT);
      expect(badge.injector.get(MatTooltip).message).toBe(HINT);
    });

    it('counts nothing under review when no flag is open', async () => {
      await open(ROWS);
      expect(byTestId('summary-under-review')).toBeNull();
      expect(byTestId('result-under-review')).toBeNull();
    });

    it('links to no grading queue when no essay waits', async () => {
      await open([makeResultRow()], 'auditor');
      expect(byTestId('grading-link')).toBeNull();
      expect(byTestId('back-to-quiz')?.getAttribute('href')).toBe(`/auditor/quizzes/${QUIZ_ID}`);
    });

    it('says when nobody has taken the quiz', async () => {
      await open([], 'centre');
      expect(byTestId('results-empty')?.textContent).toContain('Chưa có học viên nào làm bài kiểm tra này.');
      expect(byTestId('summary-average')?.textContent?.trim()).toBe('—');
    });

    it('reads the results again while a submitted attempt waits for its automatic grade', async () => {
      jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
      await harness.navigateByUrl(`/centre/quizzes/${QUIZ_ID}/results`, QuizResultsPage);
      await harness.fixture.whenStable();
      backend.expectOne(QUIZ_URL).flush(makeQuiz());
      backend
        .expectOne(RESULTS_URL)
        .flush([makeResultRow({ status: AttemptStatus.Submitted, score: null, isPassed: null })]);
      backend.expectOne(`/api/v1/classes/${CLASS_ID}`).flush(CLASS_INFO);

      jest.advanceTimersByTime(RESULTS_POLL_MS);
      backend.expectOne(RESULTS_URL).flush([makeResultRow()]);
      jest.advanceTimersByTime(RESULTS_POLL_MS * 3);
      backend.expectNone(RESULTS_URL);
    });

    it('reads the results again on demand', async () => {
      await open([makeResultRow()], 'centre');
      byTestId('results-refresh')?.click();
      backend.expectOne(RESULTS_URL).flush([makeResultRow(), makeResultRow({ id: 'attempt-2', number: 2 })]);
      await harness.fixture.whenStable();
      expect(byTestId('summary-attempts')?.textContent?.trim()).toBe('2');
    });
  });

  describe('on a phone', () => {
    beforeEach(async () => {
      setUp(true);
      harness = await RouterTestingHarness.create();
    });

    it('shows one card per attempt', async () => {
      await open(ROWS);
      expect(byTestId('results-table')).toBeNull();
      const cards = byTestId('results-cards');
      expect(cards?.querySelectorAll('[data-testid="result"]')).toHaveLength(4);
      expect(byTestId('result-score', rowOf('hocvien17') ?? page())?.textContent?.trim()).toBe('7,50');
    });

    it('marks a card under similarity review instead of passed', async () => {
      await open([...ROWS, ...UNDER_REVIEW]);
      const card = rowOf('hocvien15') ?? page();
      expect(byTestId('result-under-review', card)?.textContent).toContain('Đang xem xét trùng lặp');
      expect(card.querySelector('.badge.passed, .badge.failed')).toBeNull();
      expect(rowOf('hocvien17')?.querySelector('.badge.passed')?.textContent?.trim()).toBe('Đạt');
    });
  });
});
