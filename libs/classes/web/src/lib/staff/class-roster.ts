import { DatePipe, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  computed,
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
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ClassResponse, EnrollmentResponse, EnrollmentStatus } from '@thuchoc/classes/contracts';
import { debouncedSearch, FormSubmission, narrowScreen, ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert, ReasonDialog, ReasonDialogData } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { ClassDetailStore } from '../data-access/classes-detail.store';
import { ClassRosterStore, RosterFilter } from '../data-access/classes-roster.store';
import { EnrollDialog } from './enroll-dialog';
import { REASON_MIN_LENGTH } from './reason-length';

/** The statuses staff filter the roster by, in the order a roster is worked through. */
const FILTER_STATUSES: readonly EnrollmentStatus[] = [
  EnrollmentStatus.Active,
  EnrollmentStatus.Pending,
  EnrollmentStatus.Waitlisted,
  EnrollmentStatus.Withdrawn,
  EnrollmentStatus.Rejected,
  EnrollmentStatus.Completed,
  EnrollmentStatus.Failed,
];

/** Who may be taken out of the class; a pending request is rejected instead. */
const WITHDRAWABLE: readonly EnrollmentStatus[] = [EnrollmentStatus.Active, EnrollmentStatus.Waitlisted];

/** The roster tab: enrollments by status, enrolling one learner, deciding requests and withdrawals. */
@Component({
  selector: 'th-class-roster',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [ClassRosterStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-roster.html',
  styleUrl: './class-roster.scss',
})
export class ClassRoster implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly injector = inject(Injector);
  private readonly detailStore = inject(ClassDetailStore);
  protected readonly search = debouncedSearch((q) => this.applyFilter({ q }));

  readonly detail = input.required<ClassResponse>();
  readonly isReadOnly = input(false);

  protected readonly store = inject(ClassRosterStore);
  protected readonly list = this.store.list;
  protected readonly statuses = FILTER_STATUSES;
  protected readonly pending = EnrollmentStatus.Pending;
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = computed(() =>
    this.isReadOnly()
      ? ['learner', 'unit', 'status', 'requestedAt']
      : ['learner', 'unit', 'status', 'requestedAt', 'actions'],
  );
  protected readonly isNarrow = narrowScreen();

  ngOnInit(): void {
    this.store.load(this.detail().id);
  }

  protected applyFilter(change: Partial<RosterFilter>): void {
    this.list.search({ ...this.list.filter(), ...change });
  }

  protected filterByStatus(value: EnrollmentStatus | ''): void {
    this.applyFilter({ status: value === '' ? null : value });
  }

  protected changePage(event: PageEvent): void {
    this.list.goToPage(event.pageIndex, event.pageSize);
  }

  protected isWithdrawable(enrollment: EnrollmentResponse): boolean {
    return WITHDRAWABLE.includes(enrollment.status);
  }

  protected enroll(): void {
    this.dialog
      .open<EnrollDialog, void, EnrollmentResponse>(EnrollDialog, {
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((enrollment) => {
        if (enrollment === undefined) return;
        this.changed(
          enrollment.status === EnrollmentStatus.Waitlisted
            ? 'classes.roster.enrolledWaitlisted'
            : 'classes.roster.enrolled',
          enrollment,
        );
      });
  }

  protected approve(enrollment: EnrollmentResponse): void {
    this.actionError.set(null);
    this.store.decide(enrollment.id, { isApproved: true }).subscribe({
      next: (decided) => this.changed('classes.roster.approved', decided),
      error: (error: unknown) => this.actionError.set(this.problems.describe(error).message),
    });
  }

  protected reject(enrollment: EnrollmentResponse): void {
    this.askReason(
      'rejectDialog',
      enrollment,
      true,
      (reason) => this.store.decide(enrollment.id, { isApproved: false, reason }),
      'classes.roster.rejected',
    );
  }

  /** The API moves the first waitlisted learner into the freed place; the roster reloads to show it. */
  protected withdraw(enrollment: EnrollmentResponse): void {
    this.askReason(
      'withdrawDialog',
      enrollment,
      true,
      (reason) => this.store.withdraw(enrollment.id, reason ?? ''),
      'classes.roster.withdrawn',
    );
  }

  private askReason(
    dialog: 'rejectDialog' | 'withdrawDialog',
    enrollment: EnrollmentResponse,
    isReasonRequired: boolean,
    submit: (reason: string | undefined) => Observable<EnrollmentResponse>,
    doneKey: string,
  ): void {
    this.actionError.set(null);
    this.dialog
      .open<ReasonDialog<EnrollmentResponse>, ReasonDialogData<EnrollmentResponse>, EnrollmentResponse>(
        ReasonDialog,
        {
          data: {
            title: `classes.roster.${dialog}.title`,
            message: this.transloco.translate(`classes.roster.${dialog}.message`, {
              name: enrollment.fullName,
            }),
            submitLabel: `classes.roster.${dialog}.submit`,
            reasonLabel: 'classes.reason.label',
            optionalReasonLabel: 'classes.reason.optional',
            minLength: REASON_MIN_LENGTH,
            submission: (form) => new FormSubmission(form),
            isReasonRequired,
            submit,
          },
          maxWidth: '95vw',
        },
      )
      .afterClosed()
      .subscribe((changed) => {
        if (changed !== undefined) this.changed(doneKey, changed);
      });
  }

  /** After any change the class's counts moved too. */
  private changed(key: string, enrollment: EnrollmentResponse): void {
    this.detailStore.reload();
    this.snackBar.open(this.transloco.translate(key, { name: enrollment.fullName }), undefined, {
      duration: 4000,
    });
  }
}
