import { Injectable } from '@nestjs/common';
import { notFound } from '@thuchoc/shared/api-core';
import { Page } from '@thuchoc/shared/contracts';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { DataSource } from 'typeorm';
import { Notification } from './notification.entity';

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent on (event, user): a redelivered job inserts nothing. */
  async notify(
    eventId: string,
    userId: string,
    kind: NotificationKind,
    params: Record<string, string> = {},
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notifications (event_id, user_id, kind, params) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id, user_id) DO NOTHING`,
      [eventId, userId, kind, JSON.stringify(params)],
    );
  }

  /** One notification for each user, in one statement; idempotent on (event, user) like `notify`. */
  async notifyMany(
    eventId: string,
    userIds: readonly string[],
    kind: NotificationKind,
    params: Record<string, string> = {},
  ): Promise<void> {
    if (userIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO notifications (event_id, user_id, kind, params)
       SELECT $1, u, $3, $4 FROM unnest($2::uuid[]) AS u
       ON CONFLICT (event_id, user_id) DO NOTHING`,
      [eventId, userIds, kind, JSON.stringify(params)],
    );
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
