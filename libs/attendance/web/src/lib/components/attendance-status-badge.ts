import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CellStatus } from '../data-access/attendance-grid';

/** An attendance status as a coloured label with its name; `none` until the session is final. */
@Component({
  selector: 'th-attendance-status',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [class]="'status-' + status()" data-testid="attendance-status">{{
    'attendance.statuses.' + status() | transloco
  }}</span>`,
  styleUrl: './attendance-status-badge.scss',
})
export class AttendanceStatusBadge {
  readonly status = input.required<CellStatus>();
}
