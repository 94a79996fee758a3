import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, OnInit, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  CLASS_TRANSITIONS,
  ClassResponse,
  ClassStatus,
  ClassTransitionResponse,
  UpdateClassRequest,
} from '@thuchoc/classes/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ReasonDialog, ReasonDialogData } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ClassDetailStore } from '../data-access/classes-detail.store';
import { formatVietnamDay } from '../data-access/classes-time';
import { ClassDialog, ClassDialogData } from './class-dialog';
import { OpeningApprovalDetails } from './opening-approval-details';
import { REASON_MIN_LENGTH } from './reason-length';

/** The lifecycle in order, for the step display. */
const LIFECYCLE: readonly ClassStatus[] = [
  ClassStatus.Draft,
  ClassStatus.Open,
  ClassStatus.Running,
  ClassStatus.Closed,
  ClassStatus.Archived,
];

/** A class that has ended keeps its record as it was. */
const FROZEN: readonly ClassStatus[] = [ClassStatus.Closed, ClassStatus.Archived];

/** The class at a glance: lifecycle and its next step, opening approval, sizes, rules and details. */
@Component({
  selector: 'th-class-overview',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatIconModule, TranslocoPipe, OpeningApprovalDetails],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-overview.html',
  styleUrl: './class-overview.scss',
})
export class ClassOverview implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);

  readonly detail = input.required<ClassResponse>();
  readonly isReadOnly = input(false);

  protected readonly store = inject(ClassDetailStore);
  protected readonly steps = computed(() => {
    const current = LIFECYCLE.indexOf(this.detail().status);
    return LIFECYCLE.map((status, index) => ({
      status,
      isDone: index < current,
      isCurrent: index === current,
    }));
  });
  /** The one step the class can take next, if any. */
  protected readonly nextStatus = computed<ClassStatus | null>(
    () => CLASS_TRANSITIONS[this.detail().status][0] ?? null,
  );
  protected readonly isEditable = computed(() => !FROZEN.includes(this.detail().status));
  protected readonly lecturerNames = computed(() =>
    this.detail()
      .lecturers.map((lecturer) => lecturer.fullName)
      .join(', '),
  );
  protected readonly day = formatVietnamDay;
  protected readonly isBelowMinimum = computed(() => this.detail().activeCount < this.detail().minSize);

  ngOnInit(): void {
    if (!this.isReadOnly()) this.store.loadPendingApproval();
  }

  protected transition(to: ClassStatus): void {
    const detail = this.detail();
    const isOpening = to === ClassStatus.Open;
    const message = [this.transloco.translate(`classes.transition.message.${to}`)];
    if (isOpening) {
      message.push(
        this.isBelowMinimum()
          ? this.transloco.translate('classes.transition.belowMinimum', {
              active: detail.activeCount,
              min: detail.minSize,
            })
          : this.transloco.translate('classes.transition.mayNeedApproval'),
      );
    }
    this.dialog
      .open<
        ReasonDialog<ClassTransitionResponse>,
        ReasonDialogData<ClassTransitionResponse>,
        ClassTransitionResponse
      >(ReasonDialog, {
        data: {
          title: `classes.transition.title.${to}`,
          message: message.join(' '),
          submitLabel: `classes.overview.nextAction.${to}`,
          reasonLabel: 'classes.reason.label',
          optionalReasonLabel: 'classes.reason.optional',
          minLength: REASON_MIN_LENGTH,
          submission: (form) => new FormSubmission(form),
          isReasonRequired: isOpening && this.isBelowMinimum(),
          submit: (reason) => this.store.transition({ to, reason }),
        },
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((answer) => {
        if (answer === undefined) return;
        this.notify(
          answer.approval === null ? `classes.overview.done.${to}` : 'classes.overview.awaitingApproval',
        );
      });
  }

  protected edit(): void {
    this.dialog
      .open<ClassDialog, ClassDialogData, ClassResponse>(ClassDialog, {
        data: { detail: this.detail(), save: (request: UpdateClassRequest) => this.store.update(request) },
        injector: this.injector,
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved !== undefined) this.notify('classes.overview.updated');
      });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
