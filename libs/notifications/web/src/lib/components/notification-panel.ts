import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { NotificationsStore } from '../data-access/notifications.store';

const KNOWN_KINDS: readonly string[] = Object.values(NotificationKind);

/** The user's notifications, unread ones marked, each one markable as read. */
@Component({
  selector: 'th-notification-panel',
  imports: [
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [NotificationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-panel.html',
  styleUrl: './notification-panel.scss',
})
export class NotificationPanel implements OnInit {
  protected readonly store = inject(NotificationsStore);

  ngOnInit(): void {
    this.store.load();
  }

  /** Translation key prefix for a kind; a kind this build does not know yet gets a generic text. */
  protected kindKey(kind: string): string {
    return `notifications.kinds.${KNOWN_KINDS.includes(kind) ? kind : 'other'}`;
  }
}
