import {
  AbsencesChangedPayload,
  AttendanceEventType,
  AttendanceLedgerType,
  EXCUSE_ATTACHMENT_MAX_BYTES,
  ExcuseResponse,
  ExcuseStatus,
} from '@thuchoc/attendance/contracts';
import { AbsenceWarningsService } from '@thuchoc/attendance/api';
import { ClassSessionResponse, classChain } from '@thuchoc/classes/contracts';
import { TokenPair } from '@thuchoc/identity/contracts';
import { NotificationKind } from '@thuchoc/notifications/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { randomUUID } from 'node:crypto';
import {
  AttendanceLearner,
  AttendanceWorld,
  makeAttendanceWorld,
  makeSession,
} from './support/attendance-world';
import { makeLearner } from './support/class-world';
import { bearer, startTestApp, TestApp } from './support/test-app';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DAY_MINUTES = 24 * 60;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('attendance excuses', () => {
  let w: AttendanceWorld;
  let session: ClassSessionResponse;
  beforeAll(async () => {
    w = await makeAttendanceWorld(t, 3);
    // Ended an hour ago: inside the default window of three days.
    session = await makeSession(t, w, { startsInMinutes: -180, minutes: 120 });
  });

  const submit = (
    learner: { tokens: TokenPair },
    sessionId: string,
    reason: string | null,
    file?: { bytes: Buffer; name: string; type: string },
  ) => {
    const call = t
      .http()
      .post(`/api/v1/me/attendance/sessions/${sessionId}/excuses`)
      .set(bearer(learner.tokens));
    if (reason !== null) void call.field('reason', reason);
    if (file) void call.attach('attachment', file.bytes, { filename: file.name, contentType: file.type });
    return call;
  };
  const pdf = { bytes: PDF, name: 'Giấy khám bệnh.pdf', type: 'application/pdf' };
  const list = async (tokens: TokenPair, query: Record<string, string> = {}) =>
    (
      await t
        .http()
        .get('/api/v1/attendance/excuses')
        .query({ classId: w.klass.id, ...query })
        .set(bearer(tokens))
        .expect(200)
    ).body as Page<ExcuseResponse>;
  const decide = (
    tokens: TokenPair,
    id: string,
    decision: ExcuseStatus,
    reason = 'Có giấy xác nhận của cơ quan',
  ) =>
    t.http().post(`/api/v1/attendance/excuses/${id}/decision`).set(bearer(tokens)).send({ decision, reason });
  const excuseCount = async (sessionId: string, userId: string) =>
    (
      (await t.db.query(
        'SELECT count(*)::int AS n FROM attendance_excuses WHERE session_id = $1 AND user_id = $2',
        [sessionId, userId],
      )) as { n: number }[]
    )[0].n;

  describe('a learner with a document', () => {
    let learner: AttendanceLearner;
    let excuse: ExcuseResponse;
    beforeAll(async () => {
      learner = w.learners[0];
      excuse = (await submit(learner, session.id, '  Ốm, có giấy khám bệnh  ', pdf).expect(201)).body;
    });

    it('is answered with the excuse, pending, and a download path of their own', () => {
      expect(excuse).toMatchObject({
        sessionId: session.id,
        sessionTitle: session.title,
        classId: w.klass.id,
        classCode: w.klass.code,
        userId: learner.id,
        fullName: learner.fullName,
        reason: 'Ốm, có giấy khám bệnh',
        status: ExcuseStatus.Pending,
        attachment: {
          fileName: 'Giấy khám bệnh.pdf',
          sizeBytes: PDF.length,
          contentType: 'application/pdf',
          downloadPath: `/me/attendance/excuses/${excuse.id}/attachment`,
        },
        decidedByName: null,
        decisionReason: null,
      });
    });

    it('refuses a second excuse for the same session while one is pending', async () => {
      const twice = await submit(learner, session.id, 'Gửi lại').expect(409);
      expect(twice.body.code).toBe('attendance.excuse-exists');
      expect(await excuseCount(session.id, learner.id)).toBe(1);
    });

    it('lets the learner, and staff of the class, download the document', async () => {
      const own = await t
        .http()
        .get(`/api/v1/me/attendance/excuses/${excuse.id}/attachment`)
        .set(bearer(learner.tokens))
        .buffer(true)
        .expect(200);
      expect(own.headers['content-type']).toBe('application/pdf');
      expect(own.headers['content-disposition']).toContain("filename*=UTF-8''Gi%E1%BA%A5y%20kh%C3%A1m");
      expect(Buffer.from(own.body as Buffer).equals(PDF)).toBe(true);
      for (const tokens of [w.staff, w.lecturers[0], w.auditor]) {
        const staff = await t
          .http()
          .get(`/api/v1/attendance/excuses/${excuse.id}/attachment`)
          .set(bearer(tokens))
          .buffer(true)
          .expect(200);
        expect(Buffer.from(staff.body as Buffer).equals(PDF)).toBe(true);
      }
    });

    it('hides the document from another learner and from staff outside the scope', async () => {
      const other = await t
        .http()
        .get(`/api/v1/me/attendance/excuses/${excuse.id}/attachment`)
        .set(bearer(w.learners[1].tokens))
        .expect(404);
      expect(other.body.code).toBe('attendance-excuse.not-found');
      const outsider = await t
        .http()
        .get(`/api/v1/attendance/excuses/${excuse.id}/attachment`)
        .set(bearer(w.outsider))
        .expect(404);
      expect(outsider.body.code).toBe('attendance-excuse.not-found');
    });

    it('shows the excuse to the class’s staff, lecturers and auditors, with the staff download path', async () => {
      for (const tokens of [w.staff, w.lecturers[1], w.auditor]) {
        const page = await list(tokens);
        const mine = page.items.find((item) => item.id === excuse.id);
        expect(mine?.attachment?.downloadPath).toBe(`/attendance/excuses/${excuse.id}/attachment`);
      }
      expect(await list(w.outsider)).toMatchObject({ items: [], total: 0 });
    });

    it('answers 404 to staff outside the scope who try to decide', async () => {
      const outsider = await decide(w.outsider, excuse.id, ExcuseStatus.Approved).expect(404);
      expect(outsider.body.code).toBe('attendance-excuse.not-found');
      await decide(w.staff, randomUUID(), ExcuseStatus.Approved).expect(404);
    });

    it('is approved once by a lecturer of the class, which makes the session excused', async () => {
      const approved = (await decide(w.lecturers[0], excuse.id, ExcuseStatus.Approved).expect(200))
        .body as ExcuseResponse;
      expect(approved).toMatchObject({
        status: ExcuseStatus.Approved,
        decidedByName: 'Phạm Minh Đức',
        decisionReason: 'Có giấy xác nhận của cơ quan',
      });
      expect(approved.decidedAt).not.toBeNull();
      const again = await decide(w.staff, excuse.id, ExcuseStatus.Rejected).expect(409);
      expect(again.body.code).toBe('attendance.excuse-decided');
      const records = await t.db.query(
        'SELECT status, reason, class_id FROM attendance_records WHERE session_id = $1 AND user_id = $2',
        [session.id, learner.id],
      );
      expect(records).toEqual([
        { status: 'excused', reason: 'Có giấy xác nhận của cơ quan', class_id: w.klass.id },
      ]);
      const stillOne = await submit(learner, session.id, 'Gửi lại sau khi duyệt').expect(409);
      expect(stillOne.body.code).toBe('attendance.excuse-exists');
    });

    it('records the submission and the decision on the class’s ledger, without the file', async () => {
      const entries: {
        type: string;
        actor_id: string;
        reason: string;
        subject_ids: object;
        payload: object;
      }[] = await t.db.query(
        `SELECT type, actor_id, reason, subject_ids, payload FROM ledger_entries
            WHERE chain = $1 AND subject_ids ->> 'excuse' = $2 ORDER BY position`,
        [classChain(w.klass.id), excuse.id],
      );
      expect(entries).toEqual([
        {
          type: AttendanceLedgerType.ExcuseSubmitted,
          actor_id: learner.id,
          reason: 'Ốm, có giấy khám bệnh',
          subject_ids: { excuse: excuse.id, session: session.id, userId: learner.id },
          payload: {
            attachment: {
              fileName: 'Giấy khám bệnh.pdf',
              contentType: 'application/pdf',
              sizeBytes: PDF.length,
            },
          },
        },
        {
          type: AttendanceLedgerType.ExcuseDecided,
          actor_id: w.lecturerIds[0],
          reason: 'Có giấy xác nhận của cơ quan',
          subject_ids: { excuse: excuse.id, session: session.id, userId: learner.id },
          payload: { decision: ExcuseStatus.Approved },
        },
      ]);
    });
  });

  it('refuses a learner who is not in the class with 404', async () => {
    const stranger = await makeLearner(t, w.communeA, 'Người Ngoài Lớp');
    const refused = await submit(stranger, session.id, 'Bận việc gia đình').expect(404);
    expect(refused.body.code).toBe('class-session.not-found');
    expect(await excuseCount(session.id, stranger.user.id)).toBe(0);
  });

  it('refuses a file that is not a PDF, JPEG or PNG by its content, and stores nothing', async () => {
    const learner = w.learners[1];
    const fake = {
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
      name: 'giay.pdf',
      type: 'application/pdf',
    };
    const refused = await submit(learner, session.id, 'Đi công tác', fake).expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('attendance.attachment-type');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'attachment' })]);
    const tooLarge = Buffer.concat([PNG_HEADER, Buffer.alloc(EXCUSE_ATTACHMENT_MAX_BYTES)]);
    const large = await submit(learner, session.id, 'Đi công tác', {
      bytes: tooLarge,
      name: 'anh.png',
      type: 'image/png',
    }).expect(413);
    expect(large.body.code).toBe('attendance.attachment-type');
    expect(await excuseCount(session.id, learner.id)).toBe(0);
  });

  it('requires a reason', async () => {
    const refused = await submit(w.learners[1], session.id, '   ').expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    await submit(w.learners[1], session.id, null).expect(400);
  });

  it('accepts an image, names it by its content, and lets a rejected learner ask again', async () => {
    const learner = w.learners[1];
    const png = Buffer.concat([PNG_HEADER, Buffer.from('image data')]);
    const first = (
      await submit(learner, session.id, 'Họp khẩn ở xã', {
        bytes: png,
        name: 'giay-moi.pdf',
        type: 'application/pdf',
      }).expect(201)
    ).body as ExcuseResponse;
    expect(first.attachment).toMatchObject({ fileName: 'giay-moi.png', contentType: 'image/png' });
    const rejected = (await decide(w.staff, first.id, ExcuseStatus.Rejected, 'Không có xác nhận').expect(200))
      .body as ExcuseResponse;
    expect(rejected.status).toBe(ExcuseStatus.Rejected);
    const records = await t.db.query(
      'SELECT 1 FROM attendance_records WHERE session_id = $1 AND user_id = $2',
      [session.id, learner.id],
    );
    expect(records).toEqual([]);
    const second = (await submit(learner, session.id, 'Bổ sung giấy mời họp').expect(201))
      .body as ExcuseResponse;
    expect(second).toMatchObject({ status: ExcuseStatus.Pending, attachment: null });
    const pending = await list(w.staff, { status: ExcuseStatus.Pending });
    expect(pending.items.map((item) => item.id)).toEqual([second.id]);
    const all = await list(w.staff);
    expect(all.items[0].id).toBe(second.id);
    expect(all.items.map((item) => item.status)).toEqual([
      ExcuseStatus.Pending,
      ExcuseStatus.Rejected,
      ExcuseStatus.Approved,
    ]);
  });

  it('closes the window the policy’s days after the session ends', async () => {
    const old = await makeSession(t, w, { startsInMinutes: -5 * DAY_MINUTES, minutes: 120 });
    const late = await submit(w.learners[2], old.id, 'Quên gửi').expect(409);
    expect(late.body.code).toBe('attendance.excuse-window-closed');
    const upcoming = await makeSession(t, w, { startsInMinutes: 2 * DAY_MINUTES });
    await submit(w.learners[2], upcoming.id, 'Đã có lịch khám bệnh').expect(201);
  });

  it('has the absence warnings recomputed when an excuse is approved after finalisation', async () => {
    const finalised = await makeSession(t, w, { startsInMinutes: -DAY_MINUTES, minutes: 120 });
    const learner = w.learners[2];
    await t.db.query(
      `UPDATE class_sessions SET status = 'finalised', opened_at = starts_at, closed_at = ends_at, finalised_at = now()
        WHERE id = $1`,
      [finalised.id],
    );
    await t.db.query(
      `INSERT INTO attendance_records (session_id, user_id, class_id, status, finalised_at)
       VALUES ($1, $2, $3, 'absent', now())`,
      [finalised.id, learner.id, w.klass.id],
    );
    const excuse = (await submit(learner, finalised.id, 'Nằm viện').expect(201)).body as ExcuseResponse;
    await decide(w.staff, excuse.id, ExcuseStatus.Approved).expect(200);
    const [record] = await t.db.query(
      'SELECT status, finalised_at FROM attendance_records WHERE session_id = $1 AND user_id = $2',
      [finalised.id, learner.id],
    );
    expect(record.status).toBe('excused');
    expect(record.finalised_at).not.toBeNull();
    const events: { queue: string; payload: AbsencesChangedPayload }[] = await t.db.query(
      `SELECT queue, payload FROM outbox_events WHERE type = $1 AND payload ->> 'classId' = $2`,
      [AttendanceEventType.AbsencesChanged, w.klass.id],
    );
    expect(events).toEqual([
      { queue: 'attendance', payload: { classId: w.klass.id, userIds: [learner.id] } },
    ]);
  });
});

