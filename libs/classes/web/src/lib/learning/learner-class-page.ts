import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ClassStatus,
  EnrollmentStatus,
  MyClassDetailResponse,
  MyClassResponse,
} from '@thuchoc/classes/contracts';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LearnerClassStore } from '../data-access/learning-learner.store';
import { ClassHeader } from './class-header';
import { EnrollmentStatusBadge } from './enrollment-status';
import { SessionSchedule } from './session-schedule';
import { WithdrawDialog, WithdrawDialogData } from './withdraw-dialog';

/** A learner may leave while their place is still live and the class has not ended. */
const WITHDRAWABLE_ENROLLMENTS: readonly EnrollmentStatus[] = [
  EnrollmentStatus.Pending,
  EnrollmentStatus.Active,
  EnrollmentStatus.Waitlisted,
];
const ENDED_CLASSES: readonly ClassStatus[] = [ClassStatus.Closed, ClassStatus.Archived];
/** Lessons open once the learner has a place; the server sends none before. */
const LESSON_ENROLLMENTS: readonly EnrollmentStatus[] = [
  EnrollmentStatus.Active,
  EnrollmentStatus.Completed,
  EnrollmentStatus.Failed,
];

/** `/learner/classes/:classId`: the class, its schedule and its lessons; leaving it. */
@Component({
  selector: 'th-learner-class-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ErrorAlert,
    ClassHeader,
    EnrollmentStatusBadge,
    SessionSchedule,
  ],
  providers: [LearnerClassStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './learner-class-page.html',
  styleUrl: './learner-class-page.scss',
})
export class LearnerClassPage {
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** From the route. */
  readonly classId = input.required<string>();

  protected readonly store = inject(LearnerClassStore);
  protected readonly canWithdraw = computed(() => {
    const detail = this.store.detail.value();
    return (
      detail !== null &&
      WITHDRAWABLE_ENROLLMENTS.includes(detail.enrollment.enrollmentStatus) &&
      !ENDED_CLASSES.includes(detail.class.status)
    );
  });

  protected readonly seesLessons = computed(() => {
    const status = this.store.detail.value()?.enrollment.enrollmentStatus;
    return status !== undefined && LESSON_ENROLLMENTS.includes(status);
  });

  constructor() {
    effect(() => {
      const classId = this.classId();
      untracked(() => this.store.load(classId));
    });
  }

  protected withdraw(detail: MyClassDetailResponse): void {
    this.dialog
      .open<WithdrawDialog, WithdrawDialogData, MyClassResponse>(WithdrawDialog, {
        data: { classId: detail.class.id, classTitle: detail.class.title },
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((enrollment) => {
        if (enrollment === undefined) return;
        this.snackBar.open(
          this.transloco.translate('learning.withdraw.done', { title: detail.class.title }),
          undefined,
          { duration: 4000 },
        );
        void this.router.navigate(['..'], { relativeTo: this.route });
      });
  }
}
