import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '@thuchoc/shared/api-core';
import { createMailTransport, MAIL_TRANSPORT } from './email/mail-transport';
import { NotificationEmailsProcessor } from './email/notification-emails.processor';
import { NotificationEmailsService } from './email/notification-emails.service';
import { IdentityEventsProcessor } from './identity-events.processor';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notifications, written by queue processors from domain events, and their e-mails when SMTP is configured. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    IdentityEventsProcessor,
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: createMailTransport },
    NotificationEmailsService,
    NotificationEmailsProcessor,
  ],
  exports: [NotificationsService],
})
export class NotificationsApiModule {}
