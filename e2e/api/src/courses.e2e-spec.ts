import { CoursesService } from '@thuchoc/courses/api';
import {
  CourseAudience,
  CourseResponse,
  CourseSummary,
  DEFAULT_COMPLETION_POLICY,
  DEFAULT_GRADING_SCHEME,
  GradeComponent,
  PDF_ATTACHMENT_MAX_BYTES,
} from '@thuchoc/courses/contracts';
import { OrgUnitKind, Role, TokenPair } from '@thuchoc/identity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import type { Response, Test } from 'supertest';
import { bearer, login, makeUnit, makeUser, startTestApp, TestApp, unique } from './support/test-app';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** A small but well-formed PDF: header, one object, trailer and end-of-file marker. */
const pdf = (text = 'tài liệu') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );

/** Collects a binary answer (superagent would otherwise leave it unparsed). */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('courses', () => {
  let t: TestApp;
  let provinceId: string;
  let communeA: string;
  let cellA: string;
  let communeB: string;
  let admin: TokenPair;
  let staffA: TokenPair;
  let staffB: TokenPair;
  let auditorA: TokenPair;
  let learnerA: TokenPair;
  let lecturerA: TokenPair;

  beforeAll(async () => {
    t = await startTestApp();
    provinceId = (await makeUnit(t, { kind: OrgUnitKind.Province, name: 'Tỉnh Đồng Nai' })).id;
    communeA = (await makeUnit(t, { parentId: provinceId, name: 'Phường Đồng Xoài' })).id;
    cellA = (await makeUnit(t, { parentId: communeA, kind: OrgUnitKind.Cell, name: 'Chi bộ Khu phố 1' })).id;
    communeB = (await makeUnit(t, { parentId: provinceId, name: 'Xã Tân Lợi' })).id;
    const as = async (orgUnitId: string, role: Role) =>
      login(t, (await makeUser(t, { orgUnitId, roles: [role] })).username);
    admin = await as(provinceId, Role.Admin);
    staffA = await as(communeA, Role.CentreStaff);
    staffB = await as(communeB, Role.CentreStaff);
    auditorA = await as(communeA, Role.Auditor);
    learnerA = await as(communeA, Role.Learner);
    lecturerA = await as(communeA, Role.Lecturer);
  });
  afterAll(() => t.close());

  const url = (path = '') => `/api/v1/courses${path}`;
  const newCourse = (overrides: object = {}) => ({
    code: unique('BD').toUpperCase(),
    title: 'Bồi dưỡng lý luận chính trị cho đảng viên mới',
    audience: CourseAudience.NewPartyMembers,
    requiredHours: 40,
    ...overrides,
  });
  const makeCourse = async (token = staffA, overrides: object = {}) =>
    (await t.http().post(url()).set(bearer(token)).send(newCourse(overrides)).expect(201))
      .body as CourseResponse;
  const getCourse = async (id: string, token = staffA) =>
    (
      await t
        .http()
        .get(url(`/${id}`))
        .set(bearer(token))
        .expect(200)
    ).body as CourseResponse;
  const addModule = async (courseId: string, title: string) =>
    (
      await t
        .http()
        .post(url(`/${courseId}/modules`))
        .set(bearer(staffA))
        .send({ title })
        .expect(201)
    ).body as CourseResponse;
  const addLesson = async (courseId: string, moduleId: string, body: object) =>
    (
      await t
        .http()
        .post(url(`/${courseId}/modules/${moduleId}/lessons`))
        .set(bearer(staffA))
        .send(body)
        .expect(201)
    ).body as CourseResponse;
  const upload = (courseId: string, lessonId: string, bytes: Buffer, filename: string, token = staffA) =>
    t
      .http()
      .post(url(`/${courseId}/lessons/${lessonId}/attachments`))
      .set(bearer(token))
      .attach('file', bytes, { filename, contentType: 'application/pdf' });
  /** A course with one module holding one lesson. */
  const makeCourseWithLesson = async () => {
    const course = await makeCourse();
    const withModule = await addModule(course.id, 'Phần I');
    const withLesson = await addLesson(course.id, withModule.modules[0].id, { title: 'Bài 1' });
    return {
      course: withLesson,
      moduleId: withLesson.modules[0].id,
      lessonId: withLesson.modules[0].lessons[0].id,
    };
  };
  const titles = (course: CourseResponse) => course.modules.map((m) => `${m.position}:${m.title}`);

  describe('the course', () => {
    it("creates a course in the caller's own unit with the default scheme and policy", async () => {
      const body = newCourse({ description: '  Chương trình 2026  ' });
      const created = (await t.http().post(url()).set(bearer(staffA)).send(body).expect(201))
        .body as CourseResponse;
      expect(created).toMatchObject({
        code: body.code,
        title: body.title,
        description: 'Chương trình 2026',
        audience: CourseAudience.NewPartyMembers,
        requiredHours: 40,
        ownerUnitId: communeA,
        ownerUnitName: 'Phường Đồng Xoài',
        moduleCount: 0,
        lessonCount: 0,
        gradingScheme: DEFAULT_GRADING_SCHEME,
        completionPolicy: DEFAULT_COMPLETION_POLICY,
        modules: [],
      });
      expect(await getCourse(created.id)).toEqual(created);
      expect(await getCourse(created.id, auditorA)).toEqual(created);
    });

    it('refuses a code already used in any case with 409, and bad bodies with field errors, writing nothing', async () => {
      const first = await makeCourse();
      const duplicate = await t
        .http()
        .post(url())
        .set(bearer(staffB))
        .send(newCourse({ code: first.code.toLowerCase() }))
        .expect(409);
      expect(duplicate.body).toMatchObject({ status: 409, code: 'course.code-taken' });
      expect(duplicate.headers['content-type']).toContain('application/problem+json');

      const invalid = await t
        .http()
        .post(url())
        .set(bearer(staffA))
        .send({
          code: 'có dấu cách',
          title: '   ',
          audience: 'everyone',
          requiredHours: 0,
          isPublished: true,
        })
        .expect(400);
      expect(invalid.body.code).toBe('request.invalid');
      expect((invalid.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'audience',
        'code',
        'isPublished',
        'requiredHours',
        'title',
      ]);
      for (const requiredHours of [2001, 1.5, '40', null]) {
        const response = await t
          .http()
          .post(url())
          .set(bearer(staffA))
          .send(newCourse({ code: 'HOURS-X', requiredHours }))
          .expect(400);
        expect(response.body.errors[0].field).toBe('requiredHours');
      }
      await t
        .http()
        .post(url())
        .set(bearer(staffA))
        .send(newCourse({ code: 'HOURS-OK', requiredHours: 2000 }))
        .expect(201);
      const rows = await t.db.query(`SELECT 1 FROM courses WHERE code IN ('có dấu cách', 'HOURS-X')`);
      expect(rows).toHaveLength(0);
    });

    it('lets the owner be any unit inside the caller’s scope, and no other', async () => {
      expect((await makeCourse(staffA, { ownerUnitId: cellA })).ownerUnitId).toBe(cellA);
      const provinceStaff = await login(
        t,
        (await makeUser(t, { orgUnitId: provinceId, roles: [Role.CentreStaff] })).username,
      );
      expect((await makeCourse(provinceStaff, { ownerUnitId: communeB })).ownerUnitName).toBe('Xã Tân Lợi');
      for (const ownerUnitId of [communeB, provinceId, NOWHERE]) {
        const refused = await t
          .http()
          .post(url())
          .set(bearer(staffA))
          .send(newCourse({ code: 'OUTSIDE-1', ownerUnitId }))
          .expect(404);
        expect(refused.body.code).toBe('org-unit.not-found');
      }
      expect(await t.db.query(`SELECT 1 FROM courses WHERE code = 'OUTSIDE-1'`)).toHaveLength(0);
    });

    it('changes title, description, audience and hours, and refuses to clear them', async () => {
      const course = await makeCourse();
      const changed = (
        await t
          .http()
          .patch(url(`/${course.id}`))
          .set(bearer(staffA))
          .send({
            title: 'Chuyên đề Nghị quyết 57',
            audience: CourseAudience.Thematic,
            requiredHours: 8,
            description: '',
          })
          .expect(200)
      ).body as CourseResponse;
      expect(changed).toMatchObject({
        code: course.code,
        title: 'Chuyên đề Nghị quyết 57',
        audience: CourseAudience.Thematic,
        requiredHours: 8,
        description: '',
      });
      const refused = await t
        .http()
        .patch(url(`/${course.id}`))
        .set(bearer(staffA))
        .send({ title: null, requiredHours: null, code: 'NEW-CODE', ownerUnitId: communeB })
        .expect(400);
      expect((refused.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'code',
        'ownerUnitId',
        'requiredHours',
        'title',
      ]);
      expect(await getCourse(course.id)).toEqual(changed);
    });
  });

  describe('grading scheme and completion policy', () => {
    const patch = (id: string, body: object) =>
      t
        .http()
        .patch(url(`/${id}`))
        .set(bearer(staffA))
        .send(body);
    const scheme = (...weights: [GradeComponent, number][]) => ({
      components: weights.map(([component, weight]) => ({ component, weight })),
    });

    it('saves a scheme whose whole weights sum to exactly 100, with each component at most once', async () => {
      const course = await makeCourse();
      const gradingScheme = scheme([GradeComponent.Attendance, 0], [GradeComponent.Final, 100]);
      const saved = (await patch(course.id, { gradingScheme }).expect(200)).body as CourseResponse;
      expect(saved.gradingScheme).toEqual(gradingScheme);
      expect((await getCourse(course.id)).gradingScheme).toEqual(gradingScheme);
    });

    it('refuses a scheme that does not sum to 100 or repeats a component, changing nothing', async () => {
      const course = await makeCourse();
      const before = await getCourse(course.id);
      const cases: [object, string, string][] = [
        [
          scheme([GradeComponent.Attendance, 10], [GradeComponent.Quizzes, 30], [GradeComponent.Final, 50]),
          'course.scheme-weights',
          'gradingScheme.components',
        ],
        [
          scheme([GradeComponent.Final, 60], [GradeComponent.Final, 40]),
          'course.scheme-components',
          'gradingScheme.components',
        ],
        [{ components: [] }, 'course.scheme-weights', 'gradingScheme.components'],
        [
          scheme([GradeComponent.Final, 99.5], [GradeComponent.Quizzes, 0.5]),
          'request.invalid',
          'gradingScheme.components.0.weight',
        ],
        [
          scheme([GradeComponent.Final, 150], [GradeComponent.Quizzes, -50]),
          'request.invalid',
          'gradingScheme.components.0.weight',
        ],
        [
          scheme(['homework' as GradeComponent, 100]),
          'request.invalid',
          'gradingScheme.components.0.component',
        ],
        [
          { components: [{ component: GradeComponent.Final, weight: 100, bonus: 1 }] },
          'request.invalid',
          'gradingScheme.components.0.bonus',
        ],
      ];
      for (const [gradingScheme, code, field] of cases) {
        const refused = await patch(course.id, { gradingScheme, title: 'Không được đổi' }).expect(400);
        expect({ code: refused.body.code, field: refused.body.errors[0].field }).toEqual({ code, field });
      }
      for (const gradingScheme of [null, 'all final', { components: 'final' }]) {
        expect((await patch(course.id, { gradingScheme }).expect(400)).body.errors[0].field).toMatch(
          /^gradingScheme/,
        );
      }
      expect(await getCourse(course.id)).toEqual(before);
    });

    it('saves a completion policy and refuses one out of range, field by field', async () => {
      const course = await makeCourse();
      const completionPolicy = {
        minAttendancePercent: 90,
        minPresencePercent: 75.5,
        finalPassMark: 6.75,
        isEssayRequired: false,
        maxOpenIntegrityFlags: 1,
      };
      expect((await patch(course.id, { completionPolicy }).expect(200)).body.completionPolicy).toEqual(
        completionPolicy,
      );
      const refused = await patch(course.id, {
        completionPolicy: {
          minAttendancePercent: 101,
          minPresencePercent: -1,
          finalPassMark: 10.25,
          isEssayRequired: 'yes',
          maxOpenIntegrityFlags: 0.5,
        },
      }).expect(400);
      expect((refused.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'completionPolicy.finalPassMark',
        'completionPolicy.isEssayRequired',
        'completionPolicy.maxOpenIntegrityFlags',
        'completionPolicy.minAttendancePercent',
        'completionPolicy.minPresencePercent',
      ]);
      const partial = await patch(course.id, { completionPolicy: { finalPassMark: 5 } }).expect(400);
      expect(partial.body.errors.length).toBe(4);
      expect((await getCourse(course.id)).completionPolicy).toEqual(completionPolicy);
    });
  });

  describe('modules and lessons', () => {
    it('appends modules and renumbers the others when one moves or goes, in one piece', async () => {
      const course = await makeCourse();
      for (const title of ['M1', 'M2', 'M3']) await addModule(course.id, title);
      const withFour = await addModule(course.id, 'M4');
      expect(titles(withFour)).toEqual(['1:M1', '2:M2', '3:M3', '4:M4']);
      const id = (title: string) => withFour.modules.find((m) => m.title === title)?.id as string;
      const move = (title: string, body: object) =>
        t
          .http()
          .patch(url(`/${course.id}/modules/${id(title)}`))
          .set(bearer(staffA))
          .send(body);

      expect(titles((await move('M4', { position: 1 }).expect(200)).body)).toEqual([
        '1:M4',
        '2:M1',
        '3:M2',
        '4:M3',
      ]);
      expect(titles((await move('M4', { position: 3, title: 'M4 mới' }).expect(200)).body)).toEqual([
        '1:M1',
        '2:M2',
        '3:M4 mới',
        '4:M3',
      ]);
      const before = await getCourse(course.id);
      const past = await move('M1', { position: 5, title: 'Không được đổi' }).expect(400);
      expect(past.body).toMatchObject({
        code: 'module.position-out-of-range',
        errors: [{ field: 'position' }],
      });
      for (const body of [
        { position: 0 },
        { position: 1.5 },
        { position: null },
        { title: '' },
        { title: null },
      ]) {
        expect((await move('M1', body).expect(400)).body.code).toBe('request.invalid');
      }
      expect(await getCourse(course.id)).toEqual(before);

      const afterDelete = (
        await t
          .http()
          .delete(url(`/${course.id}/modules/${id('M2')}`))
          .set(bearer(staffA))
          .expect(200)
      ).body as CourseResponse;
      expect(titles(afterDelete)).toEqual(['1:M1', '2:M4 mới', '3:M3']);
      expect(afterDelete.moduleCount).toBe(3);
    });

    it('deletes a module with its lessons and their attachments', async () => {
      const { course, moduleId, lessonId } = await makeCourseWithLesson();
      await addLesson(course.id, moduleId, { title: 'Bài 2' });
      await upload(course.id, lessonId, pdf(), 'a.pdf').expect(201);
      const emptied = (
        await t
          .http()
          .delete(url(`/${course.id}/modules/${moduleId}`))
          .set(bearer(staffA))
          .expect(200)
      ).body as CourseResponse;
      expect(emptied).toMatchObject({ modules: [], moduleCount: 0, lessonCount: 0 });
      expect(await t.db.query('SELECT 1 FROM lessons WHERE module_id = $1', [moduleId])).toHaveLength(0);
      expect(
        await t.db.query('SELECT 1 FROM lesson_attachments WHERE course_id = $1', [course.id]),
      ).toHaveLength(0);
    });

    it('orders lessons within their module, renumbering on move and delete', async () => {
      const course = await makeCourse();
      const moduleId = (await addModule(course.id, 'Phần I')).modules[0].id;
      let current = course;
      for (const title of ['L1', 'L2', 'L3']) current = await addLesson(course.id, moduleId, { title });
      const lessons = () => current.modules[0].lessons.map((l) => `${l.position}:${l.title}`);
      const id = (title: string) => current.modules[0].lessons.find((l) => l.title === title)?.id as string;
      expect(lessons()).toEqual(['1:L1', '2:L2', '3:L3']);
      expect(current.lessonCount).toBe(3);

      current = (
        await t
          .http()
          .patch(url(`/${course.id}/lessons/${id('L3')}`))
          .set(bearer(staffA))
          .send({ position: 1 })
          .expect(200)
      ).body;
      expect(lessons()).toEqual(['1:L3', '2:L1', '3:L2']);
      const past = await t
        .http()
        .patch(url(`/${course.id}/lessons/${id('L1')}`))
        .set(bearer(staffA))
        .send({ position: 4 })
        .expect(400);
      expect(past.body.code).toBe('lesson.position-out-of-range');
      current = (
        await t
          .http()
          .delete(url(`/${course.id}/lessons/${id('L3')}`))
          .set(bearer(staffA))
          .expect(200)
      ).body;
      expect(lessons()).toEqual(['1:L1', '2:L2']);
      // Another module's lessons keep their own numbering.
      const other = (await addModule(course.id, 'Phần II')).modules[1].id;
      current = await addLesson(course.id, other, { title: 'K1' });
      expect(current.modules[1].lessons.map((l) => l.position)).toEqual([1]);
    });

    it('keeps only safe formatting in lesson bodies', async () => {
      const { course, lessonId } = await makeCourseWithLesson();
      const body =
        '<h3 onclick="x()">Mục tiêu</h3><p style="color:red">Nắm vững <strong>Cương lĩnh</strong></p>' +
        '<script>fetch("/steal")</script><img src=x onerror=alert(1)>' +
        '<a href="javascript:alert(1)">xấu</a> <a href="https://tulieuvankien.dangcongsan.vn/">tốt</a>';
      const saved = (
        await t
          .http()
          .patch(url(`/${course.id}/lessons/${lessonId}`))
          .set(bearer(staffA))
          .send({ body })
          .expect(200)
      ).body as CourseResponse;
      expect(saved.modules[0].lessons[0].body).toBe(
        '<h3>Mục tiêu</h3><p>Nắm vững <strong>Cương lĩnh</strong></p>' +
          '<a>xấu</a> <a href="https://tulieuvankien.dangcongsan.vn/">tốt</a>',
      );
      const stored = await t.db.query('SELECT body FROM lessons WHERE id = $1', [lessonId]);
      expect(stored[0].body).not.toContain('script');
    });

    it('takes http(s) video links and 1–600 minute durations, clears them with null, refuses the rest', async () => {
      const { course, moduleId, lessonId } = await makeCourseWithLesson();
      const patchLesson = (body: object) =>
        t
          .http()
          .patch(url(`/${course.id}/lessons/${lessonId}`))
          .set(bearer(staffA))
          .send(body);
      const set = (
        await patchLesson({ videoUrl: 'https://www.youtube.com/watch?v=abc', durationMinutes: 45 }).expect(
          200,
        )
      ).body as CourseResponse;
      expect(set.modules[0].lessons[0]).toMatchObject({
        videoUrl: 'https://www.youtube.com/watch?v=abc',
        durationMinutes: 45,
      });
      const before = await getCourse(course.id);
      for (const videoUrl of [
        'javascript:alert(1)',
        'ftp://files.example/v.mp4',
        'www.youtube.com/watch',
        'not a url',
        42,
      ]) {
        expect((await patchLesson({ videoUrl }).expect(400)).body.errors[0].field).toBe('videoUrl');
      }
      for (const durationMinutes of [0, 601, 1.5, '30']) {
        expect((await patchLesson({ durationMinutes }).expect(400)).body.errors[0].field).toBe(
          'durationMinutes',
        );
      }
      for (const body of [{ title: '' }, { title: null }, { body: null }, { body: 5 }, { moduleId }]) {
        expect((await patchLesson(body).expect(400)).body.code).toBe('request.invalid');
      }
      expect(await getCourse(course.id)).toEqual(before);
      const cleared = (await patchLesson({ videoUrl: null, durationMinutes: null }).expect(200))
        .body as CourseResponse;
      expect(cleared.modules[0].lessons[0]).toMatchObject({ videoUrl: null, durationMinutes: null });
      const created = await addLesson(course.id, moduleId, {
        title: 'Bài 2',
        videoUrl: 'http://video.example/b2',
        durationMinutes: 600,
      });
      expect(created.modules[0].lessons[1]).toMatchObject({
        body: '',
        videoUrl: 'http://video.example/b2',
        durationMinutes: 600,
      });
    });

    it('never reaches a module, lesson or attachment through another course', async () => {
      const mine = await makeCourseWithLesson();
      const other = await makeCourseWithLesson();
      const attachmentId = (await upload(other.course.id, other.lessonId, pdf(), 'b.pdf').expect(201)).body
        .modules[0].lessons[0].attachments[0].id as string;
      const through = mine.course.id;
      const calls: [Test, string][] = [
        [
          t
            .http()
            .patch(url(`/${through}/modules/${other.moduleId}`))
            .send({ title: 'x' }),
          'module.not-found',
        ],
        [t.http().delete(url(`/${through}/modules/${other.moduleId}`)), 'module.not-found'],
        [
          t
            .http()
            .post(url(`/${through}/modules/${other.moduleId}/lessons`))
            .send({ title: 'x' }),
          'module.not-found',
        ],
        [
          t
            .http()
            .patch(url(`/${through}/lessons/${other.lessonId}`))
            .send({ title: 'x' }),
          'lesson.not-found',
        ],
        [t.http().delete(url(`/${through}/lessons/${other.lessonId}`)), 'lesson.not-found'],
        [t.http().get(url(`/${through}/attachments/${attachmentId}`)), 'attachment.not-found'],
        [t.http().delete(url(`/${through}/attachments/${attachmentId}`)), 'attachment.not-found'],
        [t.http().delete(url(`/${through}/modules/not-a-uuid`)), 'module.not-found'],
        [
          t
            .http()
            .patch(url(`/${through}/lessons/${NOWHERE}`))
            .send({ title: 'x' }),
          'lesson.not-found',
        ],
      ];
      for (const [call, code] of calls)
        expect((await call.set(bearer(staffA)).expect(404)).body.code).toBe(code);
      const upload404 = await upload(through, other.lessonId, pdf(), 'c.pdf').expect(404);
      expect(upload404.body.code).toBe('lesson.not-found');
      expect(await getCourse(other.course.id)).toEqual(
        expect.objectContaining({ modules: [expect.objectContaining({ title: 'Phần I' })] }),
      );
      expect((await getCourse(other.course.id)).modules[0].lessons[0].attachments).toHaveLength(1);
    });
  });

  describe('PDF attachments', () => {
    it('stores a PDF and serves it back as a download with its Vietnamese name', async () => {
      const { course, lessonId } = await makeCourseWithLesson();
      const bytes = pdf('Nghị quyết');
      const fileName = 'Bài giảng số 1 – Tư tưởng Hồ Chí Minh.pdf';
      const saved = (await upload(course.id, lessonId, bytes, fileName).expect(201)).body as CourseResponse;
      const [attachment] = saved.modules[0].lessons[0].attachments;
      expect(attachment).toEqual({
        id: expect.any(String),
        fileName,
        sizeBytes: bytes.length,
        contentType: 'application/pdf',
        downloadPath: `/api/v1/courses/${course.id}/attachments/${attachment.id}`,
      });

      for (const reader of [staffA, auditorA, admin]) {
        const download = await t
          .http()
          .get(attachment.downloadPath)
          .set(bearer(reader))
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(download.headers['content-type']).toBe('application/pdf');
        expect(download.headers['x-content-type-options']).toBe('nosniff');
        expect(download.headers['content-length']).toBe(String(bytes.length));
        const disposition = download.headers['content-disposition'] as string;
        expect(disposition).toMatch(/^attachment; /);
        const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
        expect(decodeURIComponent(encoded)).toBe(fileName);
        expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
      }
      await t.http().get(attachment.downloadPath).set(bearer(staffB)).expect(404);
      await t.http().get(attachment.downloadPath).set(bearer(learnerA)).expect(403);

      const removed = (
        await t
          .http()
          .delete(url(`/${course.id}/attachments/${attachment.id}`))
          .set(bearer(staffA))
          .expect(200)
      ).body as CourseResponse;
      expect(removed.modules[0].lessons[0].attachments).toEqual([]);
      await t.http().get(attachment.downloadPath).set(bearer(staffA)).expect(404);
    });

    it('keeps only the last part of a path-like name', async () => {
      const { course, lessonId } = await makeCourseWithLesson();
      const saved = (await upload(course.id, lessonId, pdf(), '..\\..\\Windows\\Đề cương ôn tập').expect(201))
        .body;
      expect(saved.modules[0].lessons[0].attachments[0].fileName).toBe('Đề cương ôn tập.pdf');
    });

    it('refuses what is not a PDF by its content, whatever its name and declared type, storing nothing', async () => {
      const { course, lessonId } = await makeCourseWithLesson();
      const before = await getCourse(course.id);
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
      const truncated = pdf().subarray(0, 40);
      for (const bytes of [png, html, truncated]) {
        const refused = await upload(course.id, lessonId, bytes, 'giao-trinh.pdf').expect(400);
        expect(refused.body).toMatchObject({ code: 'attachment.not-pdf', errors: [{ field: 'file' }] });
        expect(refused.headers['content-type']).toContain('application/problem+json');
      }
      const missing = await t
        .http()
        .post(url(`/${course.id}/lessons/${lessonId}/attachments`))
        .set(bearer(staffA))
        .field('note', 'không có tệp')
        .expect(400);
      expect(missing.body.code).toBe('attachment.missing');
      const wrongField = await t
        .http()
        .post(url(`/${course.id}/lessons/${lessonId}/attachments`))
        .set(bearer(staffA))
        .attach('document', pdf(), 'a.pdf')
        .expect(400);
      expect(wrongField.headers['content-type']).toContain('application/problem+json');
      expect(await getCourse(course.id)).toEqual(before);
    });

    it('answers an oversized file with 413 problem+json, storing nothing', async () => {
      const { course, lessonId } = await makeCourseWithLesson();
      const head = pdf();
      const huge = Buffer.concat([head, Buffer.alloc(PDF_ATTACHMENT_MAX_BYTES + 1 - head.length, 0x20)]);
      const refused = await upload(course.id, lessonId, huge, 'qua-lon.pdf').expect(413);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ status: 413, code: 'attachment.too-large' });
      const atLimit = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(PDF_ATTACHMENT_MAX_BYTES - 16, 0x20),
        Buffer.from('\n%%EOF\n'),
      ]);
      expect(atLimit.length).toBe(PDF_ATTACHMENT_MAX_BYTES);
      const accepted = (await upload(course.id, lessonId, atLimit, 'vua-du.pdf').expect(201))
        .body as CourseResponse;
      expect(accepted.modules[0].lessons[0].attachments.map((a) => a.fileName)).toEqual(['vua-du.pdf']);
    });
  });

  describe('access', () => {
    it('answers 404 for a course outside the scope on every route, and changes nothing', async () => {
      const { course, moduleId, lessonId } = await makeCourseWithLesson();
      const attachmentId = (await upload(course.id, lessonId, pdf(), 'a.pdf').expect(201)).body.modules[0]
        .lessons[0].attachments[0].id as string;
      const before = await getCourse(course.id);
      const calls = [
        t.http().get(url(`/${course.id}`)),
        t
          .http()
          .patch(url(`/${course.id}`))
          .send({ title: 'Bị đổi' }),
        t
          .http()
          .post(url(`/${course.id}/modules`))
          .send({ title: 'x' }),
        t
          .http()
          .patch(url(`/${course.id}/modules/${moduleId}`))
          .send({ title: 'x' }),
        t.http().delete(url(`/${course.id}/modules/${moduleId}`)),
        t
          .http()
          .post(url(`/${course.id}/modules/${moduleId}/lessons`))
          .send({ title: 'x' }),
        t
          .http()
          .patch(url(`/${course.id}/lessons/${lessonId}`))
          .send({ title: 'x' }),
        t.http().delete(url(`/${course.id}/lessons/${lessonId}`)),
        t.http().get(url(`/${course.id}/attachments/${attachmentId}`)),
        t.http().delete(url(`/${course.id}/attachments/${attachmentId}`)),
      ];
      for (const call of calls) {
        const response = await call.set(bearer(staffB)).expect(404);
        expect(response.body.code).toBe('course.not-found');
      }
      const uploadOutside = await upload(course.id, lessonId, pdf(), 'x.pdf', staffB).expect(404);
      expect(uploadOutside.body.code).toBe('course.not-found');
      for (const id of [NOWHERE, 'not-a-uuid']) {
        expect(
          (
            await t
              .http()
              .get(url(`/${id}`))
              .set(bearer(staffA))
              .expect(404)
          ).body.code,
        ).toBe('course.not-found');
      }
      const listB = (await t.http().get(url('?pageSize=100')).set(bearer(staffB)).expect(200))
        .body as Page<CourseSummary>;
      expect(listB.items.some((c) => c.id === course.id)).toBe(false);
      expect(await getCourse(course.id)).toEqual(before);
    });

    it('lets auditors read but not write, and learners and lecturers neither', async () => {
      const course = await makeCourse();
      await t.http().get(url()).set(bearer(auditorA)).expect(200);
      await t
        .http()
        .get(url(`/${course.id}`))
        .set(bearer(auditorA))
        .expect(200);
      const writes = (token: TokenPair) => [
        t.http().post(url()).set(bearer(token)).send(newCourse()),
        t
          .http()
          .patch(url(`/${course.id}`))
          .set(bearer(token))
          .send({ title: 'x' }),
        t
          .http()
          .post(url(`/${course.id}/modules`))
          .set(bearer(token))
          .send({ title: 'x' }),
      ];
      for (const call of writes(auditorA))
        expect((await call.expect(403)).body.code).toBe('access.role-required');
      for (const token of [learnerA, lecturerA]) {
        for (const call of [
          t.http().get(url()).set(bearer(token)),
          t
            .http()
            .get(url(`/${course.id}`))
            .set(bearer(token)),
          ...writes(token),
        ]) {
          expect((await call.expect(403)).body.code).toBe('access.role-required');
        }
      }
      for (const call of [
        t.http().get(url()),
        t.http().get(url(`/${course.id}`)),
        t.http().post(url()).send(newCourse()),
      ]) {
        expect((await call.expect(401)).body.code).toBe('auth.unauthenticated');
      }
      expect((await getCourse(course.id)).modules).toEqual([]);
    });

    it('lists the courses of the subtree, searching with or without diacritics, by audience, in pages', async () => {
      const tag = unique('T').slice(-8).toUpperCase();
      await makeCourse(staffA, {
        code: `${tag}-1`,
        title: `Học tập Nghị quyết Đại hội ${tag}`,
        audience: CourseAudience.Thematic,
      });
      await makeCourse(staffA, {
        code: `${tag}-2`,
        title: `Nhận thức về Đảng ${tag}`,
        audience: CourseAudience.CadreSource,
        ownerUnitId: cellA,
      });
      await makeCourse(staffB, {
        code: `${tag}-3`,
        title: `Học tập Nghị quyết ở xã ${tag}`,
        audience: CourseAudience.Thematic,
      });
      const list = async (token: TokenPair, query: string) =>
        (
          await t
            .http()
            .get(url(`?${query}`))
            .set(bearer(token))
            .expect(200)
        ).body as Page<CourseSummary>;

      expect((await list(staffA, `q=${tag}`)).items.map((c) => c.code).sort()).toEqual([
        `${tag}-1`,
        `${tag}-2`,
      ]);
      expect((await list(admin, `q=${tag}`)).total).toBe(3);
      expect((await list(admin, `q=hoc tap nghi quyet`)).items.map((c) => c.code)).toEqual(
        expect.arrayContaining([`${tag}-1`, `${tag}-3`]),
      );
      const thematic = await list(
        admin,
        `q=${tag.toLowerCase()}&audience=${CourseAudience.Thematic}&pageSize=1`,
      );
      expect(thematic).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(thematic.items).toHaveLength(1);
      const page2 = await list(admin, `q=${tag}&audience=${CourseAudience.Thematic}&pageSize=1&page=2`);
      expect(page2.items[0].code).not.toBe(thematic.items[0].code);
      expect((await list(auditorA, `q=${tag}`)).total).toBe(2);
      expect((await list(admin, `q=${tag}-2`)).items[0]).toMatchObject({
        ownerUnitId: cellA,
        ownerUnitName: 'Chi bộ Khu phố 1',
        moduleCount: 0,
        lessonCount: 0,
      });
      for (const query of ['pageSize=1000', 'page=0', 'audience=everyone', 'q=']) {
        await t
          .http()
          .get(url(`?${query}`))
          .set(bearer(admin))
          .expect(400);
      }
    });
  });

  describe(CoursesService.name, () => {
    it('gives classes a course’s facts, rules, content and files', async () => {
      const courses = t.app.get(CoursesService);
      const { course, lessonId } = await makeCourseWithLesson();
      const bytes = pdf('cho lớp học');
      const attachmentId = (await upload(course.id, lessonId, bytes, 'Tài liệu lớp.pdf').expect(201)).body
        .modules[0].lessons[0].attachments[0].id as string;

      expect(await courses.findSummary(course.id)).toEqual({
        id: course.id,
        code: course.code,
        title: course.title,
        audience: course.audience,
        ownerUnitId: communeA,
      });
      expect(await courses.findSummary(NOWHERE)).toBeNull();
      expect(await courses.rules(course.id)).toEqual({
        gradingScheme: DEFAULT_GRADING_SCHEME,
        completionPolicy: DEFAULT_COMPLETION_POLICY,
      });
      await expect(courses.rules(NOWHERE)).rejects.toMatchObject({ code: 'course.not-found' });
      const content = await courses.content(course.id, '/api/v1/me/classes/k1/attachments');
      expect(content[0].lessons[0].attachments[0].downloadPath).toBe(
        `/api/v1/me/classes/k1/attachments/${attachmentId}`,
      );
      const file = await courses.attachmentFile(course.id, attachmentId);
      expect(file?.fileName).toBe('Tài liệu lớp.pdf');
      expect(file && Buffer.compare(file.bytes, bytes)).toBe(0);
      const other = await makeCourse();
      expect(await courses.attachmentFile(other.id, attachmentId)).toBeNull();
    });
  });
});
