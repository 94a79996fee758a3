import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ClassStatus } from '@thuchoc/classes/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** A class's lifecycle status as a small coloured label. */
@Component({
  selector: 'th-class-status-badge',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'status-' + status()" data-testid="class-status">{{
    'classes.statuses.' + status() | transloco
  }}</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      white-space: nowrap;
    }
    .status-open,
    .status-running {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-closed,
    .status-archived {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ClassStatusBadge {
  readonly status = input.required<ClassStatus>();
}
