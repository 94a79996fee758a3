import { AttendanceLedgerType } from '@thuchoc/attendance/contracts';
import { IntegrityFlagsService } from '@thuchoc/attendance/api';
import { ClassSessionResponse, classChain } from '@thuchoc/classes/contracts';
import { TokenPair } from '@thuchoc/identity/contracts';
import { IntegrityFlagKind, IntegrityFlagResponse, IntegrityFlagStatus } from '@thuchoc/integrity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { randomUUID } from 'node:crypto';
import { AttendanceWorld, makeAttendanceWorld, makeSession } from './support/attendance-world';
import { bearer, startTestApp, TestApp, unique } from './support/test-app';

describe('integrity flags', () => {
  let t: TestApp;
  let w: AttendanceWorld;
  let session: ClassSessionResponse;
  let flagId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await makeAttendanceWorld(t, 2);
    session = await makeSession(t, w, { startsInMinutes: -30 });
    const raised = await raise(unique('shared-device'));
    if (raised === null) throw new Error('the flag was not raised');
    flagId = raised;
  });
  afterAll(() => t.close());

  const raise = (dedupeKey: string) =>
    t.app.get(IntegrityFlagsService).raiseNow({
      kind: IntegrityFlagKind.SharedDevice,
      classId: w.klass.id,
      sessionId: session.id,
      // The second learner tried the device the first had checked in with.
      userIds: [w.learners[1].id, w.learners[0].id],
      details: { device: 'a1b2c3d4' },
      dedupeKey,
      raisedBy: null,
    });
  const list = async (tokens: TokenPair, query: Record<string, string> = {}) =>
    (await t.http().get('/api/v1/integrity-flags').query(query).set(bearer(tokens)).expect(200))
      .body as Page<IntegrityFlagResponse>;
  const resolve = (tokens: TokenPair, id: string, body: object) =>
    t.http().post(`/api/v1/integrity-flags/${id}/resolution`).set(bearer(tokens)).send(body);

  it('keeps one flag per dedupe key', async () => {
    const key = unique('shared-ip');
    const first = await raise(key);
    expect(first).not.toBeNull();
    expect(await raise(key)).toBeNull();
    const rows = await t.db.query('SELECT count(*)::int AS n FROM integrity_flags WHERE dedupe_key = $1', [
      key,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('lists the flag, with its learners in order, to staff and auditors of the class’s subtree', async () => {
    for (const tokens of [w.staff, w.auditor]) {
      const page = await list(tokens, { classId: w.klass.id, status: IntegrityFlagStatus.Open });
      const flag = page.items.find((item) => item.id === flagId);
      expect(flag).toMatchObject({
        kind: IntegrityFlagKind.SharedDevice,
        status: IntegrityFlagStatus.Open,
        classId: w.klass.id,
        classCode: w.klass.code,
        sessionId: session.id,
        sessionTitle: session.title,
        users: [
          { id: w.learners[1].id, fullName: w.learners[1].fullName, username: w.learners[1].username },
          { id: w.learners[0].id, fullName: w.learners[0].fullName, username: w.learners[0].username },
        ],
        details: { device: 'a1b2c3d4' },
        raisedByName: null,
        resolvedByName: null,
        resolutionReason: null,
        resolvedAt: null,
      });
    }
  });

  it('lists newest first and pages', async () => {
    const newest = await raise(unique('late-mark'));
    const page = await list(w.staff, { classId: w.klass.id, pageSize: '1' });
    expect(page).toMatchObject({ page: 1, pageSize: 1, total: 3 });
    expect(page.items.map((item) => item.id)).toEqual([newest]);
  });

  it('shows nothing to staff outside the subtree, and nothing to lecturers', async () => {
    expect(await list(w.outsider)).toMatchObject({ items: [], total: 0 });
    const lecturer = await t.http().get('/api/v1/integrity-flags').set(bearer(w.lecturers[0])).expect(403);
    expect(lecturer.body.code).toBe('access.role-required');
  });

  it('requires a reason to resolve, as a field error', async () => {
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(1001) }]) {
      const refused = await resolve(w.staff, flagId, body).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('request.invalid');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
  });

  it('answers 404 outside the scope, for an unknown or malformed id, and 403 to auditors', async () => {
    for (const [tokens, id] of [
      [w.outsider, flagId],
      [w.staff, randomUUID()],
      [w.staff, 'not-a-flag'],
    ] as const) {
      const refused = await resolve(tokens, id, { reason: 'Đã kiểm tra' }).expect(404);
      expect(refused.body.code).toBe('integrity-flag.not-found');
    }
    await resolve(w.auditor, flagId, { reason: 'Đã kiểm tra' }).expect(403);
  });

  it('is resolved once, with the reason, on the class’s ledger', async () => {
    const reason = '  Hai học viên là vợ chồng, dùng chung điện thoại; đã xác minh trực tiếp.  ';
    const resolved = (await resolve(w.staff, flagId, { reason }).expect(200)).body as IntegrityFlagResponse;
    expect(resolved).toMatchObject({
      id: flagId,
      status: IntegrityFlagStatus.Resolved,
      resolvedByName: 'Nguyễn Văn Thử',
      resolutionReason: reason.trim(),
    });
    expect(resolved.resolvedAt).not.toBeNull();
    const twice = await resolve(w.staff, flagId, { reason: 'Lần nữa' }).expect(409);
    expect(twice.body.code).toBe('integrity-flag.resolved');

    const open = await list(w.auditor, { classId: w.klass.id, status: IntegrityFlagStatus.Open });
    expect(open.items.map((item) => item.id)).not.toContain(flagId);
    const done = await list(w.auditor, { classId: w.klass.id, status: IntegrityFlagStatus.Resolved });
    expect(done.items.map((item) => item.id)).toEqual([flagId]);

    const entries = await t.db.query(
      `SELECT type, actor_id, reason, payload FROM ledger_entries
        WHERE chain = $1 AND subject_ids ->> 'flag' = $2 ORDER BY position`,
      [classChain(w.klass.id), flagId],
    );
    expect(entries).toEqual([
      {
        type: AttendanceLedgerType.FlagRaised,
        actor_id: null,
        reason: null,
        payload: {
          kind: IntegrityFlagKind.SharedDevice,
          userIds: [w.learners[1].id, w.learners[0].id],
          device: 'a1b2c3d4',
        },
      },
      {
        type: AttendanceLedgerType.FlagResolved,
        actor_id: w.staffId,
        reason: reason.trim(),
        payload: { kind: IntegrityFlagKind.SharedDevice },
      },
    ]);
  });

  it('refuses a bad list query with field errors', async () => {
    const refused = await t
      .http()
      .get('/api/v1/integrity-flags')
      .query({ status: 'closed', pageSize: '1000' })
      .set(bearer(w.staff))
      .expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'pageSize',
      'status',
    ]);
  });
});
