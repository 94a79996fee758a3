import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { EnrollmentStatus, MyClassResponse, OpenClassResponse } from '@thuchoc/classes/contracts';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LearnerClassesStore } from '../data-access/learning-learner.store';
import { ClassPeriod } from './class-period';
import { DayTime } from './day-time';
import { EnrollmentStatusBadge } from './enrollment-status';

/** Enrollments whose class page the learner can no longer open. */
const CLOSED_ENROLLMENTS: readonly EnrollmentStatus[] = [
  EnrollmentStatus.Rejected,
  EnrollmentStatus.Withdrawn,
];

/** `/learner/classes`: my classes, the classes open to me, and my calendar feed. */
@Component({
  selector: 'th-learner-classes-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ErrorAlert,
    ClassPeriod,
    DayTime,
    EnrollmentStatusBadge,
  ],
  providers: [LearnerClassesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './learner-classes-page.html',
  styleUrl: './learner-classes-page.scss',
})
export class LearnerClassesPage implements OnInit {
  private readonly clipboard = inject(Clipboard);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);

  protected readonly store = inject(LearnerClassesStore);
  /** The class whose enrollment request is on the wire. */
  protected readonly requestingId = signal<string | null>(null);
  protected readonly requestError = signal<string | null>(null);
  protected readonly calendarUrl = computed(() => this.store.calendar.value()?.url ?? null);
  /** The same feed for the `webcal:` handler, which opens the phone's calendar app directly. */
  protected readonly webcalUrl = computed(() => this.calendarUrl()?.replace(/^https?:/, 'webcal:') ?? null);

  ngOnInit(): void {
    this.store.load();
  }

  protected canOpen(mine: MyClassResponse): boolean {
    return !CLOSED_ENROLLMENTS.includes(mine.enrollmentStatus);
  }

  protected requestEnrollment(openClass: OpenClassResponse): void {
    this.requestingId.set(openClass.id);
    this.requestError.set(null);
    this.store.requestEnrollment(openClass).subscribe({
      next: () => {
        this.requestingId.set(null);
        this.notify('learning.open.requested', { title: openClass.title });
      },
      error: (error: unknown) => {
        this.requestingId.set(null);
        this.requestError.set(this.problems.describe(error).message);
      },
    });
  }

  protected copyCalendarUrl(url: string): void {
    this.notify(this.clipboard.copy(url) ? 'learning.calendar.copied' : 'learning.calendar.copyFailed');
  }

  private notify(key: string, params: Record<string, string> = {}): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 4000 });
  }
}
