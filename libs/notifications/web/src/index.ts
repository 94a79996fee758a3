export * from './lib/components/notification-panel';
export * from './lib/notifications.translations';
