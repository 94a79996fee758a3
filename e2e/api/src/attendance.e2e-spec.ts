import {
  AttendanceGrid,
  AttendanceSession,
  AttendanceStatus,
  CheckInCode,
  CheckInResponse,
  HeartbeatResponse,
  LiveRoster,
  MyAttendanceHistory,
  MySessionView,
} from '@thuchoc/attendance/contracts';
import {
  AttendanceSweeper,
  FinalisationService,
  PRESENCE_STORE,
  PresenceStore,
} from '@thuchoc/attendance/api';
import { ClassSessionResponse } from '@thuchoc/classes/contracts';
import { CourseResponse } from '@thuchoc/courses/contracts';
import { generateSync } from 'otplib';
import {
  AttendanceWorld,
  loginOnDevice,
  makeAttendanceWorld,
  makeSession,
  newDeviceKey,
} from './support/attendance-world';
import { makeLearner } from './support/class-world';
import { bearer, login, startTestApp, TestApp, waitFor } from './support/test-app';

describe('live sessions and attendance', () => {
  let t: TestApp;
  let w: AttendanceWorld;
  const lecturer = () => bearer(w.lecturers[0]);
  const learner = (i: number) => bearer(w.learners[i].tokens);
  const api = (path: string) => `/api/v1${path}`;

  const open = async (session: ClassSessionResponse) =>
    (
      await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/open`))
        .set(lecturer())
        .expect(200)
    ).body as AttendanceSession;
  const code = async (sessionId: string) =>
    (
      await t
        .http()
        .get(api(`/attendance/sessions/${sessionId}/check-in-code`))
        .set(lecturer())
        .expect(200)
    ).body as CheckInCode;
  const checkIn = (sessionId: string, headers: Record<string, string>, body: object) =>
    t
      .http()
      .post(api(`/me/attendance/sessions/${sessionId}/check-in`))
      .set(headers)
      .send(body);
  const beat = (sessionId: string, i: number) =>
    t
      .http()
      .post(api(`/me/attendance/sessions/${sessionId}/heartbeats`))
      .set(learner(i));
  const records = (sessionId: string) =>
    t.db.query(
      'SELECT user_id, status, checked_in_at, check_in_method, device_id, is_late, presence_seconds FROM attendance_records WHERE session_id = $1',
      [sessionId],
    ) as Promise<
      {
        user_id: string;
        status: string | null;
        checked_in_at: Date | null;
        check_in_method: string | null;
        device_id: string | null;
        is_late: boolean;
        presence_seconds: number;
      }[]
    >;
  const secretOf = async (sessionId: string) =>
    (
      (await t.db.query('SELECT code_secret FROM class_sessions WHERE id = $1', [sessionId])) as {
        code_secret: string;
      }[]
    )[0].code_secret;

  beforeAll(async () => {
    t = await startTestApp({ worker: true, env: { LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'silent' } });
    w = await makeAttendanceWorld(t, 4);
  });
  afterAll(() => t.close());

  describe('session lifecycle', () => {
    it('opens a scheduled session once, for its lecturer, and never too early', async () => {
      const session = await makeSession(t, w);
      const opened = await open(session);
      expect(opened).toMatchObject({ status: 'live', classId: w.klass.id });
      expect(opened.openedAt).not.toBeNull();

      const again = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/open`))
        .set(lecturer())
        .expect(409);
      expect(again.body.code).toBe('attendance.session-status');
      expect(again.headers['content-type']).toContain('application/problem+json');

      const early = await makeSession(t, w, { startsInMinutes: 120 });
      const tooEarly = await t
        .http()
        .post(api(`/attendance/sessions/${early.id}/open`))
        .set(lecturer())
        .expect(409);
      expect(tooEarly.body.code).toBe('attendance.too-early');
    });

    it('answers 404 to people outside the class and 403 to auditors who try to run it', async () => {
      const session = await makeSession(t, w);
      await t
        .http()
        .get(api(`/attendance/sessions/${session.id}`))
        .set(bearer(w.outsider))
        .expect(404);
      const other = await makeAttendanceWorld(t, 0);
      await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/open`))
        .set(bearer(other.lecturers[0]))
        .expect(404);
      const audit = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/open`))
        .set(bearer(w.auditor))
        .expect(403);
      expect(audit.body.code).toBe('access.role-required');
      await t
        .http()
        .get(api(`/attendance/sessions/${session.id}`))
        .set(bearer(w.auditor))
        .expect(200);
      await t
        .http()
        .get(api(`/attendance/sessions/${session.id}`))
        .set(learner(0))
        .expect(403);
      expect(
        (await t.db.query('SELECT status FROM class_sessions WHERE id = $1', [session.id]))[0].status,
      ).toBe('scheduled');
    });

    it('closes a live session by the clock after its end plus grace, and fires automatic checks when due', async () => {
      const session = await makeSession(t, w);
      await open(session);
      await beat(session.id, 0).expect(200);
      // One automatic check was due a second ago.
      await t.db.query(
        `UPDATE class_sessions SET auto_checks_at = ARRAY[now() - interval '1 second'] WHERE id = $1`,
        [session.id],
      );
      const sweeper = t.worker!.get(AttendanceSweeper);
      await sweeper.sweep();
      await sweeper.sweep();
      const checks = await t.db.query(
        'SELECT is_automatic, (SELECT count(*)::int FROM attention_responses r WHERE r.check_id = c.id) AS recipients FROM attention_checks c WHERE session_id = $1',
        [session.id],
      );
      expect(checks).toEqual([{ is_automatic: true, recipients: 1 }]);

      // The session ended 20 minutes ago; the default grace is 15.
      await t.db.query(
        `UPDATE class_sessions SET starts_at = now() - interval '2 hours', ends_at = now() - interval '20 minutes' WHERE id = $1`,
        [session.id],
      );
      await sweeper.sweep();
      const status = await waitFor(async () => {
        const rows = await t.db.query('SELECT status, closed_by FROM class_sessions WHERE id = $1', [
          session.id,
        ]);
        return rows[0].status === 'finalised' ? rows[0] : undefined;
      });
      expect(status).toEqual({ status: 'finalised', closed_by: null });
    });

    it('shows the lecturer a six-digit code that rotates and a QR code of the check-in link', async () => {
      const session = await makeSession(t, w);
      const notLive = await t
        .http()
        .get(api(`/attendance/sessions/${session.id}/check-in-code`))
        .set(lecturer());
      expect(notLive.status).toBe(409);
      await open(session);
      const shown = await code(session.id);
      expect(shown.code).toMatch(/^\d{6}$/);
      expect(shown.checkInUrl).toContain(`/learner/sessions/${session.id}?code=${shown.code}`);
      expect(shown.qrSvg).toContain('<svg');
      expect(shown.stepSeconds).toBe(30);
      expect(new Date(shown.rotatesAt).getTime()).toBeGreaterThan(Date.now());
      expect(shown.code).toBe(generateSync({ secret: await secretOf(session.id), period: 30 }));
    });
  });

  describe('check-in', () => {
    it('records one check-in per learner, however many times and however concurrently it is sent', async () => {
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      const answers = await Promise.all(
        [0, 1, 2].map(() => checkIn(session.id, learner(0), { code: shown })),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      const first = answers.find((r) => r.status === 201)!.body as CheckInResponse;
      expect(first.isNew).toBe(true);
      expect(first.record.evidence).toMatchObject({ checkInMethod: 'code', isLate: false });
      const repeat = await checkIn(session.id, learner(0), { code: shown, method: 'qr' }).expect(200);
      expect((repeat.body as CheckInResponse).isNew).toBe(false);
      expect((repeat.body as CheckInResponse).record.evidence.checkInMethod).toBe('code');
      const rows = await records(session.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ user_id: w.learners[0].id, check_in_method: 'code' });
      expect(rows[0].device_id).toHaveLength(22);
    });

    it('refuses a wrong or stale code with a clear message and records nothing', async () => {
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      const wrong = String((Number(shown) + 1) % 1_000_000).padStart(6, '0');
      const refused = await checkIn(session.id, learner(1), { code: wrong }).expect(400);
      expect(refused.body).toMatchObject({ code: 'attendance.code-invalid' });
      expect(refused.body.errors[0].field).toBe('code');
      const stale = generateSync({
        secret: await secretOf(session.id),
        period: 30,
        epoch: Math.floor(Date.now() / 1000) - 90,
      });
      expect((await checkIn(session.id, learner(1), { code: stale }).expect(400)).body.code).toBe(
        'attendance.code-invalid',
      );
      const malformed = await checkIn(session.id, learner(1), { code: '12ab' }).expect(400);
      expect(malformed.body.errors[0].field).toBe('code');
      expect(await records(session.id)).toEqual([]);
    });

    it('makes a learner wait after ten wrong codes, even before a right one', async () => {
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      const wrong = String((Number(shown) + 7) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 10; i++) await checkIn(session.id, learner(3), { code: wrong }).expect(400);
      const throttled = await checkIn(session.id, learner(3), { code: shown }).expect(429);
      expect(throttled.body.code).toBe('attendance.too-many-attempts');
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      expect(await records(session.id)).toEqual([]);
    });

    it('refuses a second account on the same device and raises a flag; a shared address is not refused', async () => {
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      await checkIn(session.id, learner(0), { code: shown }).expect(201);
      // Learner 1 signs in on learner 0's browser: same device key.
      const borrowed = await loginOnDevice(t, w.learners[1].username, w.learners[0].deviceKey);
      const refused = await checkIn(session.id, bearer(borrowed), { code: shown }).expect(409);
      expect(refused.body.code).toBe('attendance.device-used');
      expect((await records(session.id)).map((r) => r.user_id)).toEqual([w.learners[0].id]);
      const flags = await t.db.query(
        `SELECT kind, user_ids, details FROM integrity_flags WHERE session_id = $1`,
        [session.id],
      );
      expect(flags).toEqual([
        expect.objectContaining({
          kind: 'shared-device',
          user_ids: expect.arrayContaining([w.learners[0].id, w.learners[1].id]),
        }),
      ]);
      // From their own device learner 1 checks in (same address as everyone in this test).
      await checkIn(session.id, learner(1), { code: shown }).expect(201);
    });

    it('answers each of many check-ins arriving together on its own: a shared device or a stranger fails alone', async () => {
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      // A learner of the class signs in on learner 0's browser; a stranger is not in the class.
      const borrower = await makeLearner(t, w.communeA);
      await t
        .http()
        .post(api(`/classes/${w.klass.id}/enrollments`))
        .set(bearer(w.staff))
        .send({ userId: borrower.user.id })
        .expect(201);
      const borrowed = await loginOnDevice(t, borrower.user.username, w.learners[0].deviceKey);
      const stranger = await makeLearner(t, w.communeA);
      const strangerTokens = await loginOnDevice(t, stranger.user.username, newDeviceKey());
      const senders = [
        { who: 'learner 0', headers: learner(0) },
        { who: 'learner 1', headers: learner(1) },
        { who: 'learner 2', headers: learner(2) },
        { who: 'borrowed', headers: bearer(borrowed) },
        { who: 'stranger', headers: bearer(strangerTokens) },
      ];
      const sent = senders.flatMap((sender) => [sender, sender]);
      const answers = await Promise.all(
        sent.map((sender) => checkIn(session.id, sender.headers, { code: shown })),
      );
      const statusesOf = (who: string) =>
        answers
          .filter((_answer, index) => sent[index].who === who)
          .map((answer) => answer.status)
          .sort();
      expect(statusesOf('learner 1')).toEqual([200, 201]);
      expect(statusesOf('learner 2')).toEqual([200, 201]);
      expect(statusesOf('stranger')).toEqual([404, 404]);
      // One device, one account: whichever of the two reached it first holds it, the other is refused.
      const deviceStatuses = [statusesOf('learner 0'), statusesOf('borrowed')].sort();
      expect(deviceStatuses).toEqual([
        [200, 201],
        [409, 409],
      ]);
      const rows = await records(session.id);
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((row) => row.device_id)).size).toBe(3);
      expect(rows.map((row) => row.user_id)).toEqual(
        expect.arrayContaining([w.learners[1].id, w.learners[2].id]),
      );
      const flags = await t.db.query(`SELECT kind FROM integrity_flags WHERE session_id = $1`, [session.id]);
      expect(flags.map((flag: { kind: string }) => flag.kind)).toContain('shared-device');
    });

    it('needs a registered device, an enrollment, a live session and an open window', async () => {
      const session = await makeSession(t, w);
      const notLive = await checkIn(session.id, learner(0), { code: '123456' }).expect(409);
      expect(notLive.body.code).toBe('attendance.session-not-live');
      await open(session);
      const { code: shown } = await code(session.id);
      const noDevice = await login(t, w.learners[2].username);
      expect((await checkIn(session.id, bearer(noDevice), { code: shown }).expect(400)).body.code).toBe(
        'attendance.device-unregistered',
      );
      const stranger = await makeLearner(t, w.communeA);
      const strangerTokens = await loginOnDevice(t, stranger.user.username, newDeviceKey());
      await checkIn(session.id, bearer(strangerTokens), { code: shown }).expect(404);

      const closedWindow = await makeSession(t, w, { startsInMinutes: -60 });
      await open(closedWindow);
      const late = await code(closedWindow.id);
      expect((await checkIn(closedWindow.id, learner(0), { code: late.code }).expect(409)).body.code).toBe(
        'attendance.check-in-closed',
      );
    });

    it('refuses check-ins the moment the session closes', async () => {
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      await checkIn(session.id, learner(0), { code: shown }).expect(201);
      await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/close`))
        .set(lecturer())
        .expect(200);
      const refused = await checkIn(session.id, learner(1), { code: shown }).expect(409);
      expect(refused.body.code).toBe('attendance.session-not-live');
      expect((await records(session.id)).filter((r) => r.checked_in_at !== null)).toHaveLength(1);
    });

    it('checks in a learner whose presence was already recorded, keeping that presence', async () => {
      const session = await makeSession(t, w);
      await open(session);
      await t.db.query(`UPDATE class_sessions SET opened_at = now() - interval '1 minute' WHERE id = $1`, [
        session.id,
      ]);
      const store = t.app.get<PresenceStore>(PRESENCE_STORE);
      await store.drop(session.id);
      await beat(session.id, 2).expect(200);
      await store.beat(session.id, w.learners[2].id, Date.now() - 20_000, 45_000);
      await beat(session.id, 2).expect(200);
      await t.worker!.get(AttendanceSweeper).sweep();
      const [before] = await records(session.id);
      expect(before).toMatchObject({ checked_in_at: null });
      expect(before.presence_seconds).toBeGreaterThanOrEqual(19);
      const { code: shown } = await code(session.id);
      const first = (await checkIn(session.id, learner(2), { code: shown }).expect(201))
        .body as CheckInResponse;
      expect(first.isNew).toBe(true);
      expect(first.record.evidence.presenceSeconds).toBe(before.presence_seconds);
      expect(
        ((await checkIn(session.id, learner(2), { code: shown }).expect(200)).body as CheckInResponse).isNew,
      ).toBe(false);
    });

    it('marks a check-in after the late threshold as late', async () => {
      const session = await makeSession(t, w, { startsInMinutes: -20 });
      await open(session);
      const { code: shown } = await code(session.id);
      const response = (await checkIn(session.id, learner(2), { code: shown }).expect(201))
        .body as CheckInResponse;
      expect(response.record.evidence.isLate).toBe(true);
    });
  });

  describe('verified presence', () => {
    it('counts the time between beats, at most the live time, and resumes after the store loses it', async () => {
      const session = await makeSession(t, w);
      await open(session);
      // The session has been live for five minutes; learner 0's previous beat was 20 s ago.
      await t.db.query(`UPDATE class_sessions SET opened_at = now() - interval '5 minutes' WHERE id = $1`, [
        session.id,
      ]);
      const store = t.app.get<PresenceStore>(PRESENCE_STORE);
      await store.drop(session.id);
      const first = (await beat(session.id, 0).expect(200)).body as HeartbeatResponse;
      expect(first).toMatchObject({ presenceSeconds: 0, sessionStatus: 'live', pendingCheck: null });
      await store.beat(session.id, w.learners[0].id, Date.now() - 20_000, 45_000);
      const second = (await beat(session.id, 0).expect(200)).body as HeartbeatResponse;
      expect(second.presenceSeconds).toBeGreaterThanOrEqual(19);
      expect(second.presenceSeconds).toBeLessThanOrEqual(21);

      // A gap longer than 45 s is time away, not presence.
      await store.beat(session.id, w.learners[0].id, Date.now() - 60_000, 45_000);
      const afterGap = (await beat(session.id, 0).expect(200)).body as HeartbeatResponse;
      expect(afterGap.presenceSeconds).toBe(second.presenceSeconds);

      // The lecturer sees who is here.
      const roster = (
        await t
          .http()
          .get(api(`/attendance/sessions/${session.id}/live`))
          .set(lecturer())
          .expect(200)
      ).body as LiveRoster;
      expect(roster.presentCount).toBe(1);
      expect(roster.learners.find((l) => l.userId === w.learners[0].id)).toMatchObject({ state: 'present' });
      expect(roster.learners.find((l) => l.userId === w.learners[1].id)).toMatchObject({
        state: 'not-joined',
      });

      // Flushed to PostgreSQL, then the store forgets everything (a Redis restart): presence resumes from there.
      await t.worker!.get(AttendanceSweeper).sweep();
      const flushed = (await records(session.id))[0].presence_seconds;
      expect(flushed).toBe(second.presenceSeconds);
      await store.drop(session.id);
      const resumed = (await beat(session.id, 0).expect(200)).body as HeartbeatResponse;
      expect(resumed.presenceSeconds).toBe(flushed);
    });

    it('does not count beats of people outside the class or of a session that is not live', async () => {
      const session = await makeSession(t, w);
      const scheduled = (await beat(session.id, 0).expect(200)).body as HeartbeatResponse;
      expect(scheduled).toMatchObject({ sessionStatus: 'scheduled', presenceSeconds: 0 });
      await open(session);
      const stranger = await makeLearner(t, w.communeA);
      await t
        .http()
        .post(api(`/me/attendance/sessions/${session.id}/heartbeats`))
        .set(bearer(stranger.tokens))
        .expect(404);
    });
  });

  describe('a whole session: attention checks, closing, finalisation, the grid', () => {
    it('finalises present, partial and absent from check-in, presence and checks, with evidence', async () => {
      await t
        .http()
        .put(api(`/classes/${w.klass.id}/attendance/policy`))
        .set(bearer(w.staff))
        .send({
          checkInOpensMinutesBefore: 15,
          lateAfterMinutes: 10,
          checkInClosesAfterMinutes: 45,
          minSessionPresencePercent: 30,
          minAttentionPercent: 50,
          autoAttentionChecks: 0,
          closeGraceMinutes: 15,
          excuseDaysAfter: 3,
          sharedIpThreshold: 50,
        })
        .expect(200);
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      await checkIn(session.id, learner(0), { code: shown }).expect(201);
      await checkIn(session.id, learner(1), { code: shown, method: 'qr' }).expect(201);
      // Live for 40 s so far; learner 0 was here all along (from 20 s ago), learner 1 only now.
      await t.db.query(`UPDATE class_sessions SET opened_at = now() - interval '40 seconds' WHERE id = $1`, [
        session.id,
      ]);
      const store = t.app.get<PresenceStore>(PRESENCE_STORE);
      await store.drop(session.id);
      await beat(session.id, 0).expect(200);
      await store.beat(session.id, w.learners[0].id, Date.now() - 20_000, 45_000);
      await beat(session.id, 0).expect(200);
      await beat(session.id, 1).expect(200);

      const fired = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/attention-checks`))
        .set(lecturer())
        .expect(201);
      expect(fired.body).toMatchObject({ recipients: 2, answered: 0, isAutomatic: false });
      const pending = ((await beat(session.id, 0).expect(200)).body as HeartbeatResponse).pendingCheck!;
      expect(pending.code).toMatch(/^\d{4}$/);
      const view = (
        await t
          .http()
          .get(api(`/me/attendance/sessions/${session.id}`))
          .set(learner(1))
          .expect(200)
      ).body as MySessionView;
      expect(view.pendingCheck?.id).toBe(pending.id);
      const answer = (code: string, i: number) =>
        t
          .http()
          .post(api(`/me/attendance/attention-checks/${pending.id}/answers`))
          .set(learner(i))
          .send({ code });
      const wrongCode = pending.code === '0000' ? '1111' : '0000';
      expect((await answer(wrongCode, 0).expect(200)).body).toEqual({ isCorrect: false, answeredAt: null });
      expect((await answer(pending.code, 0).expect(200)).body.isCorrect).toBe(true);
      expect(((await beat(session.id, 0).expect(200)).body as HeartbeatResponse).pendingCheck).toBeNull();
      await answer(pending.code, 2).expect(404);
      // Learner 1 lets the minute pass.
      await t.db.query(`UPDATE attention_checks SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        pending.id,
      ]);
      expect((await answer(pending.code, 1).expect(409)).body.code).toBe(
        'attendance.attention-check-expired',
      );

      const closed = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/close`))
        .set(lecturer())
        .expect(200);
      expect(closed.body.status).toBe('closed');
      await waitFor(async () => {
        const rows = await t.db.query(`SELECT status FROM class_sessions WHERE id = $1`, [session.id]);
        return rows[0].status === 'finalised' ? true : undefined;
      });

      const grid = (
        await t
          .http()
          .get(api(`/classes/${w.klass.id}/attendance`))
          .set(bearer(w.staff))
          .expect(200)
      ).body as AttendanceGrid;
      const column = grid.sessions.findIndex((s) => s.id === session.id);
      const cell = (i: number) => grid.rows.find((r) => r.userId === w.learners[i].id)!.cells[column];
      expect(cell(0).status).toBe(AttendanceStatus.Present);
      expect(cell(0).evidence).toMatchObject({ checkInMethod: 'code', checksAnswered: 1, checksMissed: 0 });
      expect(cell(0).evidence.presenceSeconds).toBeGreaterThanOrEqual(19);
      expect(cell(0).evidence.liveSeconds).toBeGreaterThanOrEqual(40);
      expect(cell(1).status).toBe(AttendanceStatus.Partial);
      expect(cell(1).evidence).toMatchObject({ checkInMethod: 'qr', checksAnswered: 0, checksMissed: 1 });
      expect(cell(2).status).toBe(AttendanceStatus.Absent);
      expect(cell(2).evidence.checkedInAt).toBeNull();

      // The learner's history shows the same, with its evidence.
      const history = (
        await t
          .http()
          .get(api(`/me/attendance/classes/${w.klass.id}`))
          .set(learner(1))
          .expect(200)
      ).body as MyAttendanceHistory;
      expect(history.sessions.find((s) => s.id === session.id)?.record?.status).toBe('partial');

      // Ledgered, one entry per learner of the class plus the session's.
      const enrolled = await t.db.query(
        `SELECT user_id FROM enrollments WHERE class_id = $1 AND status = 'active'`,
        [w.klass.id],
      );
      const ledger = await t.db.query(
        `SELECT type, subject_ids FROM ledger_entries WHERE chain = $1 AND subject_ids->>'session' = $2`,
        [`class:${w.klass.id}`, session.id],
      );
      expect(ledger.filter((e: { type: string }) => e.type === 'attendance.recorded')).toHaveLength(
        enrolled.length,
      );
      expect(ledger.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['session.opened', 'session.closed', 'session.finalised']),
      );
    });

    it('pushes an attention check to the open page of each learner present, live', async () => {
      const session = await makeSession(t, w);
      await open(session);
      await beat(session.id, 0).expect(200);
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      const abort = new AbortController();
      const response = await fetch(
        `http://127.0.0.1:${port}/api/v1/me/attendance/sessions/${session.id}/events`,
        {
          headers: learner(0),
          signal: abort.signal,
        },
      );
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      const readUntil = async (needle: string) => {
        while (!received.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}`);
          received += decoder.decode(value, { stream: true });
        }
      };
      try {
        await readUntil('"session-status"');
        const fired = await t
          .http()
          .post(api(`/attendance/sessions/${session.id}/attention-checks`))
          .set(lecturer())
          .expect(201);
        await readUntil('"attention-check"');
        const event = received
          .split('\n')
          .filter((line) => line.startsWith('data:') && line.includes('attention-check'))
          .map((line) => JSON.parse(line.slice(5)))[0];
        expect(event.check.id).toBe(fired.body.id);
        expect(event.check.code).toMatch(/^\d{4}$/);
      } finally {
        abort.abort();
      }
    });

    it('settles attention checks when the session closes: no late answers, nothing left pending', async () => {
      const session = await makeSession(t, w);
      await open(session);
      await beat(session.id, 0).expect(200);
      const fired = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/attention-checks`))
        .set(lecturer())
        .expect(201);
      const pending = ((await beat(session.id, 0).expect(200)).body as HeartbeatResponse).pendingCheck!;
      expect(pending.id).toBe(fired.body.id);
      await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/close`))
        .set(lecturer())
        .expect(200);
      const late = await t
        .http()
        .post(api(`/me/attendance/attention-checks/${pending.id}/answers`))
        .set(learner(0))
        .send({ code: pending.code })
        .expect(409);
      expect(late.body.code).toBe('attendance.attention-check-expired');
      const view = (
        await t
          .http()
          .get(api(`/me/attendance/sessions/${session.id}`))
          .set(learner(0))
          .expect(200)
      ).body as MySessionView;
      expect(view.pendingCheck).toBeNull();
      const roster = (
        await t
          .http()
          .get(api(`/attendance/sessions/${session.id}/live`))
          .set(lecturer())
          .expect(200)
      ).body as LiveRoster;
      expect(roster.learners.find((l) => l.userId === w.learners[0].id)).toMatchObject({
        checksPending: 0,
        checksAnswered: 0,
      });
    });

    it('gives the same result when the finalisation job runs again', async () => {
      const session = await makeSession(t, w);
      await open(session);
      const { code: shown } = await code(session.id);
      await checkIn(session.id, learner(0), { code: shown }).expect(201);
      await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/close`))
        .set(lecturer())
        .expect(200);
      const finalised = await waitFor(async () => {
        const rows = await t.db.query(`SELECT status FROM class_sessions WHERE id = $1`, [session.id]);
        return rows[0].status === 'finalised' ? records(session.id) : undefined;
      });
      const event = await t.db.query(
        `SELECT id FROM outbox_events WHERE type = 'attendance.session-closed' AND payload->>'sessionId' = $1`,
        [session.id],
      );
      const finalisation = t.worker!.get(FinalisationService);
      await finalisation.finalise(event[0].id, session.id);
      await finalisation.finalise('00000000-0000-4000-8000-000000000000', session.id);
      expect(await records(session.id)).toEqual(finalised);
      const entries = await t.db.query(
        `SELECT count(*)::int AS n FROM ledger_entries WHERE type = 'session.finalised' AND subject_ids->>'session' = $1`,
        [session.id],
      );
      expect(entries[0].n).toBe(1);
    });
  });

  describe('manual marks', () => {
    it('marks with a reason on the ledger, and flags marking long after the session', async () => {
      const session = await makeSession(t, w, { startsInMinutes: -60 * 50, minutes: 90 });
      const noReason = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/marks`))
        .set(lecturer())
        .send({ userIds: [w.learners[2].id], status: 'present', reason: '' })
        .expect(400);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      const marked = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/marks`))
        .set(lecturer())
        .send({ userIds: [w.learners[2].id], status: 'present', reason: 'Học tại hội trường, máy hỏng' })
        .expect(200);
      expect(marked.body).toEqual({ marked: 1, flagsRaised: 1 });
      const [row] = await records(session.id);
      expect(row).toMatchObject({ status: 'present', check_in_method: 'manual' });
      const flags = await t.db.query(`SELECT kind FROM integrity_flags WHERE session_id = $1`, [session.id]);
      expect(flags).toEqual([{ kind: 'late-manual-mark' }]);
      const entries = await t.db.query(
        `SELECT reason FROM ledger_entries WHERE type = 'attendance.marked' AND subject_ids->>'session' = $1`,
        [session.id],
      );
      expect(entries).toEqual([{ reason: 'Học tại hội trường, máy hỏng' }]);

      const stranger = await makeLearner(t, w.communeA);
      const refused = await t
        .http()
        .post(api(`/attendance/sessions/${session.id}/marks`))
        .set(lecturer())
        .send({ userIds: [stranger.user.id], status: 'present', reason: 'Có mặt tại lớp' })
        .expect(400);
      expect(refused.body.code).toBe('attendance.not-in-class');
    });
  });

  describe('self-paced lessons', () => {
    it('counts time on a lesson of the learner’s course only', async () => {
      const withModule = await t
        .http()
        .post(api(`/courses/${w.klass.courseId}/modules`))
        .set(bearer(w.staff))
        .send({ title: 'Chương 1' })
        .expect(201);
      const moduleId = (withModule.body as CourseResponse).modules[0].id;
      const withLesson = await t
        .http()
        .post(api(`/courses/${w.klass.courseId}/modules/${moduleId}/lessons`))
        .set(bearer(w.staff))
        .send({ title: 'Bài 1: Chủ nghĩa Mác – Lênin' })
        .expect(201);
      const lessonId = (withLesson.body as CourseResponse).modules[0].lessons[0].id;
      const lessonBeat = (headers: Record<string, string>) =>
        t
          .http()
          .post(api(`/me/lessons/${lessonId}/heartbeats`))
          .set(headers);
      expect((await lessonBeat(learner(0)).expect(200)).body).toEqual({ seconds: 0 });
      await t.db.query(
        `UPDATE lesson_presence SET updated_at = now() - interval '20 seconds' WHERE lesson_id = $1 AND user_id = $2`,
        [lessonId, w.learners[0].id],
      );
      const after = (await lessonBeat(learner(0)).expect(200)).body.seconds as number;
      expect(after).toBeGreaterThanOrEqual(19);
      expect(after).toBeLessThanOrEqual(21);
      const stranger = await makeLearner(t, w.communeA);
      await lessonBeat(bearer(stranger.tokens)).expect(404);
    });
  });
});

