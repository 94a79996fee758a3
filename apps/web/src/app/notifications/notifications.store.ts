import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { NotificationResponse } from '@thuchoc/notifications/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL, ProblemMessages } from '@thuchoc/shared/web-core';

const NOTIFICATIONS_PAGE_SIZE = 20;

/**
 * The signed-in user's in-app notifications. Kept in the app until a
 * `notifications/web` library exists: identity/web may not import the
 * notifications domain, and only the app may join the two.
 */
@Injectable()
export class NotificationsStore {
  private readonly http = inject(HttpClient);
  private readonly problems = inject(ProblemMessages);
  private readonly base = `${inject(API_BASE_URL)}/me/notifications`;

  readonly items = signal<NotificationResponse[]>([]);
  readonly total = signal(0);
  readonly isLoading = signal(false);
  readonly error = signal<string | null>(null);
  readonly unreadCount = computed(() => this.items().filter((item) => item.readAt === null).length);

  load(): void {
    this.isLoading.set(true);
    this.error.set(null);
    this.http
      .get<Page<NotificationResponse>>(this.base, { params: { page: 1, pageSize: NOTIFICATIONS_PAGE_SIZE } })
      .subscribe({
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
    this.http.post<void>(`${this.base}/${notification.id}/read`, {}).subscribe({
      next: () => {
        const readAt = new Date().toISOString();
        this.items.update((items) => items.map((item) => (item.id === notification.id ? { ...item, readAt } : item)));
      },
      error: (error: unknown) => this.error.set(this.problems.describe(error).message),
    });
  }
}
