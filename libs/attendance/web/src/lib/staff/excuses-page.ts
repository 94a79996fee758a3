import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { ExcuseResponse, ExcuseStatus } from '@thuchoc/attendance/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, ReasonDialog, ReasonDialogData } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AttendanceAccess } from '../attendance-access';
import { AttachmentDownload } from '../components/attachment-download';
import { ExcusesStore } from '../data-access/excuses.store';

type Decision = ExcuseStatus.Approved | ExcuseStatus.Rejected;

/**
 * `…/excuses`: learners' excuses, waiting ones first, filtered by status (and
 * by class when opened from a class's grid); approving or rejecting one needs
 * a reason; the supporting document downloads with the bearer token.
 */
@Component({
  selector: 'th-excuses-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [ExcusesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './excuses-page.html',
  styleUrl: './excuses-page.scss',
})
export class ExcusesPage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** From the route's data. */
  readonly access = input<AttendanceAccess>('auditor');
  /** From the query string: only this class's excuses. */
  readonly classId = input<string>();

  protected readonly store = inject(ExcusesStore);
  protected readonly list = this.store.list;
  protected readonly download = new AttachmentDownload();
  protected readonly statuses = Object.values(ExcuseStatus);
  protected readonly pending = ExcuseStatus.Pending;
  protected readonly approved = ExcuseStatus.Approved;
  protected readonly rejected = ExcuseStatus.Rejected;
  protected readonly canDecide = computed(() => this.access() !== 'auditor');

  constructor() {
    effect(() => {
      const classId = this.classId() ?? null;
      untracked(() => this.list.search({ ...this.list.filter(), classId }));
    });
  }

  protected filterByStatus(value: ExcuseStatus | ''): void {
    this.list.search({ ...this.list.filter(), status: value === '' ? null : value });
  }

  protected changePage(event: PageEvent): void {
    this.list.goToPage(event.pageIndex, event.pageSize);
  }

  protected downloadAttachment(excuse: ExcuseResponse): void {
    if (excuse.attachment === null) return;
    this.download.start(excuse.id, excuse.attachment.fileName, this.store.attachment(excuse.id));
  }

  protected decide(excuse: ExcuseResponse, decision: Decision): void {
    const isApproval = decision === ExcuseStatus.Approved;
    this.dialog
      .open<ReasonDialog<ExcuseResponse>, ReasonDialogData<ExcuseResponse>, ExcuseResponse>(ReasonDialog, {
        data: {
          title: isApproval ? 'attendance.excuses.approveTitle' : 'attendance.excuses.rejectTitle',
          message: this.transloco.translate('attendance.excuses.decisionMessage', {
            name: excuse.fullName,
            username: excuse.username,
            session: excuse.sessionTitle,
          }),
          submitLabel: isApproval ? 'attendance.excuses.approve' : 'attendance.excuses.reject',
          reasonLabel: 'attendance.reason.label',
          isReasonRequired: true,
          submission: (form) => new FormSubmission(form),
          submit: (reason) => this.store.decide(excuse.id, { decision, reason: reason ?? '' }),
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((decided) => {
        if (decided === undefined) return;
        const key = isApproval ? 'attendance.excuses.approved' : 'attendance.excuses.rejected';
        this.snackBar.open(this.transloco.translate(key, { name: decided.fullName }), undefined, {
          duration: 4000,
        });
      });
  }
}
