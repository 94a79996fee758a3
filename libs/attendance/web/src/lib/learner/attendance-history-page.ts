import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ExcuseResponse } from '@thuchoc/attendance/contracts';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { AttachmentDownload } from '../components/attachment-download';
import { AttendanceEvidenceView } from '../components/attendance-evidence';
import { AttendanceStatusBadge } from '../components/attendance-status-badge';
import { SessionStatusBadge } from '../components/session-status-badge';
import { SessionTime } from '../components/session-time';
import { AttendanceHistoryStore } from '../data-access/attendance-history.store';

/**
 * `/learner/classes/:classId/attendance`: every session of the class with the
 * learner's status and its evidence, their excuses, and how many absences they
 * have left, with a warning when they are close to or past the limit.
 */
@Component({
  selector: 'th-attendance-history-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    AttendanceEvidenceView,
    AttendanceStatusBadge,
    SessionStatusBadge,
    SessionTime,
  ],
  providers: [AttendanceHistoryStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendance-history-page.html',
  styleUrl: './attendance-history-page.scss',
})
export class AttendanceHistoryPage {
  /** From the route. */
  readonly classId = input.required<string>();

  protected readonly store = inject(AttendanceHistoryStore);
  protected readonly download = new AttachmentDownload();

  constructor() {
    effect(() => {
      const classId = this.classId();
      untracked(() => this.store.load(classId));
    });
  }

  protected downloadAttachment(excuse: ExcuseResponse): void {
    if (excuse.attachment === null) return;
    this.download.start(excuse.id, excuse.attachment.fileName, this.store.excuseAttachment(excuse.id));
  }
}
