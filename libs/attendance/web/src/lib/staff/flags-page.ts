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
import { IntegrityFlagKind, IntegrityFlagResponse, IntegrityFlagStatus } from '@thuchoc/integrity/contracts';
import { FormSubmission } from '@thuchoc/shared/web-core';
import { ErrorAlert, ReasonDialog, ReasonDialogData } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AttendanceAccess } from '../attendance-access';
import { flagDetails } from '../data-access/flag-details';
import { IntegrityFlagsStore } from '../data-access/integrity-flags.store';

const KNOWN_KINDS: readonly string[] = Object.values(IntegrityFlagKind);

/**
 * `…/flags`: integrity flags in plain words, the learners concerned and the
 * facts behind each; centre staff resolve one with a reason, auditors read.
 */
@Component({
  selector: 'th-flags-page',
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
  providers: [IntegrityFlagsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './flags-page.html',
  styleUrl: './flags-page.scss',
})
export class FlagsPage {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** From the route's data. */
  readonly access = input<AttendanceAccess>('auditor');
  /** From the query string: only this class's flags. */
  readonly classId = input<string>();

  protected readonly store = inject(IntegrityFlagsStore);
  protected readonly list = this.store.list;
  protected readonly statuses = Object.values(IntegrityFlagStatus);
  protected readonly open = IntegrityFlagStatus.Open;
  protected readonly canResolve = computed(() => this.access() === 'staff');
  protected readonly details = flagDetails;

  constructor() {
    effect(() => {
      const classId = this.classId() ?? null;
      untracked(() => this.list.search({ ...this.list.filter(), classId }));
    });
  }

  protected isKnownKind(kind: string): boolean {
    return KNOWN_KINDS.includes(kind);
  }

  /** A detail's label when the app knows the key, else the key itself. */
  protected detailLabel(key: string): string {
    const labelKey = `attendance.flags.detailKeys.${key}`;
    return labelKey in this.transloco.getTranslation(this.transloco.getActiveLang())
      ? this.transloco.translate(labelKey)
      : key;
  }

  protected filterByStatus(value: IntegrityFlagStatus | ''): void {
    this.list.search({ ...this.list.filter(), status: value === '' ? null : value });
  }

  protected changePage(event: PageEvent): void {
    this.list.goToPage(event.pageIndex, event.pageSize);
  }

  protected resolve(flag: IntegrityFlagResponse): void {
    this.dialog
      .open<
        ReasonDialog<IntegrityFlagResponse>,
        ReasonDialogData<IntegrityFlagResponse>,
        IntegrityFlagResponse
      >(ReasonDialog, {
        data: {
          title: 'attendance.flags.resolveTitle',
          message: this.transloco.translate('attendance.flags.resolveMessage'),
          submitLabel: 'attendance.flags.resolve',
          reasonLabel: 'attendance.reason.label',
          isReasonRequired: true,
          submission: (form) => new FormSubmission(form),
          submit: (reason) => this.store.resolve(flag.id, reason ?? ''),
        },
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((resolved) => {
        if (resolved !== undefined)
          this.snackBar.open(this.transloco.translate('attendance.flags.resolved'), undefined, {
            duration: 4000,
          });
      });
  }
}
