import {
  QUESTION_IMPORT_MAX_BYTES,
  QUESTION_SHEET_HEADERS,
  QuestionBankLedgerType,
  questionBankChain,
  QuestionContent,
  QuestionDifficulty,
  QuestionFileFormat,
  QuestionImportResult,
  QuestionResponse,
  QuestionType,
  QuestionVersionResponse,
  TopicSummary,
} from '@thuchoc/assessments/contracts';
import { CourseResponse } from '@thuchoc/courses/contracts';
import { TokenPair } from '@thuchoc/identity/contracts';
import { Page } from '@thuchoc/shared/contracts';
import * as ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { ClassWorld, makeClass, makeClassWorld, makeCourse, makeLearner } from './support/class-world';
import { bearer, startTestApp, TestApp } from './support/test-app';

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const H = QUESTION_SHEET_HEADERS;

/** Collects a binary answer (superagent would otherwise leave it unparsed). */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

const option = (text: string, isCorrect = false) => ({ text, isCorrect });

/** A sound single-choice question; override to make any other. */
const newQuestion = (overrides: object = {}) => ({
  type: QuestionType.SingleChoice,
  topic: 'Lịch sử Đảng',
  difficulty: QuestionDifficulty.Easy,
  stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
  options: [option('1925'), option('1930', true), option('1945')],
  ...overrides,
});

/** The versioned content of a question as the API answers it. */
const contentOf = (question: QuestionResponse): QuestionContent => ({
  type: question.type,
  topic: question.topic,
  difficulty: question.difficulty,
  title: question.title,
  stem: question.stem,
  options: question.options,
  acceptedAnswers: question.acceptedAnswers,
  acceptWithoutDiacritics: question.acceptWithoutDiacritics,
  points: question.points,
  explanation: question.explanation,
});

/** A bank exported from Moodle (GIFT, HTML text, categories, comments, escapes), saved on a Mac (NFD, CRLF). */
const MOODLE_BANK = `// question: 0  name: Switch category to $course$/top/Default for BDDVM-2026/Lịch sử Đảng
$CATEGORY: $course$/top/Default for BDDVM-2026/Lịch sử Đảng


// question: 101  name: Thành lập Đảng
// [id:LSD-01]
::Thành lập Đảng::[html]<p dir\\="ltr" style\\="text-align\\: left;">Đảng Cộng sản Việt Nam được thành lập vào ngày, tháng, năm nào?</p>{
\t=<p dir\\="ltr">3/2/1930</p>
\t~<p>19/5/1890</p>#Đây là ngày sinh của Chủ tịch Hồ Chí Minh.
\t~<p>2/9/1945</p>
\t~<p>6/1/1946</p>
\t####<p>Hội nghị hợp nhất các tổ chức cộng sản họp đầu năm 1930 tại Hương Cảng; ngày 3/2 được lấy làm ngày thành lập Đảng.</p>
}

// question: 102  name: Văn kiện Hội nghị thành lập
::Văn kiện Hội nghị thành lập::[html]Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng?{
\t~%33.33333%Chánh cương vắn tắt
\t~%33.33333%Sách lược vắn tắt
\t~%33.33333%Điều lệ vắn tắt
\t~%-100%Luận cương chính trị tháng 10/1930
}

// question: 103  name: Tổng Bí thư đầu tiên
::Tổng Bí thư đầu tiên::Ai là Tổng Bí thư đầu tiên của Đảng?{
\t=Trần Phú
\t=Đồng chí Trần Phú
}

::Nơi thành lập::Hội nghị thành lập Đảng họp tại {=Hương Cảng =Hồng Kông} (Trung Quốc).

$CATEGORY: $course$/top/Default for BDDVM-2026/Tư tưởng Hồ Chí Minh

::Tuyên ngôn::Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn Độc lập ngày 2/9/1945 tại Quảng trường Ba Đình, Hà Nội.{TRUE}

::Chữ Liêm::Theo Hồ Chí Minh, chữ "Liêm" nghĩa là trong sạch, không tham lam.{T#Xem lại tác phẩm "Đời sống mới" (1947).}

::Ký hiệu::Trong sơ đồ, ký hiệu "A \\= B" và "\\{C\\}" chỉ quan hệ cấp trên \\: cấp dưới.{F}

$CATEGORY: $course$/top/Default for BDDVM-2026/Liên hệ thực tiễn

::Bài thu hoạch::Liên hệ thực tiễn việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh tại cơ quan, đơn vị nơi đồng chí công tác.{}
`
  .replace(/\n/g, '\r\n')
  .normalize('NFD');

