export * from './lib/notifications-api.module';
export * from './lib/notifications.service';
export { NotificationEmailsService } from './lib/email/notification-emails.service';
