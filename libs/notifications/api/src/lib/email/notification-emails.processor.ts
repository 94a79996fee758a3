import { Injectable } from '@nestjs/common';
import {
  EmailRequestedPayload,
  NOTIFICATIONS_QUEUE,
  NotificationsEventType,
} from '@thuchoc/notifications/contracts';
import { JobEnvelope, JobProcessor, ProcessorFor } from '@thuchoc/shared/api-core';
import { NotificationEmailsService } from './notification-emails.service';

/** E-mails notifications through SMTP. Safe to run twice: an e-mailed notification is not sent again. */
@Injectable()
@ProcessorFor(NOTIFICATIONS_QUEUE)
export class NotificationEmailsProcessor implements JobProcessor<EmailRequestedPayload> {
  constructor(private readonly emails: NotificationEmailsService) {}

  async handle(job: JobEnvelope<EmailRequestedPayload>): Promise<void> {
    if (job.name !== NotificationsEventType.EmailRequested) return;
    await this.emails.send(job.data.notificationIds);
  }
}
