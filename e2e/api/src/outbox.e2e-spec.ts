import { createWorker } from '@thuchoc/app/server';
import { OrgUnitKind, Role } from '@thuchoc/identity/contracts';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { JOB_QUEUE, JobQueue, loadConfig, OutboxRelay } from '@thuchoc/shared/api-core';
import { testEnvironment } from '@thuchoc/shared/api-testing';
import { e2eDatabaseUrl, makeUnit, makeUser, startTestApp, TestApp, waitFor } from './support/test-app';

const notificationsOf = (t: TestApp, userId: string) =>
  t.db.query(`SELECT kind, event_id FROM notifications WHERE user_id = $1`, [userId]) as Promise<
    { kind: string; event_id: string }[]
  >;

describe('outbox: events survive a dead Redis and are handled once', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The api runs against a Redis that is down for the whole test.
    t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => t.close());

  it('still commits changes while Redis is down, reports not ready, and keeps their events', async () => {
    const unit = await makeUnit(t, { kind: OrgUnitKind.Ward });
    const user = await makeUser(t, { orgUnitId: unit.id, roles: [Role.Learner] });
    const ready = await t.http().get('/api/health/ready').expect(503);
    expect(ready.body.details.redis.status).toBe('down');

    const pending = await t.db.query(
      `SELECT id FROM outbox_events WHERE type = 'identity.user-created' AND payload->>'userId' = $1 AND relayed_at IS NULL`,
      [user.id],
    );
    expect(pending).toHaveLength(1);
    expect(await notificationsOf(t, user.id)).toEqual([]);

    // A worker with a live Redis comes up: the waiting event is relayed and handled.
    const worker = await createWorker(loadConfig(testEnvironment(e2eDatabaseUrl())));
    try {
      const rows = await waitFor(async () => {
        const found = await notificationsOf(t, user.id);
        return found.length > 0 ? found : undefined;
      });
      expect(rows).toEqual([{ kind: NotificationKind.Welcome, event_id: pending[0].id }]);

      // Relaying the same event again (a relay that died after enqueueing) changes nothing.
      await worker
        .get<JobQueue>(JOB_QUEUE)
        .add(
          'identity-events',
          'identity.user-created',
          { eventId: pending[0].id, userId: user.id },
          { jobId: pending[0].id },
        );
      await worker.get(OutboxRelay).drain();
      expect(await notificationsOf(t, user.id)).toHaveLength(1);
      const relayed = await t.db.query('SELECT relayed_at FROM outbox_events WHERE id = $1', [pending[0].id]);
      expect(relayed[0].relayed_at).not.toBeNull();
    } finally {
      await worker.close();
    }
  });

  it('relays again an event whose relay died after claiming it, once the lease ends', async () => {
    const unit = await makeUnit(t, { kind: OrgUnitKind.Ward });
    const user = await makeUser(t, { orgUnitId: unit.id });
    // As a relay that claimed the event and was killed before enqueueing it leaves it.
    // (An UPDATE answers [rows, affected count] through the driver.)
    const [, claimed] = await t.db.query(
      `UPDATE outbox_events SET claimed_until = now() - interval '1 second', relay_attempts = 1
        WHERE type = 'identity.user-created' AND payload->>'userId' = $1`,
      [user.id],
    );
    expect(claimed).toBe(1);
    const worker = await createWorker(loadConfig(testEnvironment(e2eDatabaseUrl())));
    try {
      await waitFor(async () => ((await notificationsOf(t, user.id)).length === 1 ? true : undefined));
      const [row] = await t.db.query(
        "SELECT relay_attempts, relayed_at FROM outbox_events WHERE payload->>'userId' = $1",
        [user.id],
      );
      expect(row.relay_attempts).toBe(2);
      expect(row.relayed_at).not.toBeNull();
    } finally {
      await worker.close();
    }
  });

  it('answers Redis-dependent calls quickly with 503 or degrades, never hangs', async () => {
    const unit = await makeUnit(t, { kind: OrgUnitKind.Ward });
    const user = await makeUser(t, { orgUnitId: unit.id });
    // Login throttling falls back to per-process counting while Redis is down.
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: user.username, password: 'wrong-password-x' });
    expect([401, 503]).toContain(response.status);
  });
});
