import { NOTIFICATIONS_QUEUE, NotificationsEventType } from '@thuchoc/notifications/contracts';
import { NotificationEmailsProcessor } from './notification-emails.processor';
import { NotificationEmailsService } from './notification-emails.service';

describe(NotificationEmailsProcessor.name, () => {
  const sent: string[][] = [];
  const processor = new NotificationEmailsProcessor({
    send: async (ids: string[]) => void sent.push(ids),
  } as unknown as NotificationEmailsService);
  beforeEach(() => (sent.length = 0));

  const job = (name: string) => ({
    id: 'event-1',
    queue: NOTIFICATIONS_QUEUE,
    name,
    data: { notificationIds: ['n1', 'n2'] },
    attempt: 1,
  });

  it('e-mails the notifications the event names', async () => {
    await processor.handle(job(NotificationsEventType.EmailRequested));
    expect(sent).toEqual([['n1', 'n2']]);
  });

  it('ignores events it does not know', async () => {
    await processor.handle(job('notifications.something-else'));
    expect(sent).toEqual([]);
  });
});
