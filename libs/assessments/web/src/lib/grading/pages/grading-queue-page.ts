import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import {
  AttemptStatus,
  GradingQueueItem,
  GradingQueueStatus,
  SimilarityFlagStatus,
} from '@thuchoc/assessments/contracts';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { PointsPipe } from '../components/points.pipe';
import { SimilarityFlagCard } from '../components/similarity-flag-card';
import { essayPointsPossible } from '../data-access/grade-preview';
import { FlagStatusFilter, GradingQueueStore } from '../data-access/grading-queue.store';
import { GradingAccess, areaPath, canGrade } from '../grading-access';

type Tab = 'queue' | 'flags';
const TABS: readonly Tab[] = ['queue', 'flags'];
const QUEUE_STATUSES: readonly GradingQueueStatus[] = Object.values(GradingQueueStatus);
const FLAG_STATUSES: readonly FlagStatusFilter[] = [...Object.values(SimilarityFlagStatus), 'all'];

/**
 * `…/classes/:classId/grading`: the class's attempts with essays (awaiting
 * grading first, oldest submission first) with their open similarity flags,
 * and on a second tab the class's similarity flags. Auditors read both.
 */
@Component({
  selector: 'th-grading-queue-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTabsModule,
    TranslocoPipe,
    ErrorAlert,
    PointsPipe,
    SimilarityFlagCard,
  ],
  providers: [GradingQueueStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grading-queue-page.html',
  styleUrl: './grading-queue-page.scss',
})
export class GradingQueuePage {
  private readonly router = inject(Router);

  /** From the route's `:classId`. */
  readonly classId = input.required<string>();
  /** From the route's data. */
  readonly access = input<GradingAccess>('lecturer');
  /** From the query string: which tab is shown (`flags`, else the essays). */
  readonly tab = input<string>();

  protected readonly store = inject(GradingQueueStore);
  protected readonly queue = this.store.queue;
  protected readonly canGrade = computed(() => canGrade(this.access()));
  protected readonly area = computed(() => areaPath(this.access()));
  protected readonly tabIndex = computed(() => Math.max(0, TABS.indexOf(this.tab() as Tab)));
  protected readonly queueStatuses = QUEUE_STATUSES;
  protected readonly flagStatuses = FLAG_STATUSES;
  protected readonly awaiting = AttemptStatus.AwaitingGrading;
  protected readonly awaitingFilter = GradingQueueStatus.AwaitingGrading;

  constructor() {
    effect(() => {
      const classId = this.classId();
      const isLecturer = this.access() === 'lecturer';
      untracked(() => this.store.open(classId, { isLecturer }));
    });
  }

  protected selectTab(index: number): void {
    const tab = TABS[index] ?? 'queue';
    void this.router.navigate([], {
      queryParams: { tab: tab === 'queue' ? null : tab },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected filterQueue(status: GradingQueueStatus): void {
    this.store.filterQueue(status);
  }

  protected filterFlags(status: FlagStatusFilter): void {
    this.store.filterFlags(status);
  }

  protected changePage(event: PageEvent): void {
    this.store.goToPage(event.pageIndex, event.pageSize);
  }

  protected objectivePossible(item: GradingQueueItem): number {
    return Math.round((item.pointsPossible - essayPointsPossible(item.essays)) * 100) / 100;
  }

  protected hasObjective(item: GradingQueueItem): boolean {
    return this.objectivePossible(item) > 0;
  }

  protected essayPoints(item: GradingQueueItem): number {
    return essayPointsPossible(item.essays);
  }
}
