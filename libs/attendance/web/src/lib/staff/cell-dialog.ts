import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { AttendanceCell, AttendanceGridRow, AttendanceGridSession } from '@thuchoc/attendance/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { AttendanceEvidenceView } from '../components/attendance-evidence';
import { AttendanceStatusBadge } from '../components/attendance-status-badge';
import { SessionTime } from '../components/session-time';
import { cellStatus } from '../data-access/attendance-grid';

export interface CellDialogData {
  row: AttendanceGridRow;
  session: AttendanceGridSession;
  /** 1-based, as the grid's column heading shows it. */
  sessionNumber: number;
  cell: AttendanceCell | null;
  canMark: boolean;
  canRunSession: boolean;
}

/** What the dialog closes with: mark this learner by hand, or open the session's console. */
export type CellDialogAction = 'mark' | 'console';

/** One grid cell in full: the learner's status in a session and the evidence behind it. */
@Component({
  selector: 'th-cell-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    TranslocoPipe,
    AttendanceEvidenceView,
    AttendanceStatusBadge,
    SessionTime,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.row.fullName }}</h2>
    <mat-dialog-content data-testid="cell-dialog">
      <p class="session">
        <strong>{{ 'attendance.grid.session' | transloco: { number: data.sessionNumber } }}</strong> ·
        {{ data.session.title }}
      </p>
      <p class="muted">
        <th-session-time [startsAt]="data.session.startsAt" [endsAt]="data.session.endsAt" />
      </p>
      <p><th-attendance-status [status]="status" /></p>
      @if (data.cell; as cell) {
        <th-attendance-evidence
          [evidence]="cell.evidence"
          [reason]="cell.reason"
          [markedByName]="cell.isManual ? ('attendance.methods.manual' | transloco) : null"
        />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.canRunSession) {
        <button mat-button type="button" [mat-dialog-close]="'console'" data-testid="cell-console">
          {{ 'attendance.grid.openConsole' | transloco }}
        </button>
      }
      @if (data.canMark) {
        <button mat-stroked-button type="button" [mat-dialog-close]="'mark'" data-testid="cell-mark">
          {{ 'attendance.grid.edit' | transloco }}
        </button>
      }
      <button mat-flat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    mat-dialog-content {
      width: min(480px, 80vw);
    }
    p {
      margin: 0 0 8px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CellDialog {
  protected readonly data = inject<CellDialogData>(MAT_DIALOG_DATA);
  protected readonly status = cellStatus(this.data.cell);
}