describe('absence warnings', () => {
  let w: AttendanceWorld;
  let sessions: ClassSessionResponse[];
  beforeAll(async () => {
    w = await makeAttendanceWorld(t, 3);
    sessions = [];
    // Five sessions at the default 80 %: one absence allowed.
    for (let day = 5; day >= 1; day--)
      sessions.push(await makeSession(t, w, { startsInMinutes: -day * DAY_MINUTES, minutes: 120 }));
  });

  const absent = async (learner: AttendanceLearner, count: number, from = 0) => {
    for (const s of sessions.slice(from, from + count))
      await t.db.query(
        `INSERT INTO attendance_records (session_id, user_id, class_id, status, finalised_at)
         VALUES ($1, $2, $3, 'absent', now())`,
        [s.id, learner.id, w.klass.id],
      );
  };
  const received = async (userId: string) =>
    (await t.db.query(
      `SELECT kind, params FROM notifications WHERE user_id = $1 AND kind IN ($2, $3) ORDER BY created_at, kind`,
      [userId, NotificationKind.AbsenceNear, NotificationKind.AbsenceCrossed],
    )) as { kind: NotificationKind; params: Record<string, string> }[];
  const sendDue = (userIds: string[]) =>
    t.app.get(AbsenceWarningsService).sendDue(randomUUID(), w.klass.id, userIds);

  it('warns learners and their centre’s staff once per level, however often it runs', async () => {
    const [near, crossed, fine] = w.learners;
    await absent(near, 1);
    await absent(crossed, 2);
    await t.db.query(
      // An unfinalised absence does not count yet.
      `INSERT INTO attendance_records (session_id, user_id, class_id, status) VALUES ($1, $2, $3, 'absent')`,
      [sessions[0].id, fine.id, w.klass.id],
    );
    await sendDue([near.id, crossed.id, fine.id]);
    const params = (learner: AttendanceLearner, absences: number) => ({
      classTitle: w.klass.title,
      learnerName: learner.fullName,
      absences: String(absences),
      allowed: '1',
    });
    expect(await received(near.id)).toEqual([
      { kind: NotificationKind.AbsenceNear, params: params(near, 1) },
    ]);
    expect(await received(crossed.id)).toEqual([
      { kind: NotificationKind.AbsenceCrossed, params: params(crossed, 2) },
    ]);
    expect(await received(fine.id)).toEqual([]);
    const staffWarnings = await received(w.staffId);
    expect(staffWarnings.map((n) => [n.kind, n.params['learnerName']]).sort()).toEqual(
      [
        [NotificationKind.AbsenceCrossed, crossed.fullName],
        [NotificationKind.AbsenceNear, near.fullName],
      ].sort(),
    );
    const parentStaff = await t.http().get('/api/v1/me/notifications').set(bearer(w.parentStaff)).expect(200);
    expect((parentStaff.body.items as { kind: string }[]).map((n) => n.kind).sort()).toEqual(
      [NotificationKind.AbsenceCrossed, NotificationKind.AbsenceNear].sort(),
    );
    const outsider = await t.http().get('/api/v1/me/notifications').set(bearer(w.outsider)).expect(200);
    expect(outsider.body.items).toEqual([]);

    await sendDue([near.id, crossed.id, fine.id]);
    expect(await received(near.id)).toHaveLength(1);
    expect(await received(crossed.id)).toHaveLength(1);
    expect(await received(w.staffId)).toHaveLength(2);

    await absent(near, 1, 1);
    // Two events racing for the same learner still warn once.
    await Promise.all([sendDue([near.id]), sendDue([near.id])]);
    expect((await received(near.id)).map((n) => [n.kind, n.params['absences']])).toEqual([
      [NotificationKind.AbsenceNear, '1'],
      [NotificationKind.AbsenceCrossed, '2'],
    ]);
    expect(await received(w.staffId)).toHaveLength(3);
    const sent: { user_id: string; level: string }[] = await t.db.query(
      'SELECT user_id, level FROM absence_warnings WHERE class_id = $1',
      [w.klass.id],
    );
    expect(sent.map((row) => `${row.user_id}:${row.level}`).sort()).toEqual(
      [`${near.id}:near`, `${near.id}:crossed`, `${crossed.id}:crossed`].sort(),
    );
  });
});
