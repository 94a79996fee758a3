import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { OrgUnitEventType, OrgUnitHistoryEntry, OrgUnitResponse } from '@thuchoc/identity/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

interface HistoryLine {
  id: string;
  occurredAt: string;
  text: string;
  reason: string | null;
}

/** A unit's events, newest first, told as plain sentences. */
@Component({
  selector: 'th-org-unit-history',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length === 0) {
      <p>{{ 'identity.history.empty' | transloco }}</p>
    } @else {
      <ol class="history" data-testid="org-unit-history">
        @for (line of lines(); track line.id) {
          <li>
            <time [attr.datetime]="line.occurredAt">{{ line.occurredAt | date }}</time>
            <span class="text">{{ line.text }}</span>
            @if (line.reason) {
              <span class="reason">{{ 'identity.history.reason' | transloco: { reason: line.reason } }}</span>
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .history {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    time,
    .reason {
      font-size: 0.8125rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OrgUnitHistory {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore).language;

  readonly entries = input.required<readonly OrgUnitHistoryEntry[]>();
  /** Units in scope, to name the parents of a move. */
  readonly unitsById = input.required<ReadonlyMap<string, OrgUnitResponse>>();

  protected readonly lines = computed<HistoryLine[]>(() => {
    this.language(); // re-tell the story in the new language
    return this.entries().map((entry) => ({
      id: entry.id,
      occurredAt: entry.occurredAt,
      text: this.describe(entry),
      reason: entry.reason,
    }));
  });

  private describe(entry: OrgUnitHistoryEntry): string {
    const t = (key: string, params: Record<string, string>) =>
      this.transloco.translate(`identity.history.${key}`, params);
    switch (entry.type) {
      case OrgUnitEventType.Created:
        return t('created', { name: entry.nameAfter ?? entry.nameBefore ?? '' });
      case OrgUnitEventType.Renamed:
        return t('renamed', { before: entry.nameBefore ?? '', after: entry.nameAfter ?? '' });
      case OrgUnitEventType.Moved:
        return t('moved', {
          from: this.parentName(entry.parentBeforeId),
          to: this.parentName(entry.parentAfterId),
        });
      case OrgUnitEventType.MergedInto:
        return t('mergedInto', { other: this.otherName(entry) });
      case OrgUnitEventType.Absorbed:
        return t('absorbed', { other: this.otherName(entry) });
    }
  }

  private parentName(id: string | null): string {
    if (id === null) return this.transloco.translate('identity.history.noParent');
    return this.unitsById().get(id)?.name ?? this.transloco.translate('identity.history.outOfScope');
  }

  private otherName(entry: OrgUnitHistoryEntry): string {
    const id = entry.otherUnitId;
    return (
      entry.otherUnitName ??
      (id === null ? null : this.unitsById().get(id)?.name) ??
      this.transloco.translate('identity.history.outOfScope')
    );
  }
}
