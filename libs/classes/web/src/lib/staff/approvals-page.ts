import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { OpeningApprovalResponse } from '@thuchoc/classes/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, ReasonDialog, ReasonDialogData } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OpeningApprovalsStore } from '../data-access/classes-approvals.store';
import { OpeningApprovalDetails } from './opening-approval-details';
import { REASON_MIN_LENGTH } from './reason-length';

/** Requests to open classes below their rules: a parent unit's staff approve or reject them, with a reason. */
@Component({
  selector: 'th-approvals-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    OpeningApprovalDetails,
  ],
  providers: [OpeningApprovalsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approvals-page.html',
  styleUrl: './approvals-page.scss',
})
export class ApprovalsPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly store = inject(OpeningApprovalsStore);

  ngOnInit(): void {
    this.store.load();
  }

  protected decide(approval: OpeningApprovalResponse, isApproved: boolean): void {
    this.dialog
      .open<
        ReasonDialog<OpeningApprovalResponse>,
        ReasonDialogData<OpeningApprovalResponse>,
        OpeningApprovalResponse
      >(ReasonDialog, {
        data: {
          title: isApproved ? 'classes.approvals.approveTitle' : 'classes.approvals.rejectTitle',
          message: this.transloco.translate('classes.approvals.classLabel', {
            code: approval.classCode,
            title: approval.classTitle,
          }),
          submitLabel: isApproved ? 'classes.approvals.approve' : 'classes.approvals.reject',
          reasonLabel: 'classes.reason.label',
          optionalReasonLabel: 'classes.reason.optional',
          minLength: REASON_MIN_LENGTH,
          submission: (form) => new FormSubmission(form),
          isReasonRequired: true,
          submit: (reason) => this.store.decide(approval.id, { isApproved, reason: reason ?? '' }),
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((decided) => {
        if (decided === undefined) return;
        const key = isApproved ? 'classes.approvals.approved' : 'classes.approvals.rejected';
        this.snackBar.open(this.transloco.translate(key, { code: decided.classCode }), undefined, {
          duration: 4000,
        });
      });
  }
}
