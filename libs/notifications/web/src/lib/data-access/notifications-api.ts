import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { NotificationResponse } from '@thuchoc/notifications/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { API_BASE_URL } from '@thuchoc/shared/web-core';
import { Observable } from 'rxjs';

/** HTTP calls for the signed-in user's own notifications. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/me/notifications`;

  list(page: number, pageSize: number): Observable<Page<NotificationResponse>> {
    return this.http.get<Page<NotificationResponse>>(this.base, { params: { page, pageSize } });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${this.base}/${id}/read`, {});
  }
}
