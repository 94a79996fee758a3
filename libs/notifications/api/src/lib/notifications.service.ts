import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, notFound, OutboxService } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import {
  EmailRequestedPayload,
  NOTIFICATIONS_QUEUE,
  NotificationKind,
  NotificationsEventType,
} from '@thuchoc/notifications/contracts';
import { DataSource } from 'typeorm';
import { isEmailedKind } from './email/notification-email';
import { Notification } from './notification.entity';

const INSERT_NOTIFICATIONS = `INSERT INTO notifications (event_id, user_id, kind, params)
  SELECT $1, u, $3, $4 FROM unnest($2::uuid[]) AS u
  ON CONFLICT (event_id, user_id) DO NOTHING`;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Idempotent on (event, user): a redelivered job inserts nothing. */
  notify(
    eventId: string,
    userId: string,
    kind: NotificationKind,
    params: Record<string, string> = {},
  ): Promise<void> {
    return this.notifyMany(eventId, [userId], kind, params);
  }

  /**
   * One notification for each user; idempotent on (event, user). When SMTP is
   * configured and the kind warrants an e-mail, the rows and the event asking
   * for their e-mails commit together, so neither is ever written without the
   * other, and a redelivery, inserting nothing, asks for nothing again.
   */
  async notifyMany(
    eventId: string,
    userIds: readonly string[],
    kind: NotificationKind,
    params: Record<string, string> = {},
  ): Promise<void> {
    if (userIds.length === 0) return;
    const values = [eventId, userIds, kind, JSON.stringify(params)];
    if (this.config.smtpUrl === null || !isEmailedKind(kind)) {
      await this.dataSource.query(INSERT_NOTIFICATIONS, values);
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      const toEmail: { id: string }[] = await manager.query(
        `WITH inserted AS (${INSERT_NOTIFICATIONS} RETURNING id, user_id)
         SELECT i.id FROM inserted i JOIN users u ON u.id = i.user_id
          WHERE u.email IS NOT NULL AND u.is_active
          ORDER BY i.id`,
        values,
      );
      if (toEmail.length === 0) return;
      const payload: EmailRequestedPayload = { notificationIds: toEmail.map((row) => row.id) };
      await this.outbox.publish(manager, {
        type: NotificationsEventType.EmailRequested,
        queue: NOTIFICATIONS_QUEUE,
        payload: { ...payload },
      });
    });
  }

  async listFor(userId: string, page: number, pageSize: number): Promise<Page<Notification>> {
    const [items, total] = await this.dataSource.manager.findAndCount(Notification, {
      where: { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'coalesce(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    if (result.affected === 0) throw notFound('notification.not-found', 'No such notification.');
  }
}
