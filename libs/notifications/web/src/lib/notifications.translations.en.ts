import type { vi } from './notifications.translations.vi';

export const en: typeof vi = {
  notifications: {
    title: 'Notifications',
    unread: '{{count}} unread',
    unreadLabel: 'Unread:',
    empty: 'You have no notifications yet.',
    markRead: 'Mark as read',
    kinds: {
      welcome: {
        title: 'Welcome to ThucHoc',
        body: 'Your account has been created. Please change your initial password under “My account”.',
      },
      'password-changed': {
        title: 'Your password was changed',
        body: 'The password of your account was just changed. If this was not you, tell an administrator at once.',
      },
      'sessions-revoked': {
        title: 'Your sessions were revoked',
        body: 'An old sign-in token was reused, so your account was signed out on every device. Sign in again and change your password if needed.',
      },
      'class-enrolled': {
        title: 'You were enrolled in a class',
        body: 'You were enrolled in “{{classTitle}}”. See its schedule and lessons under “My classes”.',
      },
      'class-request-approved': {
        title: 'Your request to join was approved',
        body: 'Your request to join “{{classTitle}}” was approved.',
      },
      'class-promoted': {
        title: 'You have a place in the class',
        body: 'A learner withdrew from “{{classTitle}}”, so you moved from the waitlist into the class.',
      },
      'absence-near': {
        title: 'Close to the allowed absences',
        body: '{{learnerName}} has missed {{absences}} of the {{allowed}} sessions allowed in “{{classTitle}}”; one more absence means the class cannot be completed.',
      },
      'absence-crossed': {
        title: 'Allowed absences exceeded',
        body: '{{learnerName}} has missed {{absences}} sessions, more than the {{allowed}} allowed in “{{classTitle}}”, so the class cannot be completed.',
      },
      other: {
        title: 'Notification',
        body: 'You have a new notification.',
      },
    },
  },
  problems: {
    notification: {
      'not-found': 'This notification was not found.',
    },
  },
};
