import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { of } from 'rxjs';
import { CLASS_ID, CLASS_INFO, QUIZ_AREAS, makeQuiz, provideQuizzesTesting } from '../testing/quiz-fixtures';
import { QuizListPage } from './quiz-list-page';

const QUIZZES_URL = `/api/v1/classes/${CLASS_ID}/quizzes`;
const QUIZZES = [
  makeQuiz({ isPublished: true, hasAttempts: true }),
  makeQuiz({
    id: 'quiz-2',
    title: 'Kiểm tra cuối khoá',
    isFinal: true,
    questionCount: 20,
    timeLimitMinutes: 60,
  }),
];

describe(QuizListPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => page().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const links = () =>
    Array.from(page().querySelectorAll<HTMLAnchorElement>('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);

  async function open(url: string, classRequest: string): Promise<void> {
    await harness.navigateByUrl(url, QuizListPage);
    await harness.fixture.whenStable();
    const info = classRequest.endsWith('/me/teaching') ? [CLASS_INFO] : CLASS_INFO;
    backend.expectOne(classRequest).flush(info);
    backend.expectOne(QUIZZES_URL).flush(QUIZZES);
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

  afterEach(() => backend.verify());

  describe('on a desktop', () => {
    beforeEach(async () => {
      setUp();
      harness = await RouterTestingHarness.create();
    });

    it('lists the class’s quizzes with their window, limit, questions and state, and lets staff create one', async () => {
      await open(`/centre/classes/${CLASS_ID}/quizzes`, `/api/v1/classes/${CLASS_ID}`);

      expect(byTestId('quiz-class')?.textContent).toContain('DVM-2026-01');
      const rows = page().querySelectorAll('[data-testid="quiz"]');
      expect(rows).toHaveLength(2);
      const first = rows[0].textContent ?? '';
      expect(first).toContain('Kiểm tra giữa khoá');
      expect(first).toContain('02/03/2026 08:00');
      expect(first).toContain('09/03/2026 08:00');
      expect(first).toContain('30 phút');
      expect(first).toContain('Đã công bố');
      expect(first).toContain('Đã có lượt làm');
      const second = rows[1].textContent ?? '';
      expect(second).toContain('Bản nháp');
      expect(second).toContain('Kiểm tra cuối khoá');
      expect(second).toContain('Chưa có lượt làm');

      expect(byTestId('quiz-create')?.getAttribute('href')).toBe(`/centre/classes/${CLASS_ID}/quizzes/new`);
      expect(byTestId('back-to-class')?.getAttribute('href')).toBe(`/centre/classes/${CLASS_ID}`);
      expect(links()).toContainEqual(['Sửa', '/centre/quizzes/quiz-1']);
      expect(links()).toContainEqual(['Kết quả', '/centre/quizzes/quiz-2/results']);
      expect(byTestId('quizzes-read-only')).toBeNull();
    });

    it('finds a lecturer’s class among the classes they teach', async () => {
      await open(`/lecturer/classes/${CLASS_ID}/quizzes`, '/api/v1/me/teaching');

      expect(byTestId('quiz-class')?.textContent).toContain('Lớp bồi dưỡng đảng viên mới');
      expect(byTestId('quiz-create')).not.toBeNull();
      expect(links()).toContainEqual(['Kết quả', '/lecturer/quizzes/quiz-1/results']);
    });

    it('shows an auditor the quizzes to read, without creating or editing', async () => {
      await open(`/auditor/classes/${CLASS_ID}/quizzes`, `/api/v1/classes/${CLASS_ID}`);

      expect(byTestId('quizzes-read-only')?.textContent).toContain('chỉ có quyền xem');
      expect(byTestId('quiz-create')).toBeNull();
      expect(links()).toContainEqual(['Xem', '/auditor/quizzes/quiz-1']);
      expect(links().some(([text]) => text === 'Sửa')).toBe(false);
    });

    it('says when the class has no quiz', async () => {
      await harness.navigateByUrl(`/centre/classes/${CLASS_ID}/quizzes`, QuizListPage);
      await harness.fixture.whenStable();
      backend.expectOne(`/api/v1/classes/${CLASS_ID}`).flush(CLASS_INFO);
      backend.expectOne(QUIZZES_URL).flush([]);
      await harness.fixture.whenStable();

      expect(byTestId('quizzes-empty')?.textContent).toContain('Lớp chưa có bài kiểm tra nào.');
    });
  });

  describe('on a phone', () => {
    beforeEach(async () => {
      setUp(true);
      harness = await RouterTestingHarness.create();
    });

    it('shows one card per quiz', async () => {
      await open(`/centre/classes/${CLASS_ID}/quizzes`, `/api/v1/classes/${CLASS_ID}`);

      expect(byTestId('quizzes-table')).toBeNull();
      const cards = byTestId('quizzes-cards')?.querySelectorAll('[data-testid="quiz"]');
      expect(cards).toHaveLength(2);
      expect(cards?.[1].textContent).toContain('Kiểm tra cuối khoá');
      expect(cards?.[1].textContent).toContain('20 câu');
    });
  });
});
