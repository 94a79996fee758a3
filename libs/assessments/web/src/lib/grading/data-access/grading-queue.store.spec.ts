import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { GradingQueueStatus, SimilarityFlagStatus } from '@thuchoc/assessments/contracts';
import {
  CLASS_ID,
  makeFlag,
  makeQueueItem,
  provideGradingTesting,
  queuePage,
} from '../testing/grading-factories';
import { GradingQueueStore } from './grading-queue.store';

const QUEUE = `/api/v1/classes/${CLASS_ID}/grading-queue`;
const FLAGS = `/api/v1/classes/${CLASS_ID}/similarity-flags`;

describe(GradingQueueStore.name, () => {
  let store: GradingQueueStore;
  let backend: HttpTestingController;

  function open(isLecturer = true): void {
    store.open(CLASS_ID, { isLecturer });
    backend
      .expectOne(isLecturer ? `/api/v1/me/teaching/${CLASS_ID}` : `/api/v1/classes/${CLASS_ID}`)
      .flush(
        isLecturer
          ? { class: { code: 'DVM-2026-01', title: 'Lớp đảng viên mới' }, sessions: [], roster: [] }
          : { code: 'DVM-2026-01', title: 'Lớp đảng viên mới' },
      );
    backend
      .expectOne(`${QUEUE}?status=awaiting-grading&page=1&pageSize=20`)
      .flush(queuePage([makeQueueItem()], 1, 20));
    backend.expectOne(`${FLAGS}?status=open`).flush([makeFlag()]);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideGradingTesting(), GradingQueueStore] });
    store = TestBed.inject(GradingQueueStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('opens on the attempts awaiting grading, the open flags and the class’s name', () => {
    open();

    expect(store.queue.page()?.items).toHaveLength(1);
    expect(store.flags.value()).toHaveLength(1);
    expect(store.classInfo.value()?.code).toBe('DVM-2026-01');
  });

  it('reads the class as staff and auditors may', () => {
    open(false);

    expect(store.classInfo.value()?.title).toBe('Lớp đảng viên mới');
  });

  it('filters the queue by status from its first page', () => {
    open();
    store.filterQueue(GradingQueueStatus.Graded);

    backend.expectOne(`${QUEUE}?status=graded&page=1&pageSize=20`).flush(queuePage([], 1, 20));
    expect(store.queue.page()?.items).toEqual([]);
  });

  it('asks for open and resolved flags for “all” and merges them newest first', () => {
    open();
    store.filterFlags('all');
    const older = makeFlag({ id: 'older', raisedAt: '2026-03-01T01:00:00.000Z' });
    const newer = makeFlag({
      id: 'newer',
      status: SimilarityFlagStatus.Resolved,
      raisedAt: '2026-03-01T05:00:00.000Z',
    });
    backend.expectOne(`${FLAGS}?status=open`).flush([older]);
    backend.expectOne(`${FLAGS}?status=resolved`).flush([newer]);

    expect(store.flags.value()?.map((flag) => flag.id)).toEqual(['newer', 'older']);
  });

  it('reloads both lists', () => {
    open();
    store.reload();

    backend.expectOne(`${QUEUE}?status=awaiting-grading&page=1&pageSize=20`).flush(queuePage([], 1, 20));
    backend.expectOne(`${FLAGS}?status=open`).flush([]);
    expect(store.flags.value()).toEqual([]);
  });
});
