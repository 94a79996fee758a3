import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { ClassResponse, ClassSessionResponse, ClassStatus } from '@thuchoc/classes/contracts';
import { narrowScreen, ProblemMessages } from '@thuchoc/shared/web-core';
import { ConfirmDialog, ConfirmDialogData, ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { filter, switchMap } from 'rxjs';
import { CalendarMonth, initialMonth, monthOfKey } from '../data-access/classes-calendar';
import { ClassSessionsStore } from '../data-access/classes-sessions.store';
import { vietnamDateKey } from '../data-access/classes-time';
import { SessionDialog, SessionDialogData } from './session-dialog';
import { SessionMonthCalendar } from './session-month-calendar';

/** A closed or archived class's schedule is history. */
const FROZEN: readonly ClassStatus[] = [ClassStatus.Closed, ClassStatus.Archived];

/** The schedule tab: a month calendar (list only on a phone), the session list and the iCal feed. */
@Component({
  selector: 'th-class-sessions',
  imports: [
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ErrorAlert,
    SessionMonthCalendar,
  ],
  providers: [ClassSessionsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-sessions.html',
  styleUrl: './class-sessions.scss',
})
export class ClassSessions implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly clipboard = inject(Clipboard);
  private readonly injector = inject(Injector);

  readonly detail = input.required<ClassResponse>();
  readonly isReadOnly = input(false);

  protected readonly store = inject(ClassSessionsStore);
  protected readonly todayKey = vietnamDateKey(new Date());
  protected readonly month = signal<CalendarMonth | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly canEdit = computed(() => !this.isReadOnly() && !FROZEN.includes(this.detail().status));
  /** Below 720 px a month grid is unreadable: the list alone. */
  protected readonly isNarrow = narrowScreen();

  constructor() {
    // Open the calendar on the month of the next session once the schedule is known.
    effect(() => {
      const sessions = this.store.sessions();
      if (sessions !== null && this.month() === null) this.month.set(initialMonth(sessions, new Date()));
    });
  }

  ngOnInit(): void {
    this.store.load(this.detail().id);
    // The feed's token is a credential: staff only.
    if (!this.isReadOnly()) this.store.loadCalendar(this.detail().id);
  }

  protected openDialog(session: ClassSessionResponse | null, day: string | null = null): void {
    if (!this.canEdit()) return;
    this.dialog
      .open<SessionDialog, SessionDialogData, ClassSessionResponse>(SessionDialog, {
        data: { session, day, lecturers: this.detail().lecturers },
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved === undefined) return;
        // Show the month the session now lies in.
        this.month.set(monthOfKey(vietnamDateKey(saved.startsAt)));
        this.notify(session === null ? 'classes.sessions.created' : 'classes.sessions.updated');
      });
  }

  protected remove(session: ClassSessionResponse): void {
    this.actionError.set(null);
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          message: this.transloco.translate('classes.sessions.deleteConfirm', { title: session.title }),
          confirmLabel: 'classes.sessions.delete',
        },
      })
      .afterClosed()
      .pipe(
        filter((isConfirmed) => isConfirmed === true),
        switchMap(() => this.store.delete(session.id)),
      )
      .subscribe({
        next: () => this.notify('classes.sessions.deleted'),
        error: (error: unknown) => this.actionError.set(this.problems.describe(error).message),
      });
  }

  protected copyCalendarUrl(url: string): void {
    if (this.clipboard.copy(url)) this.notify('classes.sessions.ical.copied');
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
