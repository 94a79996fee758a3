import {
  ChangeDetectionStrategy,
  Component,
  booleanAttribute,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { ClassDetailStore } from '../data-access/classes-detail.store';
import { ClassHistory } from './class-history';
import { ClassImport } from './class-import';
import { ClassOverview } from './class-overview';
import { ClassRoster } from './class-roster';
import { ClassSessions } from './class-sessions';
import { ClassStatusBadge } from './class-status-badge';

export const CLASS_TABS = ['overview', 'sessions', 'roster', 'import', 'history'] as const;
export type ClassTab = (typeof CLASS_TABS)[number];

/** Tabs an auditor sees: everything but the import, which changes the roster. */
const READ_ONLY_TABS: readonly ClassTab[] = CLASS_TABS.filter((tab) => tab !== 'import');

/** A class with its tabs; the open tab is kept in the URL (`?tab=`), so a reload or a shared link keeps it. */
@Component({
  selector: 'th-class-detail-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    TranslocoPipe,
    ErrorAlert,
    ClassStatusBadge,
    ClassOverview,
    ClassSessions,
    ClassRoster,
    ClassImport,
    ClassHistory,
  ],
  providers: [ClassDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-detail-page.html',
  styleUrl: './class-detail-page.scss',
})
export class ClassDetailPage {
  /** From the route's path. */
  readonly classId = input.required<string>();
  /** From the query string. */
  readonly tab = input<string | undefined>();
  /** From the route's data: the auditor's view has no actions. */
  readonly isReadOnly = input(false, { transform: booleanAttribute });

  protected readonly store = inject(ClassDetailStore);
  protected readonly tabs = computed(() => (this.isReadOnly() ? READ_ONLY_TABS : CLASS_TABS));
  protected readonly activeTab = computed<ClassTab>(
    () => this.tabs().find((tab) => tab === this.tab()) ?? 'overview',
  );

  constructor() {
    effect(() => {
      const id = this.classId();
      untracked(() => this.store.load(id));
    });
  }
}
