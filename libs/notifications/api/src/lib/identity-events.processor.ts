import { Injectable } from '@nestjs/common';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import { IDENTITY_EVENTS_QUEUE, IdentityEventType, UserEventPayload } from '@thuchoc/identity/contracts';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { NotificationsService } from './notifications.service';

type EventJobData = UserEventPayload & { eventId: string };

const KIND_BY_EVENT: Partial<Record<string, NotificationKind>> = {
  [IdentityEventType.UserCreated]: NotificationKind.Welcome,
  [IdentityEventType.PasswordChanged]: NotificationKind.PasswordChanged,
  [IdentityEventType.RefreshTokenReused]: NotificationKind.SessionsRevoked,
};

/** Turns identity events into the user's security and welcome notifications. */
@Injectable()
@ProcessorFor(IDENTITY_EVENTS_QUEUE)
export class IdentityEventsProcessor implements JobProcessor<EventJobData> {
  constructor(private readonly notifications: NotificationsService) {}

  async handle(job: JobEnvelope<EventJobData>): Promise<void> {
    const kind = KIND_BY_EVENT[job.name];
    if (!kind || !job.data.userId) return;
    await this.notifications.notify(job.id, job.data.userId, kind);
  }
}