describe('question bank', () => {
  let t: TestApp;
  let w: ClassWorld;
  let course: CourseResponse;
  let teacher: TokenPair;
  let otherLecturer: TokenPair;
  let learner: TokenPair;

  beforeAll(async () => {
    t = await startTestApp();
    w = await makeClassWorld(t);
    course = await makeCourse(t, w);
    const klass = await makeClass(t, w, { courseId: course.id, lecturerIds: [w.lecturerIds[0]] });
    teacher = w.lecturers[0];
    otherLecturer = w.lecturers[1];
    await makeClass(t, w, { lecturerIds: [w.lecturerIds[1]] });
    const enrolled = await makeLearner(t, w.communeA);
    await t
      .http()
      .post(`/api/v1/classes/${klass.id}/enrollments`)
      .set(bearer(w.staff))
      .send({ userId: enrolled.user.id })
      .expect(201);
    learner = enrolled.tokens;
  });
  afterAll(() => t.close());

  const url = (courseId: string, path = '') => `/api/v1/courses/${courseId}/questions${path}`;
  const create = (courseId: string, body: object, token = w.staff) =>
    t.http().post(url(courseId)).set(bearer(token)).send(body);
  const createOk = async (courseId: string, body: object = newQuestion()) =>
    (await create(courseId, body).expect(201)).body as QuestionResponse;
  const list = async (courseId: string, query = '', token = w.staff) =>
    (await t.http().get(url(courseId, query)).set(bearer(token)).expect(200)).body as Page<QuestionResponse>;
  const download = (courseId: string, path: string, token = w.staff) =>
    t.http().get(url(courseId, path)).set(bearer(token)).buffer(true).parse(binary);
  const upload = (courseId: string, format: string, bytes: Buffer, fileName: string, token = w.staff) =>
    t
      .http()
      .post(url(courseId, '/imports'))
      .set(bearer(token))
      .field('format', format)
      .attach('file', bytes, fileName);
  /** Questions, versions and ledger entries stored for the course: what "nothing written" is checked against. */
  const stored = async (courseId: string) => {
    const [counts]: { questions: number; versions: number }[] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM questions WHERE course_id = $1) AS questions,
              (SELECT count(*)::int FROM question_versions v JOIN questions q ON q.id = v.question_id
                WHERE q.course_id = $1) AS versions`,
      [courseId],
    );
    const ledger: { type: string; payload: Record<string, unknown> }[] = await t.db.query(
      'SELECT type, payload FROM ledger_entries WHERE chain = $1 ORDER BY position',
      [questionBankChain(courseId)],
    );
    return { ...counts, ledger };
  };
  /** A problem answer's body, also where the route would have answered a file. */
  const bodyOf = (response: Response) =>
    (Buffer.isBuffer(response.body) ? JSON.parse(response.body.toString('utf8')) : response.body) as {
      code?: string;
    };
  const problem = (response: Response, code: string) => {
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(bodyOf(response).code).toBe(code);
  };
  const fieldsOf = (body: { errors?: { field: string }[] }) =>
    (body.errors ?? []).map((error) => error.field);

  describe('questions', () => {
    it('creates a question of each type, cleaned, as version 1, and records each on the ledger', async () => {
      const own = await makeCourse(t, w);
      const bodies = [
        newQuestion({ title: '  Năm thành lập ', explanation: 'Hội nghị hợp nhất, 1930.', points: 0.5 }),
        newQuestion({
          type: QuestionType.MultipleChoice,
          difficulty: QuestionDifficulty.Medium,
          stem: 'Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng?',
          options: [
            option('Chánh cương vắn tắt', true),
            option('Sách lược vắn tắt', true),
            option('Luận cương'),
          ],
        }),
        newQuestion({
          type: QuestionType.TrueFalse,
          stem: 'Tuyên ngôn Độc lập được đọc ngày 2/9/1945.',
          options: [option('đúng', true), option('SAI')],
        }),
        newQuestion({
          type: QuestionType.ShortAnswer,
          topic: '  Tư tưởng   Hồ Chí Minh '.normalize('NFD'),
          difficulty: QuestionDifficulty.Hard,
          stem: 'Tổng Bí thư đầu tiên của Đảng là ai?',
          options: [],
          acceptedAnswers: ['Trần Phú'],
          acceptWithoutDiacritics: true,
        }),
        newQuestion({ type: QuestionType.Essay, stem: 'Liên hệ thực tiễn.', options: [], points: 10 }),
      ];
      const created: QuestionResponse[] = [];
      for (const body of bodies) created.push(await createOk(own.id, body));
      expect(created[0]).toMatchObject({
        courseId: own.id,
        type: QuestionType.SingleChoice,
        title: 'Năm thành lập',
        points: 0.5,
        explanation: 'Hội nghị hợp nhất, 1930.',
        acceptedAnswers: [],
        acceptWithoutDiacritics: false,
        version: 1,
        isArchived: false,
        archivedAt: null,
      });
      expect(created[2].options).toEqual([option('Đúng', true), option('Sai')]);
      expect(created[3]).toMatchObject({ topic: 'Tư tưởng Hồ Chí Minh', acceptWithoutDiacritics: true });
      expect(created[3].topic).toBe('Tư tưởng Hồ Chí Minh'.normalize('NFC'));
      expect(created[4]).toMatchObject({ type: QuestionType.Essay, options: [], points: 10, title: null });

      const got = await t
        .http()
        .get(url(own.id, `/${created[1].id}`))
        .set(bearer(w.staff))
        .expect(200);
      expect(got.body).toEqual(created[1]);
      const after = await stored(own.id);
      expect(after).toMatchObject({ questions: 5, versions: 5 });
      expect(after.ledger.map((entry) => entry.type)).toEqual(
        Array(5).fill(QuestionBankLedgerType.QuestionCreated),
      );
      expect(after.ledger[0].payload).toMatchObject({
        version: 1,
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('lists active questions by topic with filters, search without diacritics, and pages', async () => {
      const own = await makeCourse(t, w);
      const a = await createOk(
        own.id,
        newQuestion({ topic: 'B. Tư tưởng', stem: 'Hồ Chí Minh sinh năm nào?' }),
      );
      const b = await createOk(own.id, newQuestion({ topic: 'A. Lịch sử', stem: 'Đảng ra đời ở đâu?' }));
      const c = await createOk(
        own.id,
        newQuestion({
          topic: 'A. Lịch sử',
          type: QuestionType.Essay,
          options: [],
          difficulty: QuestionDifficulty.Hard,
        }),
      );
      const ids = (page: Page<QuestionResponse>) => page.items.map((item) => item.id);
      expect(ids(await list(own.id))).toEqual([b.id, c.id, a.id]);
      expect(ids(await list(own.id, '?type=essay'))).toEqual([c.id]);
      expect(ids(await list(own.id, '?difficulty=easy'))).toEqual([b.id, a.id]);
      expect(ids(await list(own.id, `?topic=${encodeURIComponent('A. Lịch sử')}`))).toEqual([b.id, c.id]);
      expect(ids(await list(own.id, '?q=HO%20CHI%20minh'))).toEqual([a.id]);
      expect(ids(await list(own.id, `?q=${encodeURIComponent('đâu')}`))).toEqual([b.id]);
      const paged = await list(own.id, '?page=2&pageSize=2');
      expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(ids(paged)).toEqual([a.id]);
      const badQuery = await t
        .http()
        .get(url(own.id, '?type=matching&pageSize=500'))
        .set(bearer(w.staff))
        .expect(400);
      problem(badQuery, 'request.invalid');
      expect(fieldsOf(badQuery.body).sort()).toEqual(['pageSize', 'type']);
    });

    it('edits a question into a new version, keeps every version, and changes nothing for the same content', async () => {
      const own = await makeCourse(t, w);
      const question = await createOk(own.id);
      const patch = (body: object) =>
        t
          .http()
          .patch(url(own.id, `/${question.id}`))
          .set(bearer(w.staff))
          .send(body);
      const edited = (await patch({ stem: 'Đảng ra đời năm nào?', explanation: 'Năm 1930.' }).expect(200))
        .body as QuestionResponse;
      expect(edited).toMatchObject({ version: 2, stem: 'Đảng ra đời năm nào?', explanation: 'Năm 1930.' });
      expect(edited.options).toEqual(question.options);
      expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(Date.parse(question.updatedAt));

      const same = (await patch({ stem: '  Đảng ra đời năm nào? ' }).expect(200)).body as QuestionResponse;
      expect(same.version).toBe(2);
      const cleared = (await patch({ explanation: null, title: null }).expect(200)).body as QuestionResponse;
      expect(cleared).toMatchObject({ version: 3, explanation: null });

      // A change of type must bring the parts that type needs.
      const toEssay = await patch({ type: QuestionType.Essay }).expect(400);
      problem(toEssay, 'question.invalid');
      expect(fieldsOf(toEssay.body)).toEqual(['options']);
      expect((await patch({ type: QuestionType.Essay, options: [] }).expect(200)).body).toMatchObject({
        type: QuestionType.Essay,
        version: 4,
      });
      const nulls = await patch({ stem: null, options: null, points: null }).expect(400);
      expect(fieldsOf(nulls.body).sort()).toEqual(['options', 'points', 'stem']);

      const versions = (
        await t
          .http()
          .get(url(own.id, `/${question.id}/versions`))
          .set(bearer(w.staff))
          .expect(200)
      ).body as QuestionVersionResponse[];
      expect(versions.map((version) => version.version)).toEqual([4, 3, 2, 1]);
      expect(versions[3].content).toEqual(contentOf(question));
      expect(versions[0]).toMatchObject({ createdById: w.staffId, createdByName: expect.any(String) });
      const ledger = (await stored(own.id)).ledger.map((entry) => [entry.type, entry.payload['version']]);
      expect(ledger).toEqual([
        [QuestionBankLedgerType.QuestionCreated, 1],
        [QuestionBankLedgerType.QuestionUpdated, 2],
        [QuestionBankLedgerType.QuestionUpdated, 3],
        [QuestionBankLedgerType.QuestionUpdated, 4],
      ]);
      // The database itself refuses to rewrite a version.
      await expect(
        t.db.query(`UPDATE question_versions SET content = '{}' WHERE question_id = $1`, [question.id]),
      ).rejects.toThrow('question versions never change');
    });

    it('archives a question out of the bank but not out of reach, and restores it', async () => {
      const own = await makeCourse(t, w);
      const question = await createOk(own.id);
      const act = (action: string) =>
        t
          .http()
          .post(url(own.id, `/${question.id}/${action}`))
          .set(bearer(w.staff));
      const archived = (await act('archive').expect(200)).body as QuestionResponse;
      expect(archived).toMatchObject({ isArchived: true, archivedAt: expect.any(String), version: 1 });
      expect((await act('archive').expect(200)).body).toEqual(archived);
      expect((await list(own.id)).total).toBe(0);
      expect((await list(own.id, '?status=archived')).items.map((item) => item.id)).toEqual([question.id]);
      expect((await list(own.id, '?status=all')).total).toBe(1);
      await t
        .http()
        .get(url(own.id, `/${question.id}`))
        .set(bearer(w.staff))
        .expect(200);
      const edit = await t
        .http()
        .patch(url(own.id, `/${question.id}`))
        .set(bearer(w.staff))
        .send({ stem: 'x' });
      expect(edit.status).toBe(409);
      problem(edit, 'question.archived');
      expect((await act('restore').expect(200)).body).toMatchObject({ isArchived: false, archivedAt: null });
      expect((await stored(own.id)).ledger.map((entry) => entry.type)).toEqual([
        QuestionBankLedgerType.QuestionCreated,
        QuestionBankLedgerType.QuestionArchived,
        QuestionBankLedgerType.QuestionRestored,
      ]);
    });

    it('counts active questions per topic by difficulty and type', async () => {
      const own = await makeCourse(t, w);
      await createOk(own.id, newQuestion({ topic: 'Lịch sử' }));
      await createOk(own.id, newQuestion({ topic: 'Lịch sử', difficulty: QuestionDifficulty.Hard }));
      await createOk(own.id, newQuestion({ topic: 'Tư tưởng', type: QuestionType.Essay, options: [] }));
      const archived = await createOk(own.id, newQuestion({ topic: 'Lịch sử' }));
      await t
        .http()
        .post(url(own.id, `/${archived.id}/archive`))
        .set(bearer(w.staff))
        .expect(200);
      const topics = (await t.http().get(url(own.id, '/topics')).set(bearer(w.staff)).expect(200))
        .body as TopicSummary[];
      expect(topics).toEqual([
        {
          topic: 'Lịch sử',
          total: 2,
          byDifficulty: { easy: 1, medium: 0, hard: 1 },
          byType: { 'single-choice': 2, 'multiple-choice': 0, 'true-false': 0, 'short-answer': 0, essay: 0 },
        },
        {
          topic: 'Tư tưởng',
          total: 1,
          byDifficulty: { easy: 1, medium: 0, hard: 0 },
          byType: { 'single-choice': 0, 'multiple-choice': 0, 'true-false': 0, 'short-answer': 0, essay: 1 },
        },
      ]);
    });
  });

  describe('validation', () => {
    it.each([
      ['single choice with one option', { options: [option('1930', true)] }, ['options']],
      ['single choice with no correct option', { options: [option('a'), option('b')] }, ['options']],
      [
        'single choice with two correct options',
        { options: [option('a', true), option('b', true)] },
        ['options'],
      ],
      [
        'multiple choice with no correct option',
        { type: QuestionType.MultipleChoice, options: [option('a'), option('b')] },
        ['options'],
      ],
      [
        'multiple choice with one option',
        { type: QuestionType.MultipleChoice, options: [option('a', true)] },
        ['options'],
      ],
      [
        'true/false with other options',
        { type: QuestionType.TrueFalse, options: [option('Có', true), option('Không')] },
        ['options'],
      ],
      [
        'true/false with a third option',
        { type: QuestionType.TrueFalse, options: [option('Đúng', true), option('Sai'), option('Không rõ')] },
        ['options'],
      ],
      [
        'short answer with no accepted answer',
        { type: QuestionType.ShortAnswer, options: [] },
        ['acceptedAnswers'],
      ],
      [
        'short answer with options',
        { type: QuestionType.ShortAnswer, acceptedAnswers: ['1930'] },
        ['options'],
      ],
      ['essay with options', { type: QuestionType.Essay }, ['options']],
      [
        'essay with accepted answers',
        { type: QuestionType.Essay, options: [], acceptedAnswers: ['x'] },
        ['acceptedAnswers'],
      ],
      [
        'blank stem and topic, bad points',
        { stem: '  ', topic: '', points: 0.125 },
        ['topic', 'stem', 'points'],
      ],
      ['repeated options', { options: [option('Hà Nội', true), option(' hà  nội ')] }, ['options']],
    ])('refuses %s with 400 and field errors, writing nothing', async (_name, overrides, fields) => {
      const before = await stored(course.id);
      const response = await create(course.id, newQuestion(overrides)).expect(400);
      problem(response, 'question.invalid');
      expect(fieldsOf(response.body)).toEqual(fields);
      expect(await stored(course.id)).toEqual(before);
    });

    it('refuses a body of the wrong shape with request.invalid, naming each field', async () => {
      const before = await stored(course.id);
      const response = await create(course.id, {
        type: 'matching',
        difficulty: 4,
        topic: 7,
        stem: 'Câu?',
        options: [{ text: 'a' }],
        points: '1',
        isPublished: true,
      }).expect(400);
      problem(response, 'request.invalid');
      expect(fieldsOf(response.body).sort()).toEqual([
        'difficulty',
        'isPublished',
        'options.0.isCorrect',
        'points',
        'topic',
        'type',
      ]);
      expect(await stored(course.id)).toEqual(before);
    });
  });

  describe('access', () => {
    let questionId: string;
    beforeAll(async () => {
      questionId = (await createOk(course.id)).id;
    });

    const reads = (courseId: string, id: string) =>
      [
        ['list', (token: TokenPair) => t.http().get(url(courseId)).set(bearer(token))],
        [
          'get',
          (token: TokenPair) =>
            t
              .http()
              .get(url(courseId, `/${id}`))
              .set(bearer(token)),
        ],
        [
          'versions',
          (token: TokenPair) =>
            t
              .http()
              .get(url(courseId, `/${id}/versions`))
              .set(bearer(token)),
        ],
        ['topics', (token: TokenPair) => t.http().get(url(courseId, '/topics')).set(bearer(token))],
        ['export', (token: TokenPair) => download(courseId, '/export?format=csv', token)],
        ['template', (token: TokenPair) => download(courseId, '/imports/template?format=csv', token)],
      ] as [string, (token: TokenPair) => Test][];
    const writes = (courseId: string, id: string) =>
      [
        ['create', (token: TokenPair) => create(courseId, newQuestion(), token)],
        [
          'update',
          (token: TokenPair) =>
            t
              .http()
              .patch(url(courseId, `/${id}`))
              .set(bearer(token))
              .send({ stem: 'Đổi?' }),
        ],
        [
          'archive',
          (token: TokenPair) =>
            t
              .http()
              .post(url(courseId, `/${id}/archive`))
              .set(bearer(token)),
        ],
        [
          'restore',
          (token: TokenPair) =>
            t
              .http()
              .post(url(courseId, `/${id}/restore`))
              .set(bearer(token)),
        ],
        ['import', (token: TokenPair) => upload(courseId, 'gift', Buffer.from('Câu? {T}'), 'a.gift', token)],
      ] as [string, (token: TokenPair) => Test][];

    it('answers 404 to outsiders, learners (even enrolled in a class of the course) and other lecturers, changing nothing', async () => {
      const before = await stored(course.id);
      for (const [who, token] of [
        ['outside staff', w.outsider],
        ['enrolled learner', learner],
        ['lecturer of another course', otherLecturer],
      ] as const) {
        for (const [route, call] of [...reads(course.id, questionId), ...writes(course.id, questionId)]) {
          const response = await call(token);
          expect({ who, route, status: response.status }).toEqual({ who, route, status: 404 });
          problem(response, 'course.not-found');
        }
      }
      expect(await stored(course.id)).toEqual(before);
    });

    it('answers 404 for an unknown or malformed course or question', async () => {
      for (const path of [url(NOWHERE), url('not-a-uuid'), url(NOWHERE, '/topics')]) {
        problem(await t.http().get(path).set(bearer(w.staff)).expect(404), 'course.not-found');
      }
      for (const id of [NOWHERE, 'x1']) {
        problem(
          await t
            .http()
            .get(url(course.id, `/${id}`))
            .set(bearer(w.staff))
            .expect(404),
          'question.not-found',
        );
      }
      const elsewhere = await makeCourse(t, w);
      const foreign = await createOk(elsewhere.id);
      problem(
        await t
          .http()
          .get(url(course.id, `/${foreign.id}`))
          .set(bearer(w.staff))
          .expect(404),
        'question.not-found',
      );
    });

    it('lets auditors in scope and the lecturers of the course’s classes read, and not write', async () => {
      const before = await stored(course.id);
      for (const token of [w.auditor, teacher]) {
        for (const [route, call] of reads(course.id, questionId)) {
          expect({ route, status: (await call(token)).status }).toEqual({ route, status: 200 });
        }
        for (const [route, call] of writes(course.id, questionId)) {
          const response = await call(token);
          expect({ route, status: response.status }).toEqual({ route, status: 403 });
          problem(response, 'question-bank.read-only');
        }
      }
      expect(await stored(course.id)).toEqual(before);
    });

    it('lets staff above the course’s centre edit its bank', async () => {
      const question = (await create(course.id, newQuestion(), w.parentStaff).expect(201))
        .body as QuestionResponse;
      await t
        .http()
        .post(url(course.id, `/${question.id}/archive`))
        .set(bearer(w.parentStaff))
        .expect(200);
    });
  });

  describe('files', () => {
    /** A bank with every type and the text spreadsheets like to mangle; one archived question stays out of exports. */
    const fillBank = async (courseId: string) => {
      const bodies = [
        newQuestion({
          title: 'Năm thành lập',
          stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?\nChọn một phương án.',
          options: [option('1930', true), option('=1+1'), option('-1945'), option('Năm "1954", tháng 5')],
          points: 0.25,
          explanation: 'Hội nghị hợp nhất; Hương Cảng, 1930.',
        }),
        newQuestion({
          type: QuestionType.MultipleChoice,
          topic: 'Văn kiện',
          difficulty: QuestionDifficulty.Hard,
          stem: '@Những văn kiện nào, theo "Văn kiện Đảng toàn tập"?',
          options: [
            option('Chánh cương vắn tắt', true),
            option('Sách lược vắn tắt', true),
            option('Luận cương'),
          ],
        }),
        newQuestion({
          type: QuestionType.TrueFalse,
          stem: 'Tuyên ngôn Độc lập được đọc ngày 2/9/1945.',
          options: [option('Đúng'), option('Sai', true)],
        }),
        newQuestion({
          type: QuestionType.ShortAnswer,
          topic: 'Tư tưởng Hồ Chí Minh',
          stem: 'Tổng Bí thư đầu tiên của Đảng là ai?',
          options: [],
          acceptedAnswers: ['Trần Phú', 'Đồng chí Trần Phú, Tổng Bí thư'],
          acceptWithoutDiacritics: true,
        }),
        newQuestion({ type: QuestionType.Essay, stem: 'Liên hệ thực tiễn.', options: [], points: 10 }),
      ];
      for (const body of bodies) await createOk(courseId, body);
      const archived = await createOk(courseId, newQuestion({ stem: 'Câu đã lưu trữ?' }));
      await t
        .http()
        .post(url(courseId, `/${archived.id}/archive`))
        .set(bearer(w.staff))
        .expect(200);
    };
    const contents = async (courseId: string) => (await list(courseId, '?pageSize=100')).items.map(contentOf);

    it.each([
      [QuestionFileFormat.Xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [QuestionFileFormat.Csv, 'text/csv; charset=utf-8'],
    ])(
      'exports the active bank as %s and imports it elsewhere to the same questions',
      async (format, type) => {
        const source = await makeCourse(t, w);
        await fillBank(source.id);
        const exported = await download(source.id, `/export?format=${format}`).expect(200);
        expect(exported.headers['content-type']).toBe(type);
        expect(exported.headers['content-disposition']).toContain(
          `filename*=UTF-8''ngan-hang-cau-hoi-${source.code}.${format}`,
        );
        expect(exported.headers['x-content-type-options']).toBe('nosniff');
        expect(exported.headers['cache-control']).toBe('private, no-store');

        const target = await makeCourse(t, w);
        const imported = await upload(
          target.id,
          format,
          exported.body as Buffer,
          `ngân hàng.${format}`,
        ).expect(201);
        expect(imported.body).toEqual({
          format,
          fileName: `ngân hàng.${format}`,
          imported: 5,
          byType: { 'single-choice': 1, 'multiple-choice': 1, 'true-false': 1, 'short-answer': 1, essay: 1 },
          topics: [
            { topic: 'Lịch sử Đảng', count: 3 },
            { topic: 'Tư tưởng Hồ Chí Minh', count: 1 },
            { topic: 'Văn kiện', count: 1 },
          ],
        } satisfies QuestionImportResult);
        expect(await contents(target.id)).toEqual(await contents(source.id));
        const { ledger, questions, versions } = await stored(target.id);
        expect({ questions, versions }).toEqual({ questions: 5, versions: 5 });
        expect(ledger).toEqual([
          {
            type: QuestionBankLedgerType.QuestionsImported,
            payload: {
              format,
              fileName: `ngân hàng.${format}`,
              fileSha256: createHash('sha256')
                .update(exported.body as Buffer)
                .digest('hex'),
              imported: 5,
              byType: imported.body.byType,
            },
          },
        ]);
      },
    );

    it('offers a template whose examples import as they are', async () => {
      const own = await makeCourse(t, w);
      for (const format of ['xlsx', 'csv']) {
        const template = await download(own.id, `/imports/template?format=${format}`).expect(200);
        expect(template.headers['content-disposition']).toContain(`mau-nhap-cau-hoi.${format}`);
        const result = await upload(own.id, format, template.body as Buffer, `mau.${format}`).expect(201);
        expect(result.body.imported).toBe(5);
      }
      const xlsx = await download(own.id, '/imports/template').expect(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      problem(await download(own.id, '/export?format=gift').expect(400), 'request.invalid');
    });

    it('imports a realistic Moodle GIFT bank in Vietnamese', async () => {
      const own = await makeCourse(t, w);
      const response = await upload(
        own.id,
        'gift',
        Buffer.from(MOODLE_BANK, 'utf8'),
        'moodle-bddvm.gift',
      ).expect(201);
      expect(response.body).toMatchObject({
        imported: 8,
        byType: { 'single-choice': 1, 'multiple-choice': 1, 'true-false': 3, 'short-answer': 2, essay: 1 },
        topics: [
          { topic: 'Lịch sử Đảng', count: 4 },
          { topic: 'Tư tưởng Hồ Chí Minh', count: 3 },
          { topic: 'Liên hệ thực tiễn', count: 1 },
        ],
      });
      const bank = (await list(own.id, '?pageSize=100')).items;
      const byTitle = (title: string) =>
        bank.find((question) => question.title === title) as QuestionResponse;
      expect(byTitle('Thành lập Đảng')).toMatchObject({
        type: QuestionType.SingleChoice,
        topic: 'Lịch sử Đảng',
        difficulty: QuestionDifficulty.Medium,
        points: 1,
        stem: 'Đảng Cộng sản Việt Nam được thành lập vào ngày, tháng, năm nào?',
        options: [option('3/2/1930', true), option('19/5/1890'), option('2/9/1945'), option('6/1/1946')],
        explanation:
          'Hội nghị hợp nhất các tổ chức cộng sản họp đầu năm 1930 tại Hương Cảng; ngày 3/2 được lấy làm ngày thành lập Đảng.',
      });
      expect(byTitle('Thành lập Đảng').stem).toBe(byTitle('Thành lập Đảng').stem.normalize('NFC'));
      expect(byTitle('Văn kiện Hội nghị thành lập').options).toEqual([
        option('Chánh cương vắn tắt', true),
        option('Sách lược vắn tắt', true),
        option('Điều lệ vắn tắt', true),
        option('Luận cương chính trị tháng 10/1930'),
      ]);
      expect(byTitle('Tổng Bí thư đầu tiên').acceptedAnswers).toEqual(['Trần Phú', 'Đồng chí Trần Phú']);
      expect(byTitle('Nơi thành lập')).toMatchObject({
        type: QuestionType.ShortAnswer,
        stem: 'Hội nghị thành lập Đảng họp tại _____ (Trung Quốc).',
        acceptedAnswers: ['Hương Cảng', 'Hồng Kông'],
      });
      expect(byTitle('Tuyên ngôn').options).toEqual([option('Đúng', true), option('Sai')]);
      expect(byTitle('Chữ Liêm').options).toEqual([option('Đúng', true), option('Sai')]);
      expect(byTitle('Ký hiệu')).toMatchObject({
        stem: 'Trong sơ đồ, ký hiệu "A = B" và "{C}" chỉ quan hệ cấp trên : cấp dưới.',
        options: [option('Đúng'), option('Sai', true)],
      });
      expect(byTitle('Bài thu hoạch')).toMatchObject({
        type: QuestionType.Essay,
        topic: 'Liên hệ thực tiễn',
      });
      expect((await stored(own.id)).ledger.map((entry) => entry.type)).toEqual([
        QuestionBankLedgerType.QuestionsImported,
      ]);
    });

    it('refuses a GIFT file with one bad question, listing it by number, and writes nothing', async () => {
      const own = await makeCourse(t, w);
      await createOk(own.id);
      const before = await stored(own.id);
      const bad = MOODLE_BANK.normalize('NFC').replace('{TRUE}', '{~Đúng ~Sai}').replace('{}', '{#1945}');
      const response = await upload(own.id, 'gift', Buffer.from(bad), 'loi.gift').expect(400);
      problem(response, 'question-import.invalid');
      expect(response.body.detail).toContain('2 of 8 questions');
      expect(response.body.errors).toEqual([
        { field: 'questions.5.options', messages: ['Câu nhiều lựa chọn cần ít nhất một phương án đúng.'] },
        { field: 'questions.8', messages: [expect.stringContaining('câu dạng số')] },
      ]);
      expect(await stored(own.id)).toEqual(before);
    });

    it('refuses a workbook with one bad row, listing it by row number, and writes nothing', async () => {
      const own = await makeCourse(t, w);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Câu hỏi');
      sheet.addRow([H.type, H.topic, H.difficulty, H.stem, H.options[0], H.options[1], H.correct]);
      sheet.addRow(['Một lựa chọn', 'Lịch sử', 'Dễ', 'Đảng ra đời năm nào?', '1930', '1945', 'A']);
      sheet.addRow(['Nhiều lựa chọn', 'Lịch sử', 'Khó', 'Văn kiện nào?', 'Chánh cương', 'Sách lược', '']);
      sheet.addRow(['Tự luận', 'Liên hệ', 'Khó', 'Liên hệ thực tiễn.', '', '', '']);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await upload(own.id, 'xlsx', bytes, 'ngan-hang.xlsx').expect(400);
      problem(response, 'question-import.invalid');
      expect(fieldsOf(response.body)).toEqual(['rows.3.options']);
      expect(await stored(own.id)).toEqual({ questions: 0, versions: 0, ledger: [] });
    });

    it('refuses files it cannot read, with the reason, and files over the size limit with 413', async () => {
      const own = await makeCourse(t, w);
      const cases: [string, Buffer, string][] = [
        ['xlsx', Buffer.from(`${H.type},${H.topic}\r\n`), 'question-import.unreadable'],
        ['gift', Buffer.from([0xc3, 0x28, 0x7b, 0x7d]), 'question-import.unreadable'],
        [
          'csv',
          Buffer.from(`${H.type},${H.topic},Ghi chú\r\nTự luận,A,x\r\n`),
          'question-import.columns-missing',
        ],
        [
          'csv',
          Buffer.from(`${[H.type, H.topic, H.difficulty, H.stem, H.correct].join(',')}\r\n`),
          'question-import.empty',
        ],
        ['gift', Buffer.from('// chỉ có chú thích\n'), 'question-import.empty'],
      ];
      for (const [format, bytes, code] of cases) {
        const response = await upload(own.id, format, bytes, 'tep').expect(400);
        problem(response, code);
        expect(fieldsOf(response.body)).toEqual(['file']);
      }
      const noFile = await t
        .http()
        .post(url(own.id, '/imports'))
        .set(bearer(w.staff))
        .field('format', 'gift');
      expect(noFile.status).toBe(400);
      problem(noFile, 'question-import.file-missing');
      const noFormat = await t
        .http()
        .post(url(own.id, '/imports'))
        .set(bearer(w.staff))
        .attach('file', Buffer.from('Câu? {T}'), 'a.gift')
        .expect(400);
      problem(noFormat, 'request.invalid');
      expect(fieldsOf(noFormat.body)).toEqual(['format']);
      const tooLarge = await upload(
        own.id,
        'gift',
        Buffer.alloc(QUESTION_IMPORT_MAX_BYTES + 1, 0x41),
        'lon.gift',
      );
      expect(tooLarge.status).toBe(413);
      problem(tooLarge, 'question-import.too-large');
      expect(await stored(own.id)).toEqual({ questions: 0, versions: 0, ledger: [] });
    });
  });
});
