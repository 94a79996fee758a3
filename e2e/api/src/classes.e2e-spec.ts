import {
  ClassHistoryEntry,
  ClassLedgerType,
  ClassResponse,
  ClassStatus,
  ClassTransitionResponse,
  ClassVerificationResponse,
  OpeningApprovalResponse,
  OpeningApprovalStatus,
  OpeningException,
  VerificationStatus,
} from '@thuchoc/classes/contracts';
import { GradeComponent } from '@thuchoc/courses/contracts';
import { ChainBreak } from '@thuchoc/integrity/contracts';
import { Role } from '@thuchoc/identity/contracts';
import { bearer, login, makeUser, startTestApp, TestApp, unique, waitFor } from './support/test-app';
import { ClassWorld, makeClass, makeClassWorld, makeCourse, makeLearner } from './support/class-world';

describe('classes', () => {
  let t: TestApp;
  let w: ClassWorld;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    w = await makeClassWorld(t);
  });
  afterAll(() => t.close());

  const transition = (classId: string, to: ClassStatus, reason?: string) =>
    t.http().post(`/api/v1/classes/${classId}/transitions`).set(bearer(w.staff)).send({ to, reason });
  const history = async (classId: string) =>
    (await t.http().get(`/api/v1/classes/${classId}/history`).set(bearer(w.auditor)).expect(200))
      .body as ClassHistoryEntry[];
  const enroll = (classId: string, userId: string, extra: object = {}) =>
    t
      .http()
      .post(`/api/v1/classes/${classId}/enrollments`)
      .set(bearer(w.staff))
      .send({ userId, ...extra });

  describe('creating', () => {
    it('creates a draft class with its lecturers and ledgers it', async () => {
      const created = await makeClass(t, w, { capacity: 40, minSize: 20 });
      expect(created).toMatchObject({
        status: ClassStatus.Draft,
        capacity: 40,
        minSize: 20,
        plannedSize: 40,
        ownerUnitId: w.centreId,
        targetUnitName: 'Xã An Phú',
        activeCount: 0,
        policySnapshot: null,
      });
      expect(created.lecturers.map((l) => l.fullName).sort()).toEqual(['Hoàng Thị Lan', 'Phạm Minh Đức']);
      const entries = await history(created.id);
      expect(entries.map((e) => e.type)).toEqual([ClassLedgerType.ClassCreated]);
      expect(entries[0].actorName).toBeTruthy();
    });

    it('refuses inconsistent sizes, reversed windows, foreign courses and units, and taken codes', async () => {
      const course = await makeCourse(t, w);
      const base = { courseId: course.id, code: unique('LOP'), title: 'Lớp thử', targetUnitId: w.communeA };
      const post = (body: object) => t.http().post('/api/v1/classes').set(bearer(w.staff)).send(body);
      const before = await t.db.query('SELECT count(*)::int AS n FROM classes');
      const minAbove = await post({ ...base, capacity: 10, minSize: 11 }).expect(400);
      expect(minAbove.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(minAbove.body.errors.map((e: { field: string }) => e.field)).toEqual(['minSize']);
      await post({
        ...base,
        capacity: 10,
        minSize: 1,
        enrollmentOpensAt: '2026-12-10T00:00:00.000Z',
        enrollmentClosesAt: '2026-12-01T00:00:00.000Z',
      }).expect(400);
      await post({ ...base, capacity: 0, minSize: 0 }).expect(400);
      await post({ ...base, capacity: 10, minSize: 0, targetUnitId: w.otherProvinceId }).expect(400);
      const foreign = await post({
        ...base,
        capacity: 10,
        minSize: 0,
        courseId: '00000000-0000-4000-8000-000000000000',
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.code).toBe('class.course-unknown');
      await post({ ...base, capacity: 10, minSize: 0, extra: 1 }).expect(400);
      expect(await t.db.query('SELECT count(*)::int AS n FROM classes')).toEqual(before);
      await post({ ...base, capacity: 10, minSize: 0 }).expect(201);
      const taken = await post({ ...base, code: base.code.toLowerCase(), capacity: 10, minSize: 0 }).expect(
        409,
      );
      expect(taken.body.code).toBe('class.code-taken');
    });

    it('hides classes outside the caller’s scope and keeps auditors and learners read-only', async () => {
      const klass = await makeClass(t, w);
      const outside = await t.http().get(`/api/v1/classes/${klass.id}`).set(bearer(w.outsider)).expect(404);
      expect(outside.body.code).toBe('class.not-found');
      await t.http().get('/api/v1/classes/not-a-uuid').set(bearer(w.staff)).expect(404);
      const list = await t.http().get('/api/v1/classes').set(bearer(w.outsider)).expect(200);
      expect(list.body.items.map((c: ClassResponse) => c.id)).not.toContain(klass.id);
      await t.http().get(`/api/v1/classes/${klass.id}`).set(bearer(w.auditor)).expect(200);
      await t
        .http()
        .patch(`/api/v1/classes/${klass.id}`)
        .set(bearer(w.auditor))
        .send({ title: 'x' })
        .expect(403);
      const learner = await makeLearner(t, w.communeA);
      await t.http().get(`/api/v1/classes/${klass.id}`).set(bearer(learner.tokens)).expect(403);
    });

    it('finds classes by code or title without diacritics', async () => {
      const klass = await makeClass(t, w, { title: 'Lớp Nghị quyết Đại hội XIV' });
      const found = await t
        .http()
        .get('/api/v1/classes')
        .query({ q: 'nghi quyet dai hoi' })
        .set(bearer(w.staff))
        .expect(200);
      expect(found.body.items.map((c: ClassResponse) => c.id)).toContain(klass.id);
    });
  });

  describe('lifecycle', () => {
    it('opens a class that meets its plan, snapshotting the course rules that later edits never touch', async () => {
      const course = await makeCourse(t, w);
      const klass = await makeClass(t, w, { courseId: course.id, minSize: 0 });
      const opened = (await transition(klass.id, ClassStatus.Open).expect(200))
        .body as ClassTransitionResponse;
      expect(opened.approval).toBeNull();
      expect(opened.class.status).toBe(ClassStatus.Open);
      expect(opened.class.openedSize).toBe(0);
      expect(opened.class.policySnapshot?.completionPolicy).toEqual(course.completionPolicy);
      await t
        .http()
        .patch(`/api/v1/courses/${course.id}`)
        .set(bearer(w.staff))
        .send({
          completionPolicy: { ...course.completionPolicy, minAttendancePercent: 95 },
          gradingScheme: {
            components: [
              { component: GradeComponent.Attendance, weight: 50 },
              { component: GradeComponent.Participation, weight: 0 },
              { component: GradeComponent.Quizzes, weight: 0 },
              { component: GradeComponent.Final, weight: 50 },
            ],
          },
        })
        .expect(200);
      const after = (await t.http().get(`/api/v1/classes/${klass.id}`).set(bearer(w.staff)).expect(200))
        .body as ClassResponse;
      expect(after.policySnapshot?.completionPolicy.minAttendancePercent).toBe(
        course.completionPolicy.minAttendancePercent,
      );
      expect(after.policySnapshot?.gradingScheme).toEqual(course.gradingScheme);
    });

    it('enforces the lifecycle order and ledgers every step', async () => {
      const klass = await makeClass(t, w);
      const skip = await transition(klass.id, ClassStatus.Closed).expect(409);
      expect(skip.body.code).toBe('class.invalid-transition');
      await transition(klass.id, ClassStatus.Open).expect(200);
      await transition(klass.id, ClassStatus.Draft).expect(409);
      await transition(klass.id, ClassStatus.Running).expect(200);
      await transition(klass.id, ClassStatus.Closed).expect(200);
      await t
        .http()
        .patch(`/api/v1/classes/${klass.id}`)
        .set(bearer(w.staff))
        .send({ title: 'Đổi' })
        .expect(409);
      await transition(klass.id, ClassStatus.Archived).expect(200);
      expect((await history(klass.id)).map((e) => e.type)).toEqual([
        ClassLedgerType.ClassCreated,
        ClassLedgerType.PolicySnapshot,
        ClassLedgerType.ClassOpened,
        ClassLedgerType.ClassRunning,
        ClassLedgerType.ClassClosed,
        ClassLedgerType.ClassArchived,
      ]);
    });
  });

  describe('opening approval', () => {
    it('asks a parent unit to approve a class below its minimum, never its requester', async () => {
      const klass = await makeClass(t, w, { capacity: 30, minSize: 5 });
      const learner = await makeLearner(t, w.communeA);
      await enroll(klass.id, learner.user.id).expect(201);
      const noReason = await transition(klass.id, ClassStatus.Open).expect(400);
      expect(noReason.body.code).toBe('class.reason-required');
      const asked = await transition(
        klass.id,
        ClassStatus.Open,
        'Xã chỉ có một đảng viên mới trong đợt này',
      ).expect(202);
      const { approval } = asked.body as ClassTransitionResponse;
      expect(approval).toMatchObject({
        status: OpeningApprovalStatus.Pending,
        exceptions: [OpeningException.BelowMinimumSize],
        activeCount: 1,
        minSize: 5,
      });
      expect((asked.body as ClassTransitionResponse).class).toMatchObject({
        status: 'draft',
        hasPendingApproval: true,
      });
      await transition(klass.id, ClassStatus.Open, 'Lý do thứ hai').expect(409);
      const decide = (tokens: typeof w.staff, isApproved: boolean) =>
        t
          .http()
          .post(`/api/v1/opening-approvals/${approval?.id}/decision`)
          .set(bearer(tokens))
          .send({ isApproved, reason: 'Đồng ý vì nhu cầu thực tế của địa phương' });
      expect((await decide(w.staff, true).expect(403)).body.code).toBe('approval.self-decision');
      expect((await decide(w.outsider, true).expect(404)).body.code).toBe('opening-approval.not-found');
      const pending = await t
        .http()
        .get('/api/v1/opening-approvals')
        .query({ status: 'pending' })
        .set(bearer(w.parentStaff));
      expect(pending.body.map((a: OpeningApprovalResponse) => a.id)).toContain(approval?.id);
      const decided = (await decide(w.parentStaff, true).expect(200)).body as OpeningApprovalResponse;
      expect(decided).toMatchObject({ status: 'approved', decidedBy: { fullName: expect.any(String) } });
      await decide(w.parentStaff, false).expect(409);
      const opened = (await t.http().get(`/api/v1/classes/${klass.id}`).set(bearer(w.staff)))
        .body as ClassResponse;
      expect(opened).toMatchObject({
        status: 'open',
        openedSize: 1,
        plannedSize: 30,
        hasPendingApproval: false,
      });
      const entries = await history(klass.id);
      expect(entries.map((e) => e.type)).toEqual([
        ClassLedgerType.ClassCreated,
        ClassLedgerType.EnrollmentAdded,
        ClassLedgerType.OpeningRequested,
        ClassLedgerType.OpeningApproved,
        ClassLedgerType.PolicySnapshot,
        ClassLedgerType.ClassOpened,
      ]);
      expect(entries[2].reason).toBe('Xã chỉ có một đảng viên mới trong đợt này');
    });

    it('refuses approval by staff of the centre itself, and a rejection leaves the class a draft', async () => {
      const klass = await makeClass(t, w, { minSize: 3 });
      const asked = await transition(klass.id, ClassStatus.Open, 'Chưa đủ sĩ số nhưng cần mở').expect(202);
      const approvalId = (asked.body as ClassTransitionResponse).approval?.id;
      const centreColleague = await login(
        t,
        (await makeUser(t, { orgUnitId: w.centreId, scopeUnitId: w.provinceId, roles: [Role.CentreStaff] }))
          .username,
      );
      const same = await t
        .http()
        .post(`/api/v1/opening-approvals/${approvalId}/decision`)
        .set(bearer(centreColleague))
        .send({ isApproved: true, reason: 'Đồng ý cho mở lớp' })
        .expect(403);
      expect(same.body.code).toBe('approval.not-parent-staff');
      await t
        .http()
        .post(`/api/v1/opening-approvals/${approvalId}/decision`)
        .set(bearer(w.parentStaff))
        .send({ isApproved: false, reason: 'Gộp với lớp sau để đủ sĩ số' })
        .expect(200);
      const after = (await t.http().get(`/api/v1/classes/${klass.id}`).set(bearer(w.staff)))
        .body as ClassResponse;
      expect(after).toMatchObject({ status: 'draft', hasPendingApproval: false, policySnapshot: null });
      expect((await history(klass.id)).map((e) => e.type)).toContain(ClassLedgerType.OpeningRejected);
    });

    it('needs approval to open with learners from outside the target unit', async () => {
      const klass = await makeClass(t, w, { minSize: 0 });
      const outsider = await makeLearner(t, w.communeB);
      const refused = await enroll(klass.id, outsider.user.id).expect(409);
      expect(refused.body.code).toBe('enrollment.outside-target');
      await enroll(klass.id, outsider.user.id, { allowOutsideTarget: true }).expect(400);
      const added = await enroll(klass.id, outsider.user.id, {
        allowOutsideTarget: true,
        reason: 'Cán bộ nguồn được điều động về xã',
      }).expect(201);
      expect(added.body.isOutsideTarget).toBe(true);
      const asked = await transition(klass.id, ClassStatus.Open, 'Có học viên ngoài địa bàn').expect(202);
      expect((asked.body as ClassTransitionResponse).approval?.exceptions).toEqual([
        OpeningException.LearnersOutsideTarget,
      ]);
    });
  });

  describe('sessions and calendars', () => {
    const session = (startsAt: string, endsAt: string, lecturerId: string | null, title = 'Bài 1') => ({
      title,
      startsAt,
      endsAt,
      mode: 'online-live',
      meetingUrl: 'https://hop.example.vn/lop-1',
      lecturerId,
    });

    it('refuses to book a lecturer into two overlapping sessions, in any class', async () => {
      const first = await makeClass(t, w);
      const second = await makeClass(t, w);
      const lecturer = w.lecturerIds[0];
      const post = (classId: string, body: object) =>
        t.http().post(`/api/v1/classes/${classId}/sessions`).set(bearer(w.staff)).send(body);
      await post(first.id, session('2027-03-02T01:00:00.000Z', '2027-03-02T04:00:00.000Z', lecturer)).expect(
        201,
      );
      const clash = await post(
        second.id,
        session('2027-03-02T03:00:00.000Z', '2027-03-02T05:00:00.000Z', lecturer),
      ).expect(409);
      expect(clash.body.code).toBe('session.lecturer-double-booked');
      expect(clash.body.detail).toContain(first.code);
      expect(clash.body.detail).toContain('từ 08:00 ngày 02/03/2027 đến 11:00 ngày 02/03/2027');
      await post(second.id, session('2027-03-02T04:00:00.000Z', '2027-03-02T05:00:00.000Z', lecturer)).expect(
        201,
      );
      await post(
        second.id,
        session('2027-03-02T03:00:00.000Z', '2027-03-02T05:00:00.000Z', w.lecturerIds[1]),
      ).expect(201);
      const backwards = await post(
        second.id,
        session('2027-03-03T04:00:00.000Z', '2027-03-03T03:00:00.000Z', null),
      );
      expect(backwards.status).toBe(400);
      const stranger = await post(
        second.id,
        session('2027-03-04T01:00:00.000Z', '2027-03-04T02:00:00.000Z', w.staffId),
      ).expect(400);
      expect(stranger.body.code).toBe('session.lecturer-not-in-class');
      const list = await t
        .http()
        .get(`/api/v1/classes/${second.id}/sessions`)
        .set(bearer(w.auditor))
        .expect(200);
      expect(list.body).toHaveLength(2);
      // Moving a session onto a booked slot is refused too.
      const [own] = list.body as { id: string }[];
      await t
        .http()
        .patch(`/api/v1/classes/${second.id}/sessions/${own.id}`)
        .set(bearer(w.staff))
        .send({ startsAt: '2027-03-02T02:00:00.000Z', lecturerId: lecturer })
        .expect(409);
    });

    it('serves class and personal iCal feeds behind unguessable tokens', async () => {
      const klass = await makeClass(t, w);
      await t
        .http()
        .post(`/api/v1/classes/${klass.id}/sessions`)
        .set(bearer(w.staff))
        .send({
          ...session('2027-04-01T01:00:00.000Z', '2027-04-01T03:00:00.000Z', null),
          title: 'Chuyên đề Đảng',
        })
        .expect(201);
      const feed = await t
        .http()
        .get(`/api/v1/classes/${klass.id}/calendar`)
        .set(bearer(w.staff))
        .expect(200);
      expect(feed.body.path).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const again = await t
        .http()
        .get(`/api/v1/classes/${klass.id}/calendar`)
        .set(bearer(w.staff))
        .expect(200);
      expect(again.body.path).toBe(feed.body.path);
      const ics = await t.http().get(feed.body.path).expect(200);
      expect(ics.headers['content-type']).toMatch(/text\/calendar/);
      expect(ics.text).toContain('BEGIN:VCALENDAR');
      expect(ics.text).toContain(`SUMMARY:${klass.code} – Chuyên đề Đảng`);
      expect(ics.text).toContain('DTSTART:20270401T010000Z');
      await t.http().get('/api/v1/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics').expect(404);
      await t.http().get('/api/v1/calendar/short.ics').expect(404);

      const learner = await makeLearner(t, w.communeA);
      await enroll(klass.id, learner.user.id).expect(201);
      const mine = await t.http().get('/api/v1/me/calendar').set(bearer(learner.tokens)).expect(200);
      const personal = await t.http().get(mine.body.path).expect(200);
      expect(personal.text).toContain('Chuyên đề Đảng');
    });
  });

  describe('integrity', () => {
    it('verifies a class’s chain in a job and names the first entry edited behind the application’s back', async () => {
      const klass = await makeClass(t, w);
      await transition(klass.id, ClassStatus.Open).expect(200);
      await waitFor(async () => ((await history(klass.id)).every((e) => e.seq !== null) ? true : undefined));
      const run = async () => {
        const queued = await t
          .http()
          .post(`/api/v1/classes/${klass.id}/history/verifications`)
          .set(bearer(w.auditor))
          .expect(202);
        expect(queued.body.status).toBe(VerificationStatus.Queued);
        return waitFor(async () => {
          const got = (
            await t
              .http()
              .get(`/api/v1/classes/${klass.id}/history/verifications/${queued.body.id}`)
              .set(bearer(w.auditor))
              .expect(200)
          ).body as ClassVerificationResponse;
          return got.status === VerificationStatus.Completed ? got : undefined;
        });
      };
      expect((await run()).result).toMatchObject({ isIntact: true, sealedEntries: 3 });
      const [snapshot] = (await history(klass.id)).filter((e) => e.type === ClassLedgerType.PolicySnapshot);
      await t.db.transaction(async (tx) => {
        await tx.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_no_change');
        await tx.query(
          `UPDATE ledger_entries SET payload = jsonb_set(payload, '{completionPolicy,minAttendancePercent}', '50')
            WHERE id = $1`,
          [snapshot.id],
        );
        await tx.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_no_change');
      });
      expect((await run()).result).toMatchObject({
        isIntact: false,
        firstBrokenEntryId: snapshot.id,
        breakKind: ChainBreak.ContentChanged,
      });
      const other = await makeClass(t, w);
      const queued = await t
        .http()
        .post(`/api/v1/classes/${other.id}/history/verifications`)
        .set(bearer(w.auditor));
      await t
        .http()
        .get(`/api/v1/classes/${klass.id}/history/verifications/${queued.body.id}`)
        .set(bearer(w.auditor))
        .expect(404);
    });
  });
});
