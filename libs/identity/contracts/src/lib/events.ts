/** Queue carrying identity events (security notices, audit fan-out). */
export const IDENTITY_EVENTS_QUEUE = 'identity-events';

export enum IdentityEventType {
  UserCreated = 'identity.user-created',
  PasswordChanged = 'identity.password-changed',
  RefreshTokenReused = 'identity.refresh-token-reused',
  UserDeactivated = 'identity.user-deactivated',
  OrgUnitMerged = 'identity.org-unit-merged',
}

export interface UserEventPayload {
  userId: string;
}

export interface OrgUnitMergedPayload {
  sourceId: string;
  targetId: string;
  actorId: string;
}
