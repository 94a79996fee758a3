import { Injectable, computed, inject, signal } from '@angular/core';
import { NotificationResponse } from '@thuchoc/notifications/contracts';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { NotificationsApi } from './notifications-api';

const NOTIFICATIONS_PAGE_SIZE = 20;

/** The signed-in user's latest in-app notifications and which of them are still unread. */
@Injectable()
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly problems = inject(ProblemMessages);

  readonly items = signal<NotificationResponse[]>([]);
  readonly total = signal(0);
  readonly isLoading = signal(false);
  readonly error = signal<string | null>(null);
  readonly unreadCount = computed(() => this.items().filter((item) => item.readAt === null).length);

  load(): void {
    this.isLoading.set(true);
    this.error.set(null);
    this.api.list(1, NOTIFICATIONS_PAGE_SIZE).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.isLoading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problems.describe(error).message);
        this.isLoading.set(false);
      },
    });
  }

  markRead(notification: NotificationResponse): void {
    this.error.set(null);
    this.api.markRead(notification.id).subscribe({
      next: () => {
        const readAt = new Date().toISOString();
        this.items.update((items) =>
          items.map((item) => (item.id === notification.id ? { ...item, readAt } : item)),
        );
      },
      error: (error: unknown) => this.error.set(this.problems.describe(error).message),
    });
  }
}
