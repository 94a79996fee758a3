import { IdentityEventType } from '@thuchoc/identity/contracts';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { IdentityEventsProcessor } from './identity-events.processor';
import { NotificationsService } from './notifications.service';

describe(IdentityEventsProcessor.name, () => {
  const sent: unknown[][] = [];
  const processor = new IdentityEventsProcessor({
    notify: async (...args: unknown[]) => void sent.push(args),
  } as unknown as NotificationsService);
  beforeEach(() => (sent.length = 0));

  const job = (name: string, userId = 'u1') => ({
    id: 'event-1',
    queue: 'identity-events',
    name,
    data: { eventId: 'event-1', userId },
    attempt: 1,
  });

  it.each([
    [IdentityEventType.UserCreated, NotificationKind.Welcome],
    [IdentityEventType.PasswordChanged, NotificationKind.PasswordChanged],
    [IdentityEventType.RefreshTokenReused, NotificationKind.SessionsRevoked],
  ])('notifies the user of %s, keyed by the event id', async (event, kind) => {
    await processor.handle(job(event));
    expect(sent).toEqual([['event-1', 'u1', kind]]);
  });

  it('ignores events that concern no one personally', async () => {
    await processor.handle(job(IdentityEventType.OrgUnitMerged));
    await processor.handle(job(IdentityEventType.UserDeactivated));
    expect(sent).toEqual([]);
  });
});
