export enum NotificationKind {
  Welcome = 'welcome',
  PasswordChanged = 'password-changed',
  SessionsRevoked = 'sessions-revoked',
  /** Params: `classTitle`. */
  ClassEnrolled = 'class-enrolled',
  /** Params: `classTitle`. */
  ClassRequestApproved = 'class-request-approved',
  /** Params: `classTitle`. */
  ClassPromoted = 'class-promoted',
  /** One more absence breaks the class's attendance rule. Params: `classTitle`, `learnerName`, `absences`, `allowed`. */
  AbsenceNear = 'absence-near',
  /** The attendance rule is broken. Params as for AbsenceNear. */
  AbsenceCrossed = 'absence-crossed',
}

/** An in-app notification. Title and body are i18n keys plus parameters, so each reader sees their language. */
export interface NotificationResponse {
  id: string;
  kind: NotificationKind;
  params: Record<string, string>;
  createdAt: string;
  readAt: string | null;
}

export const NOTIFICATIONS_QUEUE = 'notifications';

export enum NotificationsEventType {
  /** Notifications were written that warrant an e-mail; a job sends them through SMTP. */
  EmailRequested = 'notifications.email-requested',
}

export interface EmailRequestedPayload {
  notificationIds: string[];
}
