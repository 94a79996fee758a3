export * from './lib/notifications-api.module';
export * from './lib/notifications.service';
