import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { AttendanceSession, SessionStatus } from '@thuchoc/attendance/contracts';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { ConfirmDialog, ConfirmDialogData, ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, filter } from 'rxjs';
import { SessionStatusBadge } from '../components/session-status-badge';
import { SessionTime } from '../components/session-time';
import { presenceMinutes } from '../data-access/attendance-grid';
import { qrImageUrl } from '../data-access/check-in-code';
import { clock, secondsUntil } from '../data-access/countdown';
import { SessionConsoleStore } from '../data-access/session-console.store';

/**
 * `…/sessions/:sessionId` for a lecturer or centre staff: opens the session,
 * shows the rotating check-in code and its QR code large enough for a room,
 * follows who is present, fires attention checks and ends the session.
 */
@Component({
  selector: 'th-session-console-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    SessionStatusBadge,
    SessionTime,
  ],
  providers: [SessionConsoleStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './session-console-page.html',
  styleUrl: './session-console-page.scss',
})
export class SessionConsolePage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly now = clock();

  /** From the route. */
  readonly sessionId = input.required<string>();

  protected readonly store = inject(SessionConsoleStore);
  protected readonly statuses = SessionStatus;
  protected readonly isBusy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly secondsToRotation = computed(() => {
    const at = this.store.codeRefreshAt();
    return at === null ? null : secondsUntil(at, this.now());
  });
  protected readonly qrUrl = computed(() => {
    const code = this.store.code();
    return code === null ? null : qrImageUrl(code.qrSvg);
  });
  protected readonly minutes = presenceMinutes;

  constructor() {
    effect(() => {
      const sessionId = this.sessionId();
      untracked(() => this.store.load(sessionId));
    });
  }

  protected open(): void {
    this.run(this.store.open(), () => this.notify('attendance.console.opened'));
  }

  protected fireAttentionCheck(): void {
    this.run(this.store.fireAttentionCheck(), (check) =>
      this.notify('attendance.console.checks.fired', { count: check.recipients }),
    );
  }

  protected close(session: AttendanceSession): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          message: this.transloco.translate('attendance.console.closeConfirm', { title: session.title }),
          confirmLabel: 'attendance.console.close',
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((isConfirmed) => isConfirmed === true))
      .subscribe(() => this.run(this.store.close(), () => this.notify('attendance.console.closed')));
  }

  private run<T>(action: Observable<T>, done: (value: T) => void): void {
    this.isBusy.set(true);
    this.actionError.set(null);
    action.subscribe({
      next: (value) => {
        this.isBusy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.isBusy.set(false);
        this.actionError.set(this.problems.describe(error).message);
      },
    });
  }

  private notify(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 4000 });
  }
}
