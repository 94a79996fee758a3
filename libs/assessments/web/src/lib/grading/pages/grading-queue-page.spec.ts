import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { AttemptStatus } from '@thuchoc/assessments/contracts';
import { auditorGradingRoutes, lecturerGradingRoutes } from '../grading.routes';
import {
  CLASS_ID,
  makeFlag,
  makeGrade,
  makeQueueItem,
  provideGradingTesting,
  queuePage,
} from '../testing/grading-factories';
import { GradingQueuePage } from './grading-queue-page';

const QUEUE = `/api/v1/classes/${CLASS_ID}/grading-queue`;
const FLAGS = `/api/v1/classes/${CLASS_ID}/similarity-flags`;
const FLAGGED = makeQueueItem({ openSimilarityFlagIds: ['flag-1'] });
const GRADED = makeQueueItem({
  attemptId: 'attempt-2',
  username: 'hocvien16',
  status: AttemptStatus.Graded,
  score: 8.22,
  grade: makeGrade(),
});

describe(GradingQueuePage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string, root: ParentNode = page()) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const allByTestId = (id: string) =>
    Array.from(page().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));

  async function open(url: string, items = [FLAGGED, GRADED]): Promise<void> {
    await harness.navigateByUrl(url, GradingQueuePage);
    backend.match((request) => request.url.endsWith(`/${CLASS_ID}`)).forEach((request) => request.flush({}));
    backend.expectOne((request) => request.url === QUEUE).flush(queuePage(items, 1, 20));
    backend.expectOne((request) => request.url === FLAGS).flush([makeFlag()]);
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

  it('lists the attempts with their status, score and a warning linked to each open flag', async () => {
    await open(`/lecturer/classes/${CLASS_ID}/grading`);

    const [flagged, graded] = allByTestId('queue-item');
    expect(flagged.textContent).toContain('Đỗ Thị Giang');
    expect(flagged.textContent).toContain('Trắc nghiệm 1/1 điểm');
    expect(byTestId('queue-item-flag', flagged)?.getAttribute('href')).toBe(
      '/lecturer/similarity-flags/flag-1',
    );
    expect(byTestId('queue-item-open', flagged)?.textContent).toContain('Chấm bài');
    expect(byTestId('queue-item-open', flagged)?.getAttribute('href')).toBe(
      `/lecturer/classes/${CLASS_ID}/grading/attempt-1`,
    );
    expect(byTestId('queue-item-score', graded)?.textContent).toContain('Điểm 8,22/10');
    expect(byTestId('queue-item-open', graded)?.textContent).toContain('Xem bài chấm');
  });

  it('says so when nothing awaits grading', async () => {
    await open(`/lecturer/classes/${CLASS_ID}/grading`, []);

    expect(byTestId('queue-empty')?.textContent).toContain('Không còn bài tự luận nào chờ chấm.');
  });

  it('opens on the flags tab from the query string, with the score as a percentage', async () => {
    await open(`/auditor/classes/${CLASS_ID}/grading?tab=flags`);

    const flag = byTestId('flag-item');
    expect(flag?.textContent).toContain('62%');
    expect(flag?.textContent).toContain('Hoàng Minh Sơn');
    expect(flag?.textContent).toContain('Huỳnh Ngọc An');
    expect(byTestId('flag-open', flag ?? page())?.getAttribute('href')).toBe(
      '/auditor/similarity-flags/flag-1',
    );
    expect(byTestId('grading-read-only')).not.toBeNull();
  });
});
