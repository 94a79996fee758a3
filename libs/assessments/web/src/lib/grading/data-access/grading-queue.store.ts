import { Injectable, inject, signal } from '@angular/core';
import {
  GradingQueueItem,
  GradingQueueStatus,
  SimilarityFlagStatus,
  SimilarityFlagSummary,
} from '@thuchoc/assessments/contracts';
import { ClassSummary } from '@thuchoc/classes/contracts';
import { PagedList, RemoteValue } from '@thuchoc/shared/web-core';
import { Observable, forkJoin, map } from 'rxjs';
import { GradingApi } from './grading-api';

/** The flags tab's filter: the API lists one status at a time; `all` asks for both. */
export type FlagStatusFilter = SimilarityFlagStatus | 'all';

export interface QueueFilter {
  status: GradingQueueStatus;
}

/** Both lists merged, newest first as the API orders each. */
export const newestFirst = (flags: readonly SimilarityFlagSummary[]): SimilarityFlagSummary[] =>
  [...flags].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || a.id.localeCompare(b.id));

/**
 * One class's grading queue (attempts with essays, oldest submission first,
 * awaiting grading by default) and its similarity flags (open by default).
 */
@Injectable()
export class GradingQueueStore {
  private readonly api = inject(GradingApi);
  private readonly currentClassId = signal<string | null>(null);

  readonly queue = new PagedList<QueueFilter, GradingQueueItem>(
    ({ filter, page, pageSize }) => this.api.queue(this.classId(), { status: filter.status, page, pageSize }),
    { status: GradingQueueStatus.AwaitingGrading },
  );
  readonly flags = new RemoteValue<SimilarityFlagSummary[]>();
  readonly flagStatus = signal<FlagStatusFilter>(SimilarityFlagStatus.Open);
  /** The class's code and title, for the heading only. */
  readonly classInfo = new RemoteValue<ClassSummary>();

  open(classId: string, { isLecturer }: { isLecturer: boolean }): void {
    this.currentClassId.set(classId);
    this.classInfo.reset();
    this.classInfo.load(this.api.classSummary(classId, isLecturer));
    this.queue.search({ status: GradingQueueStatus.AwaitingGrading });
    this.flags.reset();
    this.loadFlags();
  }

  filterQueue(status: GradingQueueStatus): void {
    this.queue.search({ status });
  }

  goToPage(pageIndex: number, pageSize: number): void {
    this.queue.goToPage(pageIndex, pageSize);
  }

  filterFlags(status: FlagStatusFilter): void {
    this.flagStatus.set(status);
    this.loadFlags();
  }

  /** Both lists again, e.g. to see a flag the similarity job raised since. */
  reload(): void {
    this.queue.load();
    this.loadFlags();
  }

  private loadFlags(): void {
    this.flags.load(this.fetchFlags(this.flagStatus()));
  }

  private fetchFlags(status: FlagStatusFilter): Observable<SimilarityFlagSummary[]> {
    const classId = this.classId();
    if (status !== 'all') return this.api.flags(classId, status);
    return forkJoin([
      this.api.flags(classId, SimilarityFlagStatus.Open),
      this.api.flags(classId, SimilarityFlagStatus.Resolved),
    ]).pipe(map(([open, resolved]) => newestFirst([...open, ...resolved])));
  }

  private classId(): string {
    const id = this.currentClassId();
    if (id === null) throw new Error('No class is open');
    return id;
  }
}
