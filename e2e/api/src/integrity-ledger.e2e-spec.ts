import { LedgerService } from '@thuchoc/integrity/api';
import { ChainBreak, ChainVerification } from '@thuchoc/integrity/contracts';
import { OrgUnitKind, Role } from '@thuchoc/identity/contracts';
import { randomUUID } from 'node:crypto';
import { bearer, login, makeUnit, makeUser, startTestApp, TestApp, waitFor } from './support/test-app';

describe('integrity ledger', () => {
  let t: TestApp;
  let ledger: LedgerService;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    ledger = t.app.get(LedgerService);
  });
  afterAll(() => t.close());

  const newChain = () => `test:${randomUUID()}`;
  const record = (chain: string, n: number, reason = 'Lý do') =>
    t.db.transaction((tx) =>
      ledger.record(tx, {
        chain,
        type: 'test.recorded',
        actorId: null,
        reason,
        subjectIds: { n: String(n) },
        payload: { n },
      }),
    );
  const sealedCount = (chain: string) =>
    waitFor(async () => {
      const verification = await ledger.verify(chain);
      return verification.unsealedEntries === 0 ? verification : undefined;
    });

  it('chains recorded entries through the sealing job, in order', async () => {
    const chain = newChain();
    const ids = [await record(chain, 1), await record(chain, 2), await record(chain, 3)];
    const verification = await sealedCount(chain);
    expect(verification).toMatchObject({ sealedEntries: 3, isIntact: true, firstBrokenEntryId: null });
    const entries = await ledger.entries(chain);
    expect(entries.map((e) => [e.id, e.seq])).toEqual([
      [ids[0], 1],
      [ids[1], 2],
      [ids[2], 3],
    ]);
    expect(entries[0].reason).toBe('Lý do');
  });

  it('gives concurrent writers one gap-free chain', async () => {
    const chain = newChain();
    await Promise.all(Array.from({ length: 20 }, (_, i) => record(chain, i)));
    const verification = await sealedCount(chain);
    expect(verification).toMatchObject({ sealedEntries: 20, isIntact: true });
    expect((await ledger.entries(chain)).map((e) => e.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('keeps nothing of a rolled-back transaction', async () => {
    const chain = newChain();
    await expect(
      t.db.transaction(async (tx) => {
        await ledger.record(tx, { chain, type: 'test.recorded', actorId: null });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await ledger.entries(chain)).toEqual([]);
    expect(await t.db.query(`SELECT 1 FROM outbox_events WHERE payload->>'chain' = $1`, [chain])).toEqual([]);
  });

  it('has the database refuse UPDATE, DELETE and TRUNCATE of ledger rows', async () => {
    const chain = newChain();
    const id = await record(chain, 1);
    await sealedCount(chain);
    for (const sql of [
      `UPDATE ledger_entries SET reason = 'sửa lén' WHERE id = '${id}'`,
      `DELETE FROM ledger_entries WHERE id = '${id}'`,
      `UPDATE ledger_seals SET hash = 'x' WHERE entry_id = '${id}'`,
      `DELETE FROM ledger_seals WHERE entry_id = '${id}'`,
      'TRUNCATE ledger_seals',
    ]) {
      await expect(t.db.query(sql)).rejects.toThrow(/append-only/);
    }
    expect((await ledger.verify(chain)).isIntact).toBe(true);
  });

  it('names the first broken entry when a row is edited behind the application', async () => {
    const chain = newChain();
    const ids = [await record(chain, 1), await record(chain, 2), await record(chain, 3)];
    await sealedCount(chain);
    // A superuser with the triggers switched off: the only way left to edit.
    await t.db.transaction(async (tx) => {
      await tx.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_no_change');
      await tx.query(`UPDATE ledger_entries SET payload = '{"n": 42}' WHERE id = $1`, [ids[1]]);
      await tx.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_no_change');
    });
    expect(await ledger.verify(chain)).toMatchObject({
      isIntact: false,
      firstBrokenEntryId: ids[1],
      firstBrokenSeq: 2,
      breakKind: ChainBreak.ContentChanged,
    });
  });

  it('serves verification to admins only, with the chain key validated', async () => {
    const unit = await makeUnit(t, { kind: OrgUnitKind.Province });
    const admin = await login(t, (await makeUser(t, { orgUnitId: unit.id, roles: [Role.Admin] })).username);
    const learner = await login(t, (await makeUser(t, { orgUnitId: unit.id })).username);
    const chain = newChain();
    await record(chain, 1);
    await sealedCount(chain);
    const response = await t
      .http()
      .post('/api/v1/integrity/ledger/verification')
      .query({ chain })
      .set(bearer(admin))
      .expect(200);
    expect(response.body as ChainVerification).toMatchObject({ chain, sealedEntries: 1, isIntact: true });
    await t
      .http()
      .post('/api/v1/integrity/ledger/verification')
      .query({ chain })
      .set(bearer(learner))
      .expect(403);
    const bad = await t
      .http()
      .post('/api/v1/integrity/ledger/verification')
      .query({ chain: 'no spaces' })
      .set(bearer(admin))
      .expect(400);
    expect(bad.body.errors[0].field).toBe('chain');
  });
});
