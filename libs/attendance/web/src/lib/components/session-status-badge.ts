import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { SessionStatus } from '@thuchoc/attendance/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** A session's status (not started, live, ended, final) as a small label. */
@Component({
  selector: 'th-session-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'status-' + status()" data-testid="session-status">{{
    'attendance.sessionStatuses.' + status() | transloco
  }}</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .status-live {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .status-closed,
    .status-finalised {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SessionStatusBadge {
  readonly status = input.required<SessionStatus>();
}
