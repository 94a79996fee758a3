import {
  ClassLedgerType,
  ClassStatus,
  EnrollmentResponse,
  EnrollmentStatus,
  MyClassDetailResponse,
  MyClassResponse,
} from '@thuchoc/classes/contracts';
import { CourseResponse } from '@thuchoc/courses/contracts';
import { NotificationKind, NotificationResponse } from '@thuchoc/notifications/contracts';
import { TokenPair } from '@thuchoc/identity/contracts';
import { bearer, startTestApp, TestApp, waitFor } from './support/test-app';
import { ClassWorld, makeClass, makeClassWorld, makeCourse, makeLearner } from './support/class-world';

describe('enrollment', () => {
  let t: TestApp;
  let w: ClassWorld;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    w = await makeClassWorld(t);
  });
  afterAll(() => t.close());

  const enroll = (classId: string, userId: string) =>
    t.http().post(`/api/v1/classes/${classId}/enrollments`).set(bearer(w.staff)).send({ userId });
  const roster = async (classId: string, status?: EnrollmentStatus) =>
    (
      await t
        .http()
        .get(`/api/v1/classes/${classId}/enrollments`)
        .query(status ? { status } : {})
        .set(bearer(w.staff))
        .expect(200)
    ).body.items as EnrollmentResponse[];
  const notifications = async (tokens: TokenPair) =>
    (await t.http().get('/api/v1/me/notifications').set(bearer(tokens)).expect(200)).body
      .items as NotificationResponse[];

  it('waitlists learners once the class is full and promotes the first when someone withdraws', async () => {
    const klass = await makeClass(t, w, { capacity: 2 });
    const learners: Awaited<ReturnType<typeof makeLearner>>[] = [];
    for (const name of ['Lê Văn Một', 'Trần Thị Hai', 'Phạm Văn Ba', 'Đỗ Thị Bốn']) {
      learners.push(await makeLearner(t, w.communeA, name));
    }
    const statuses: string[] = [];
    for (const learner of learners)
      statuses.push((await enroll(klass.id, learner.user.id).expect(201)).body.status);
    expect(statuses).toEqual(['active', 'active', 'waitlisted', 'waitlisted']);
    const waiting = await roster(klass.id, EnrollmentStatus.Waitlisted);
    expect(waiting.map((e) => [e.fullName, e.waitlistPosition])).toEqual([
      ['Phạm Văn Ba', 1],
      ['Đỗ Thị Bốn', 2],
    ]);
    const twice = await enroll(klass.id, learners[0].user.id).expect(409);
    expect(twice.body.code).toBe('enrollment.already-enrolled');

    const [first] = await roster(klass.id, EnrollmentStatus.Active);
    const noReason = t
      .http()
      .post(`/api/v1/classes/${klass.id}/enrollments/${first.id}/withdrawal`)
      .set(bearer(w.staff));
    await noReason.send({}).expect(400);
    const withdrawn = await t
      .http()
      .post(`/api/v1/classes/${klass.id}/enrollments/${first.id}/withdrawal`)
      .set(bearer(w.staff))
      .send({ reason: 'Được cử đi công tác dài ngày' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', reason: 'Được cử đi công tác dài ngày' });
    const active = await roster(klass.id, EnrollmentStatus.Active);
    expect(active.map((e) => e.fullName).sort()).toEqual(['Phạm Văn Ba', 'Trần Thị Hai'].sort());
    expect(
      (await roster(klass.id, EnrollmentStatus.Waitlisted)).map((e) => [e.fullName, e.waitlistPosition]),
    ).toEqual([['Đỗ Thị Bốn', 1]]);
    const promoted = await waitFor(async () => {
      const items = await notifications(learners[2].tokens);
      return items.find((n) => n.kind === NotificationKind.ClassPromoted);
    });
    expect(promoted.params['classTitle']).toBe(klass.title);
    const history = (await t.http().get(`/api/v1/classes/${klass.id}/history`).set(bearer(w.staff))).body as {
      type: string;
      subjectNames: string[];
      reason: string | null;
    }[];
    expect(history.slice(-2).map((e) => [e.type, e.subjectNames[0], e.reason])).toEqual([
      [ClassLedgerType.EnrollmentWithdrawn, 'Lê Văn Một', 'Được cử đi công tác dài ngày'],
      [ClassLedgerType.EnrollmentPromoted, 'Phạm Văn Ba', null],
    ]);
  });

  it('moves the waitlist up when the capacity grows, and refuses a capacity below the active count', async () => {
    const klass = await makeClass(t, w, { capacity: 1 });
    const a = await makeLearner(t, w.communeA);
    const b = await makeLearner(t, w.communeA);
    await enroll(klass.id, a.user.id).expect(201);
    await enroll(klass.id, b.user.id).expect(201);
    const patch = (body: object) =>
      t.http().patch(`/api/v1/classes/${klass.id}`).set(bearer(w.staff)).send(body);
    await patch({ capacity: 2 }).expect(200);
    expect((await roster(klass.id, EnrollmentStatus.Active)).map((e) => e.userId).sort()).toEqual(
      [a.user.id, b.user.id].sort(),
    );
    const below = await patch({ capacity: 1 }).expect(409);
    expect(below.body.code).toBe('class.capacity-below-active');
  });

  it('lets a learner ask to join an open class in their unit, and staff approve or reject with a reason', async () => {
    const klass = await makeClass(t, w, { isSelfEnrollmentAllowed: true, capacity: 5 });
    const inside = await makeLearner(t, w.communeA, 'Võ Thị Năm');
    const elsewhere = await makeLearner(t, w.communeB);
    const open = await t.http().get('/api/v1/me/open-classes').set(bearer(inside.tokens)).expect(200);
    expect(open.body.map((c: { id: string }) => c.id)).toContain(klass.id);
    const notForB = await t.http().get('/api/v1/me/open-classes').set(bearer(elsewhere.tokens)).expect(200);
    expect(notForB.body.map((c: { id: string }) => c.id)).not.toContain(klass.id);
    await t
      .http()
      .post(`/api/v1/me/open-classes/${klass.id}/enrollment-request`)
      .set(bearer(elsewhere.tokens))
      .expect(404);
    const asked = await t
      .http()
      .post(`/api/v1/me/open-classes/${klass.id}/enrollment-request`)
      .set(bearer(inside.tokens))
      .expect(201);
    expect(asked.body).toMatchObject({ enrollmentStatus: 'pending', classId: klass.id });
    await t
      .http()
      .post(`/api/v1/me/open-classes/${klass.id}/enrollment-request`)
      .set(bearer(inside.tokens))
      .expect(409);
    const [pending] = await roster(klass.id, EnrollmentStatus.Pending);
    const decide = (body: object) =>
      t
        .http()
        .post(`/api/v1/classes/${klass.id}/enrollments/${pending.id}/decision`)
        .set(bearer(w.staff))
        .send(body);
    await decide({ isApproved: false }).expect(400);
    await decide({ isApproved: true }).expect(200);
    await decide({ isApproved: true }).expect(409);
    const approved = await waitFor(async () =>
      (await notifications(inside.tokens)).find((n) => n.kind === NotificationKind.ClassRequestApproved),
    );
    expect(approved.params['classTitle']).toBe(klass.title);
  });

  it('shows a learner their classes, the schedule and lessons, and lets them withdraw', async () => {
    const course: CourseResponse = await makeCourse(t, w);
    const withModule = await t
      .http()
      .post(`/api/v1/courses/${course.id}/modules`)
      .set(bearer(w.staff))
      .send({ title: 'Học phần 1: Chủ nghĩa Mác – Lênin' })
      .expect(201);
    const moduleId = (withModule.body as CourseResponse).modules[0].id;
    await t
      .http()
      .post(`/api/v1/courses/${course.id}/modules/${moduleId}/lessons`)
      .set(bearer(w.staff))
      .send({
        title: 'Bài 1: Học thuyết giá trị',
        body: '<p><strong>Giá trị</strong> thặng dư</p><script>x()</script>',
      })
      .expect(201);
    const klass = await makeClass(t, w, { courseId: course.id });
    await t
      .http()
      .post(`/api/v1/classes/${klass.id}/sessions`)
      .set(bearer(w.staff))
      .send({
        title: 'Buổi khai giảng',
        startsAt: '2027-05-04T01:00:00.000Z',
        endsAt: '2027-05-04T03:00:00.000Z',
        mode: 'in-person',
        room: 'Hội trường A',
      })
      .expect(201);
    const learner = await makeLearner(t, w.communeA);
    const stranger = await makeLearner(t, w.communeA);
    await enroll(klass.id, learner.user.id).expect(201);
    await t
      .http()
      .post(`/api/v1/classes/${klass.id}/transitions`)
      .set(bearer(w.staff))
      .send({ to: ClassStatus.Open });

    const mine = (await t.http().get('/api/v1/me/classes').set(bearer(learner.tokens)).expect(200))
      .body as MyClassResponse[];
    expect(mine).toEqual([
      expect.objectContaining({
        classId: klass.id,
        enrollmentStatus: 'active',
        status: 'open',
        startsOn: '2027-05-04',
      }),
    ]);
    const detail = (
      await t.http().get(`/api/v1/me/classes/${klass.id}`).set(bearer(learner.tokens)).expect(200)
    ).body as MyClassDetailResponse;
    expect(detail.sessions.map((s) => [s.title, s.room])).toEqual([['Buổi khai giảng', 'Hội trường A']]);
    expect(detail.modules[0].lessons[0].title).toBe('Bài 1: Học thuyết giá trị');
    expect(detail.modules[0].lessons[0].body).not.toContain('<script>');
    await t.http().get(`/api/v1/me/classes/${klass.id}`).set(bearer(stranger.tokens)).expect(404);
    await t.http().get(`/api/v1/classes/${klass.id}`).set(bearer(learner.tokens)).expect(403);

    await t
      .http()
      .post(`/api/v1/me/classes/${klass.id}/withdrawal`)
      .set(bearer(learner.tokens))
      .send({ reason: 'Chuyển công tác sang tỉnh khác' })
      .expect(200);
    await t.http().get(`/api/v1/me/classes/${klass.id}`).set(bearer(learner.tokens)).expect(404);
  });

  it('shows a lecturer the classes they teach with their rosters, and nobody else’s', async () => {
    const klass = await makeClass(t, w, { lecturerIds: [w.lecturerIds[0]] });
    const learner = await makeLearner(t, w.communeA, 'Bùi Văn Sáu');
    await enroll(klass.id, learner.user.id).expect(201);
    const teaching = await t.http().get('/api/v1/me/teaching').set(bearer(w.lecturers[0])).expect(200);
    expect(teaching.body.map((c: { id: string }) => c.id)).toContain(klass.id);
    const detail = await t
      .http()
      .get(`/api/v1/me/teaching/${klass.id}`)
      .set(bearer(w.lecturers[0]))
      .expect(200);
    expect(detail.body.roster.map((e: EnrollmentResponse) => e.fullName)).toEqual(['Bùi Văn Sáu']);
    await t.http().get(`/api/v1/me/teaching/${klass.id}`).set(bearer(w.lecturers[1])).expect(404);
  });

  it('keeps enrollment out of classes that are closed and of users who are not learners', async () => {
    const klass = await makeClass(t, w);
    const notLearner = await enroll(klass.id, w.lecturerIds[0]).expect(400);
    expect(notLearner.body.code).toBe('enrollment.user-not-learner');
    const learner = await makeLearner(t, w.otherProvinceId);
    expect((await enroll(klass.id, learner.user.id).expect(400)).body.code).toBe('enrollment.user-unknown');
    for (const to of [ClassStatus.Open, ClassStatus.Running, ClassStatus.Closed]) {
      await t
        .http()
        .post(`/api/v1/classes/${klass.id}/transitions`)
        .set(bearer(w.staff))
        .send({ to })
        .expect(200);
    }
    const late = await makeLearner(t, w.communeA);
    expect((await enroll(klass.id, late.user.id).expect(409)).body.code).toBe(
      'enrollment.class-not-enrolling',
    );
  });
});
