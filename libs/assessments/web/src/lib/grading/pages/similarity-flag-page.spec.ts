import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { SimilarityFlagStatus, SimilarityOutcome } from '@thuchoc/assessments/contracts';
import { auditorGradingRoutes, lecturerGradingRoutes } from '../grading.routes';
import { FLAG_ID, makeFlag, problem, provideGradingTesting } from '../testing/grading-factories';
import { SimilarityFlagPage } from './similarity-flag-page';

const FLAG = `/api/v1/similarity-flags/${FLAG_ID}`;

describe(SimilarityFlagPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string, root: ParentNode = page()) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function open(area: 'lecturer' | 'auditor', flag = makeFlag()): Promise<void> {
    await harness.navigateByUrl(`/${area}/similarity-flags/${FLAG_ID}`, SimilarityFlagPage);
    backend.expectOne(FLAG).flush(flag);
    await harness.fixture.whenStable();
  }

  async function resolveWith(button: string, reason: string): Promise<void> {
    byTestId(button)?.click();
    await harness.fixture.whenStable();
    const field = document.querySelector<HTMLTextAreaElement>('[data-testid="reason-input"]');
    if (field === null) throw new Error('No reason field');
    field.value = reason;
    field.dispatchEvent(new Event('input'));
    document.querySelector<HTMLElement>('[data-testid="reason-submit"]')?.click();
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

  it('shows both essays whole, the shared passage highlighted with one number on both sides, and the score', async () => {
    await open('lecturer');

    expect(byTestId('flag-score')?.textContent).toContain('62% đoạn văn trùng');
    const [a, b] = [byTestId('flag-side-a'), byTestId('flag-side-b')];
    expect(a?.textContent).toContain('Bài của Hoàng Minh Sơn');
    expect(b?.textContent).toContain('Bài của Huỳnh Ngọc An');
    expect(byTestId('flag-essay', a ?? page())?.textContent).toBe(
      '1Chi bộ ấp Bàu Sen vận động bà con.\n\nXã Tân Phú làm đường.',
    );
    const marks = [byTestId('passage', a ?? page()), byTestId('passage', b ?? page())];
    expect(marks.map((mark) => mark?.getAttribute('data-passage'))).toEqual(['1', '1']);
    expect(marks.map((mark) => mark?.id)).toEqual(['passage-a-1', 'passage-b-1']);
    expect(marks[1]?.textContent).toBe('1Chi bộ ấp Bàu Sen vận động bà con.');
  });

  it('takes the focus to the matching passage on the other side', async () => {
    await open('lecturer');
    const other = document.getElementById('passage-b-1');
    if (other === null) throw new Error('No passage on side b');
    other.scrollIntoView = jest.fn();

    document.getElementById('passage-a-1')?.click();
    await harness.fixture.whenStable();

    expect(other.scrollIntoView).toHaveBeenCalled();
    expect(document.activeElement).toBe(other);
    expect(other.classList).toContain('active');
  });

  it('resolves the flag as a confirmed copy with a reason, then shows the decision', async () => {
    await open('lecturer');

    await resolveWith('flag-confirm-copy', 'Chép nguyên văn.');
    const post = backend.expectOne(`${FLAG}/resolution`);
    expect(post.request.body).toEqual({
      outcome: SimilarityOutcome.ConfirmedCopy,
      reason: 'Chép nguyên văn.',
    });
    post.flush(
      makeFlag({
        status: SimilarityFlagStatus.Resolved,
        outcome: SimilarityOutcome.ConfirmedCopy,
        resolutionReason: 'Chép nguyên văn.',
        resolvedAt: '2026-03-01T05:00:00.000Z',
      }),
    );
    await harness.fixture.whenStable();

    expect(byTestId('flag-outcome')?.textContent).toContain('Xác nhận sao chép');
    expect(byTestId('flag-reason')?.textContent).toContain('Chép nguyên văn.');
    expect(byTestId('flag-decide')).toBeNull();
  });

  it('shows the decision someone else made first', async () => {
    await open('lecturer');

    await resolveWith('flag-false-positive', 'Trích dẫn văn kiện.');
    backend
      .expectOne(`${FLAG}/resolution`)
      .flush(problem(409, 'similarity-flag.resolved'), { status: 409, statusText: 'Conflict' });
    backend.expectOne(FLAG).flush(
      makeFlag({
        status: SimilarityFlagStatus.Resolved,
        outcome: SimilarityOutcome.FalsePositive,
        resolutionReason: 'Đã xem.',
      }),
    );
    await harness.fixture.whenStable();

    expect(document.querySelector('mat-dialog-container [role="alert"]')?.textContent).toContain(
      'đã được kết luận trước đó',
    );
    expect(byTestId('flag-outcome')?.textContent).toContain('Không phải sao chép');
  });

  it('lets auditors read but not decide', async () => {
    await open('auditor');

    expect(byTestId('flag-decide')).toBeNull();
    expect(byTestId('passage')).not.toBeNull();
  });
});