describe('attendance while Redis is down', () => {
  let t: TestApp;
  let w: AttendanceWorld;
  beforeAll(async () => {
    t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    w = await makeAttendanceWorld(t, 1);
  });
  afterAll(() => t.close());

  it('still checks learners in (they are PostgreSQL rows) and answers presence calls 503 at once', async () => {
    const session = await makeSession(t, w);
    await t
      .http()
      .post(`/api/v1/attendance/sessions/${session.id}/open`)
      .set(bearer(w.lecturers[0]))
      .expect(200);
    const shown = (
      await t
        .http()
        .get(`/api/v1/attendance/sessions/${session.id}/check-in-code`)
        .set(bearer(w.lecturers[0]))
        .expect(200)
    ).body as CheckInCode;
    await t
      .http()
      .post(`/api/v1/me/attendance/sessions/${session.id}/check-in`)
      .set(bearer(w.learners[0].tokens))
      .send({ code: shown.code })
      .expect(201);
    const beat = await t
      .http()
      .post(`/api/v1/me/attendance/sessions/${session.id}/heartbeats`)
      .set(bearer(w.learners[0].tokens))
      .expect(503);
    expect(beat.body.code).toBe('attendance.presence-unavailable');
    expect(beat.headers['retry-after']).toBe('5');
  });
});
