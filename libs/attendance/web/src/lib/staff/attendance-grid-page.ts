import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AttendanceGridRow, AttendancePolicy, ManualMarkResponse } from '@thuchoc/attendance/contracts';
import { narrowScreen } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AttendanceAccess } from '../attendance-access';
import { AttendanceStatusBadge } from '../components/attendance-status-badge';
import {
  CELL_STATUSES,
  GridRowView,
  cellStatus,
  cellTestId,
  roundPercent,
} from '../data-access/attendance-grid';
import { AttendanceGridStore } from '../data-access/attendance-grid.store';
import { CellDialog, CellDialogAction, CellDialogData } from './cell-dialog';
import { MarkDialog, MarkDialogData } from './mark-dialog';
import { PolicyDialog, PolicyDialogData } from './policy-dialog';

/**
 * `…/classes/:classId/attendance`: learners × sessions, each cell a coloured
 * status that opens its evidence; per learner the sessions attended, the
 * absences and a warning; manual marking for staff and lecturers; the class's
 * attendance rules. On a phone each learner is a card.
 */
@Component({
  selector: 'th-attendance-grid-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    AttendanceStatusBadge,
  ],
  providers: [AttendanceGridStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendance-grid-page.html',
  styleUrl: './attendance-grid-page.scss',
})
export class AttendanceGridPage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** From the route. */
  readonly classId = input.required<string>();
  /** From the route's data. */
  readonly access = input<AttendanceAccess>('auditor');

  protected readonly store = inject(AttendanceGridStore);
  protected readonly isNarrow = narrowScreen();
  protected readonly canMark = computed(() => this.access() !== 'auditor');
  protected readonly canRunSessions = computed(() => this.access() !== 'auditor');
  protected readonly seesFlags = computed(() => this.access() !== 'lecturer');
  protected readonly legend = CELL_STATUSES;
  protected readonly cellStatus = cellStatus;
  protected readonly cellTestId = cellTestId;
  protected readonly roundPercent = roundPercent;
  /** Learners ticked for a manual mark, by user id. */
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly isAllSelected = computed(
    () => this.store.rows().length > 0 && this.selected().size === this.store.rows().length,
  );

  constructor() {
    effect(() => {
      const classId = this.classId();
      untracked(() => {
        this.selected.set(new Set());
        this.store.load(classId);
      });
    });
  }

  protected toggle(userId: string): void {
    this.selected.update((selected) => {
      const next = new Set(selected);
      if (!next.delete(userId)) next.add(userId);
      return next;
    });
  }

  protected toggleAll(): void {
    this.selected.set(
      this.isAllSelected() ? new Set() : new Set(this.store.rows().map((view) => view.row.userId)),
    );
  }

  protected markSelected(): void {
    const rows = this.store.rows().filter((view) => this.selected().has(view.row.userId));
    this.mark(
      rows.map((view) => view.row),
      null,
    );
  }

  protected openCell(view: GridRowView, sessionIndex: number): void {
    const grid = this.store.grid.value();
    if (grid === null) return;
    const session = grid.sessions[sessionIndex];
    this.dialog
      .open<CellDialog, CellDialogData, CellDialogAction>(CellDialog, {
        data: {
          row: view.row,
          session,
          sessionNumber: sessionIndex + 1,
          cell: view.cells[sessionIndex],
          canMark: this.canMark(),
          canRunSession: this.canRunSessions(),
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((action) => {
        if (action === 'mark') this.mark([view.row], session.id);
        if (action === 'console')
          void this.router.navigate(['../../../sessions', session.id], { relativeTo: this.route });
      });
  }

  protected openPolicy(): void {
    this.dialog
      .open<PolicyDialog, PolicyDialogData, AttendancePolicy>(PolicyDialog, {
        data: {
          load: () => this.store.policy(),
          save: this.access() === 'staff' ? (policy) => this.store.updatePolicy(policy) : null,
        },
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved !== undefined) this.notify('attendance.policy.saved');
      });
  }

  private mark(rows: readonly AttendanceGridRow[], sessionId: string | null): void {
    const grid = this.store.grid.value();
    if (grid === null || rows.length === 0) return;
    this.dialog
      .open<MarkDialog, MarkDialogData, ManualMarkResponse>(MarkDialog, {
        data: {
          sessions: grid.sessions,
          learners: rows,
          sessionId,
          submit: (id, request) => this.store.mark(id, request),
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((answer) => {
        if (answer === undefined) return;
        this.selected.set(new Set());
        const messages = [this.transloco.translate('attendance.mark.done', { count: answer.marked })];
        if (answer.flagsRaised > 0)
          messages.push(
            this.transloco.translate('attendance.mark.flagsRaised', { count: answer.flagsRaised }),
          );
        this.snackBar.open(messages.join(' '), undefined, { duration: 6000 });
      });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
