import {
  ASSESSMENTS_QUEUE,
  AssessmentsJobType,
  AttemptAnswer,
  AttemptLedgerType,
  AttemptQuestion,
  AttemptSummary,
  AttemptView,
  MyAttemptResult,
  QuestionDifficulty,
  QuestionResponse,
  QuestionType,
  QuizResponse,
  QuizResultRow,
} from '@thuchoc/assessments/contracts';
import {
  AttemptClosing,
  AttemptItem,
  AttemptStarts,
  AttemptSweeper,
  GradingService,
  QuizRulesCache,
} from '@thuchoc/assessments/api';
import { classChain } from '@thuchoc/classes/contracts';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  AttendanceWorld,
  loginOnDevice,
  makeAttendanceWorld,
  makeSession,
  newDeviceKey,
} from './support/attendance-world';
import { bearer, startTestApp, TestApp, waitFor } from './support/test-app';

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const option = (text: string, isCorrect = false) => ({ text, isCorrect });
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
/** The deadline job of a quiz's attempts due in the second of `deadline` (rounded up). */
const deadlineJobId = (quizId: string, deadline: string) =>
  `attempts-due:${quizId}:${Math.ceil(Date.parse(deadline) / 1000)}`;

describe('quizzes and attempts', () => {
  let t: TestApp;
  let w: AttendanceWorld;
  let redis: Redis;
  let queue: Queue;
  /** The bank's questions by option text or stem, to find the keys of what an attempt shows. */
  const bank = new Map<string, QuestionResponse>();

  const api = (path: string) => `/api/v1${path}`;
  const staff = () => bearer(w.staff);
  const worker = () => {
    if (!t.worker) throw new Error('started without a worker');
    return t.worker;
  };
  const learner = (i: number) => bearer(w.learners[i].tokens);

  const addQuestion = async (body: object) => {
    const response = await t
      .http()
      .post(api(`/courses/${w.klass.courseId}/questions`))
      .set(staff())
      .send(body)
      .expect(201);
    const question = response.body as QuestionResponse;
    bank.set(question.stem, question);
    return question;
  };
  const quizBody = (overrides: object = {}) => ({
    title: 'Kiểm tra chuyên đề 1',
    drawRules: [{ topic: 'Lịch sử Đảng', count: 3 }],
    opensAt: minutes(-1),
    closesAt: minutes(120),
    timeLimitMinutes: 30,
    isPublished: true,
    ...overrides,
  });
  const makeQuiz = async (overrides: object = {}) =>
    (
      await t
        .http()
        .post(api(`/classes/${w.klass.id}/quizzes`))
        .set(staff())
        .send(quizBody(overrides))
        .expect(201)
    ).body as QuizResponse;
  /** A GET that must answer 200, its body as T. */
  const read = async <T>(path: string, headers: Record<string, string>) =>
    (await t.http().get(api(path)).set(headers).expect(200)).body as T;
  const start = (quizId: string, headers = learner(0)) =>
    t
      .http()
      .post(api(`/me/quizzes/${quizId}/attempts`))
      .set(headers);
  const startOk = async (quizId: string, headers = learner(0)) =>
    (await start(quizId, headers).expect(201)).body as AttemptView;
  const save = (attemptId: string, questionId: string, body: object, headers = learner(0)) =>
    t
      .http()
      .put(api(`/me/attempts/${attemptId}/answers/${questionId}`))
      .set(headers)
      .send(body);
  const submit = (attemptId: string, headers = learner(0)) =>
    t
      .http()
      .post(api(`/me/attempts/${attemptId}/submit`))
      .set(headers);
  const attemptRow = async (attemptId: string) =>
    (
      (await t.db.query(
        `SELECT status, submission, submitted_at, deadline, started_at, score::float AS score, is_passed
           FROM quiz_attempts WHERE id = $1`,
        [attemptId],
      )) as {
        status: string;
        submission: string | null;
        submitted_at: Date | null;
        deadline: Date;
        started_at: Date;
        score: number | null;
        is_passed: boolean | null;
      }[]
    )[0];
  const waitForStatus = (attemptId: string, status: string) =>
    waitFor(async () => {
      const row = await attemptRow(attemptId);
      return row.status === status ? row : undefined;
    });
  /** Moves an attempt's clock back: started `ago` minutes ago, deadline `overdueSeconds` in the past. */
  const expire = (attemptId: string, overdueSeconds: number) =>
    t.db.query(
      `UPDATE quiz_attempts SET started_at = now() - interval '1 hour',
              deadline = now() - make_interval(secs => $2) WHERE id = $1`,
      [attemptId, overdueSeconds],
    );
  const ledgerTypes = async (attemptId: string) =>
    (
      (await t.db.query(
        `SELECT type, payload FROM ledger_entries WHERE chain = $1 AND subject_ids->>'attemptId' = $2 ORDER BY position`,
        [classChain(w.klass.id), attemptId],
      )) as { type: string; payload: Record<string, unknown> }[]
    ).map((entry) => entry.type);
  /** The option indexes of an attempt's question that are correct, found through the bank by text. */
  const correctOf = (question: AttemptQuestion) => {
    const source = bank.get(question.stem);
    if (!source) throw new Error(`unknown question ${question.stem}`);
    return question.options.flatMap((text, index) =>
      source.options.find((candidate) => candidate.text === text)?.isCorrect ? [index] : [],
    );
  };

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    w = await makeAttendanceWorld(t, 4);
    redis = new Redis(t.config.redisUrl ?? '', { maxRetriesPerRequest: null });
    queue = new Queue(ASSESSMENTS_QUEUE, { connection: redis, prefix: t.config.redisPrefix });
    for (let i = 1; i <= 4; i++) {
      await addQuestion({
        type: QuestionType.SingleChoice,
        topic: 'Lịch sử Đảng',
        difficulty: i <= 2 ? QuestionDifficulty.Easy : QuestionDifficulty.Hard,
        stem: `Câu hỏi lịch sử số ${i}?`,
        options: [option(`Đúng ${i}`, true), option(`Sai ${i}a`), option(`Sai ${i}b`), option(`Sai ${i}c`)],
      });
    }
    await addQuestion({
      type: QuestionType.SingleChoice,
      topic: 'Chấm điểm',
      difficulty: QuestionDifficulty.Easy,
      stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
      options: [option('1925'), option('1930', true), option('1945')],
    });
    await addQuestion({
      type: QuestionType.MultipleChoice,
      topic: 'Chấm điểm',
      difficulty: QuestionDifficulty.Medium,
      stem: 'Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng?',
      options: [
        option('Chánh cương vắn tắt', true),
        option('Sách lược vắn tắt', true),
        option('Điều lệ vắn tắt', true),
        option('Luận cương chính trị'),
      ],
      points: 3,
    });
    await addQuestion({
      type: QuestionType.ShortAnswer,
      topic: 'Chấm điểm',
      difficulty: QuestionDifficulty.Hard,
      stem: 'Tổng Bí thư đầu tiên của Đảng là ai?',
      acceptedAnswers: ['Trần Phú'],
      points: 2,
    });
    await addQuestion({
      type: QuestionType.ShortAnswer,
      topic: 'Chấm điểm',
      difficulty: QuestionDifficulty.Hard,
      stem: 'Tổ chức lãnh đạo cách mạng Việt Nam là gì?',
      acceptedAnswers: ['Đảng'],
      acceptWithoutDiacritics: true,
      points: 2,
    });
    await addQuestion({
      type: QuestionType.Essay,
      topic: 'Tự luận',
      difficulty: QuestionDifficulty.Medium,
      stem: 'Liên hệ thực tiễn việc học tập tại đơn vị.',
    });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await t.close();
  });

  describe('quizzes', () => {
    it('lets staff and the class lecturers create quizzes, with defaults, and refuses bad ones with field errors', async () => {
      const created = await makeQuiz({ isPublished: false });
      expect(created).toMatchObject({
        classId: w.klass.id,
        courseId: w.klass.courseId,
        questionCount: 3,
        maxAttempts: 1,
        passMark: 5,
        answersShown: 'after-close',
        isShufflingOptions: true,
        isFinal: false,
        isPublished: false,
        hasAttempts: false,
        drawRules: [{ topic: 'Lịch sử Đảng', difficulty: null, count: 3 }],
      });
      await t
        .http()
        .post(api(`/classes/${w.klass.id}/quizzes`))
        .set(bearer(w.lecturers[0]))
        .send(quizBody({ title: 'Bài của giảng viên' }))
        .expect(201);

      const wrongType = await t
        .http()
        .post(api(`/classes/${w.klass.id}/quizzes`))
        .set(staff())
        .send(quizBody({ timeLimitMinutes: 'ba mươi', extra: 1 }))
        .expect(400);
      expect(wrongType.body.code).toBe('request.invalid');
      const broken = await t
        .http()
        .post(api(`/classes/${w.klass.id}/quizzes`))
        .set(staff())
        .send(
          quizBody({
            title: ' ',
            closesAt: minutes(-5),
            timeLimitMinutes: 0,
            drawRules: [
              { topic: 'Lịch sử Đảng', difficulty: QuestionDifficulty.Hard, count: 3 },
              { topic: 'Không có', count: 1 },
            ],
          }),
        )
        .expect(400);
      expect(broken.headers['content-type']).toContain('application/problem+json');
      expect(broken.body.code).toBe('quiz.invalid');
      expect((broken.body.errors as { field: string }[]).map((error) => error.field)).toEqual([
        'title',
        'closesAt',
        'timeLimitMinutes',
        'drawRules.0.count',
        'drawRules.1.count',
      ]);
      const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM quizzes WHERE title = $1', [
        ' ',
      ]);
      expect(count).toBe(0);
    });

    it('answers 404 outside the class, 403 to auditors who write, and shows learners only published quizzes', async () => {
      const draft = await makeQuiz({ isPublished: false, title: 'Bản nháp' });
      const published = await makeQuiz({ title: 'Đã công bố' });
      const outsider = await t
        .http()
        .post(api(`/classes/${w.klass.id}/quizzes`))
        .set(bearer(w.outsider))
        .send(quizBody());
      expect(outsider.status).toBe(404);
      expect(outsider.body.code).toBe('class.not-found');
      await t
        .http()
        .get(api(`/classes/${w.klass.id}/quizzes`))
        .set(bearer(w.outsider))
        .expect(404);
      await t
        .http()
        .get(api(`/quizzes/${published.id}`))
        .set(bearer(w.outsider))
        .expect(404);
      await t
        .http()
        .get(api(`/classes/${NOWHERE}/quizzes`))
        .set(staff())
        .expect(404);
      await t.http().get(api('/quizzes/not-a-uuid')).set(staff()).expect(404);
      await t
        .http()
        .post(api(`/classes/${w.klass.id}/quizzes`))
        .set(learner(0))
        .send(quizBody())
        .expect(404);

      const denied = await t
        .http()
        .patch(api(`/quizzes/${draft.id}`))
        .set(bearer(w.auditor))
        .send({ title: 'x' });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('quiz.read-only');
      await t
        .http()
        .get(api(`/quizzes/${draft.id}`))
        .set(bearer(w.auditor))
        .expect(200);

      const seen = await read<QuizResponse[]>(`/classes/${w.klass.id}/quizzes`, learner(1));
      expect(seen.map((quiz) => quiz.id)).toContain(published.id);
      expect(seen.every((quiz) => quiz.isPublished)).toBe(true);
      await t
        .http()
        .get(api(`/quizzes/${draft.id}`))
        .set(learner(1))
        .expect(404);
      await start(draft.id, learner(1)).expect(404);
      const all = await read<QuizResponse[]>(`/classes/${w.klass.id}/quizzes`, staff());
      expect(all.map((quiz) => quiz.id)).toEqual(expect.arrayContaining([draft.id, published.id]));
    });

    it('keeps the draw rules from learners: they see how many questions, not which topics', async () => {
      const quiz = await makeQuiz({ title: 'Bản thiết kế đề' });
      const asLearner = await read<QuizResponse>(`/quizzes/${quiz.id}`, learner(1));
      expect(asLearner.drawRules).toEqual([]);
      expect(asLearner.questionCount).toBe(quiz.questionCount);
      const listed = await read<QuizResponse[]>(`/classes/${w.klass.id}/quizzes`, learner(1));
      expect(listed.every((one) => one.drawRules.length === 0)).toBe(true);
      const asStaff = await read<QuizResponse>(`/quizzes/${quiz.id}`, staff());
      expect(asStaff.drawRules).toEqual(quiz.drawRules);
      expect(asStaff.drawRules.length).toBeGreaterThan(0);
    });

    it('freezes the rules once an attempt exists, but not the title or publication', async () => {
      const quiz = await makeQuiz();
      const changed = await t
        .http()
        .patch(api(`/quizzes/${quiz.id}`))
        .set(staff())
        .send({ timeLimitMinutes: 20 })
        .expect(200);
      expect(changed.body).toMatchObject({ timeLimitMinutes: 20, hasAttempts: false });
      await startOk(quiz.id, learner(2));
      const refused = await t
        .http()
        .patch(api(`/quizzes/${quiz.id}`))
        .set(staff())
        .send({ passMark: 4 })
        .expect(409);
      expect(refused.body.code).toBe('quiz.has-attempts');
      const renamed = await t
        .http()
        .patch(api(`/quizzes/${quiz.id}`))
        .set(staff())
        .send({ title: 'Tên mới' })
        .expect(200);
      expect(renamed.body).toMatchObject({ title: 'Tên mới', passMark: 5, hasAttempts: true });
    });
  });

  describe('starting', () => {
    it('gives one active attempt under concurrent starts, and resumes it with its answers', async () => {
      const quiz = await makeQuiz();
      const responses = await Promise.all(Array.from({ length: 8 }, () => start(quiz.id, learner(1))));
      expect(responses.map((response) => response.status).sort()).toEqual([
        200, 200, 200, 200, 200, 200, 200, 201,
      ]);
      const ids = new Set(responses.map((response) => (response.body as AttemptView).id));
      expect(ids.size).toBe(1);
      const [{ count }] = await t.db.query(
        'SELECT count(*)::int AS count FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2',
        [quiz.id, w.learners[1].id],
      );
      expect(count).toBe(1);

      const view = responses.find((response) => response.status === 201)?.body as AttemptView;
      expect(view.questions).toHaveLength(3);
      expect(view.questions.every((question) => question.options.length === 4)).toBe(true);
      expect(JSON.stringify(view)).not.toContain('isCorrect');
      const first = view.questions[0];
      await save(view.id, first.questionId, { seq: 1, choices: [2] }, learner(1)).expect(200);
      const resumed = (await start(quiz.id, learner(1)).expect(200)).body as AttemptView;
      expect(resumed.id).toBe(view.id);
      expect(resumed.questions).toEqual(view.questions);
      expect(resumed.answers).toMatchObject([{ questionId: first.questionId, seq: 1, choices: [2] }]);
    });

    it('starts learners arriving together each on their own attempt, whoever else is refused beside them', async () => {
      const quiz = await makeQuiz();
      // Sent at once, these share one batched statement: a double start and an outsider ride with the others.
      const callers = [learner(0), learner(1), learner(2), learner(3), learner(0), bearer(w.outsider)];
      const responses = await Promise.all(callers.map((headers) => start(quiz.id, headers)));
      expect(responses[5].status).toBe(404);
      const views = responses.slice(0, 5).map((response) => response.body as AttemptView);
      expect(responses.slice(1, 4).map((response) => response.status)).toEqual([201, 201, 201]);
      expect(new Set(views.slice(0, 4).map((view) => view.id)).size).toBe(4);
      expect(views[4].id).toBe(views[0].id);
      expect([responses[0].status, responses[4].status].sort()).toEqual([200, 201]);
      const rows = (await t.db.query(
        `SELECT a.user_id, a.number, a.deadline, a.started_at, count(e.*)::int AS started_events
           FROM quiz_attempts a LEFT JOIN attempt_events e ON e.attempt_id = a.id AND e.type = 'started'
          WHERE a.quiz_id = $1 GROUP BY a.id`,
        [quiz.id],
      )) as { user_id: string; number: number; deadline: Date; started_at: Date; started_events: number }[];
      expect(rows.map((row) => row.user_id).sort()).toEqual(w.learners.map((l) => l.id).sort());
      for (const row of rows) {
        expect(row.number).toBe(1);
        expect(row.started_events).toBe(1);
        expect(row.deadline.getTime() - row.started_at.getTime()).toBe(30 * 60_000);
      }
    });

    it('inserts the starts of one turn in one statement, checking each row on its own', async () => {
      const quiz = await makeQuiz({ maxAttempts: 1 });
      const rules = await t.app.get(QuizRulesCache).get(quiz.id);
      if (!rules) throw new Error('the quiz has no rules');
      await t.db.query(
        `INSERT INTO quiz_attempts (id, quiz_id, class_id, user_id, number, started_at, deadline, items,
                                    status, submission, submitted_at)
         VALUES ($1, $2, $3, $4, 1, now(), now(), '[]', 'submitted', 'learner', now())`,
        [randomUUID(), quiz.id, w.klass.id, w.learners[3].id],
      );
      const starts = t.app.get(AttemptStarts);
      const request = (userId: string, items: AttemptItem[] = []) => ({
        quizId: quiz.id,
        rules,
        attemptId: randomUUID(),
        userId,
        deviceId: 'bench-device',
        at: new Date(),
        items,
      });
      // Items are sent compactly (each question version once per statement) and stored whole, in order.
      const [q1, q2, q3] = [randomUUID(), randomUUID(), randomUUID()];
      const itemsOf1: AttemptItem[] = [
        { questionId: q1, version: 2, type: QuestionType.SingleChoice, optionOrder: [2, 0, 3, 1] },
        { questionId: q2, version: 1, type: QuestionType.Essay, optionOrder: [] },
      ];
      const itemsOf2: AttemptItem[] = [
        { questionId: q3, version: 1, type: QuestionType.TrueFalse, optionOrder: [1, 0] },
        { questionId: q1, version: 2, type: QuestionType.SingleChoice, optionOrder: [0, 1, 2, 3] },
        { questionId: q1, version: 1, type: QuestionType.SingleChoice, optionOrder: [3, 2, 1, 0] },
      ];
      const requests = [
        request(w.learners[0].id),
        request(w.learners[1].id, itemsOf1),
        request(w.learners[0].id), // the same learner twice in one statement
        request(randomUUID()), // not enrolled
        request(w.learners[3].id), // their one attempt is used
        request(w.learners[2].id, itemsOf2),
      ];
      const statements = jest.spyOn(t.db, 'query');
      const results = await Promise.all(requests.map((one) => starts.insert(one)));
      expect(
        statements.mock.calls.filter(([sql]) => String(sql).includes('INSERT INTO quiz_attempts')),
      ).toHaveLength(1);
      statements.mockRestore();
      const isInserted = results.map((result) => result !== null);
      // One of the learner's two rows wins; which one is the statement's business.
      expect(isInserted[0] !== isInserted[2]).toBe(true);
      expect([isInserted[1], isInserted[3], isInserted[4], isInserted[5]]).toEqual([
        true,
        false,
        false,
        true,
      ]);
      expect(results[1]).toMatchObject({ number: 1 });
      const winner = isInserted[0] ? requests[0] : requests[2];
      const stored = (await t.db.query(
        `SELECT a.id FROM quiz_attempts a JOIN attempt_events e ON e.attempt_id = a.id AND e.type = 'started'
          WHERE a.quiz_id = $1`,
        [quiz.id],
      )) as { id: string }[];
      expect(stored.map((row) => row.id).sort()).toEqual(
        [winner, requests[1], requests[5]].map((one) => one.attemptId).sort(),
      );
      const items = new Map(
        (
          (await t.db.query('SELECT id, items FROM quiz_attempts WHERE quiz_id = $1', [quiz.id])) as {
            id: string;
            items: AttemptItem[];
          }[]
        ).map((row) => [row.id, row.items]),
      );
      expect(items.get(requests[1].attemptId)).toEqual(itemsOf1);
      expect(items.get(requests[5].attemptId)).toEqual(itemsOf2);
      expect(items.get(winner.attemptId)).toEqual([]);
    });

    it('freezes the drawn versions: an edit of the bank does not change a started attempt', async () => {
      const quiz = await makeQuiz();
      const view = await startOk(quiz.id, learner(3));
      const question = view.questions[0];
      const source = bank.get(question.stem) as QuestionResponse;
      await t
        .http()
        .patch(api(`/courses/${w.klass.courseId}/questions/${source.id}`))
        .set(staff())
        .send({ stem: `${source.stem} (sửa)` })
        .expect(200);
      const again = (
        await t
          .http()
          .get(api(`/me/attempts/${view.id}`))
          .set(learner(3))
          .expect(200)
      ).body as AttemptView;
      expect(again.questions.find((q) => q.questionId === source.id)?.stem).toBe(source.stem);
      await t
        .http()
        .patch(api(`/courses/${w.klass.courseId}/questions/${source.id}`))
        .set(staff())
        .send({ stem: source.stem })
        .expect(200);
    });

    it('sets the deadline to min(start + limit, close) and answers the server clock', async () => {
      const limited = await makeQuiz({ timeLimitMinutes: 5 });
      const view = await startOk(limited.id, learner(0));
      expect(Date.parse(view.deadline) - Date.parse(view.startedAt)).toBe(5 * 60_000);
      expect(Math.abs(Date.parse(view.now) - Date.now())).toBeLessThan(5_000);

      const closing = await makeQuiz({ timeLimitMinutes: 60, closesAt: minutes(10) });
      const early = await startOk(closing.id, learner(0));
      expect(early.deadline).toBe(closing.closesAt);
    });

    it('draws by the rules as they are when the attempt starts, even just after a change', async () => {
      const quiz = await makeQuiz({ opensAt: minutes(60) });
      // Read the rules (and refused: not open yet), then change them before anyone starts.
      expect((await start(quiz.id, learner(3)).expect(409)).body.code).toBe('quiz.not-open');
      await t
        .http()
        .patch(api(`/quizzes/${quiz.id}`))
        .set(staff())
        .send({ opensAt: minutes(-1), drawRules: [{ topic: 'Lịch sử Đảng', count: 2 }] })
        .expect(200);
      const view = await startOk(quiz.id, learner(3));
      expect(view.questions).toHaveLength(2);
    });

    it('draws questions added to the bank just after another quiz was started', async () => {
      await startOk((await makeQuiz()).id, learner(3));
      await addQuestion({
        type: QuestionType.TrueFalse,
        topic: 'Vừa thêm',
        difficulty: QuestionDifficulty.Easy,
        stem: 'Câu hỏi vừa thêm vào ngân hàng?',
        options: [option('Đúng', true), option('Sai')],
      });
      const fresh = await makeQuiz({ drawRules: [{ topic: 'Vừa thêm', count: 1 }] });
      const view = await startOk(fresh.id, learner(3));
      expect(view.questions.map((question) => question.stem)).toEqual(['Câu hỏi vừa thêm vào ngân hàng?']);
    });

    it('refuses a quiz not open yet, closed, or whose attempts are used up', async () => {
      const later = await makeQuiz({ opensAt: minutes(60) });
      expect((await start(later.id).expect(409)).body.code).toBe('quiz.not-open');
      const quiz = await makeQuiz({ timeLimitMinutes: 5 });
      const view = await startOk(quiz.id, learner(2));
      await submit(view.id, learner(2)).expect(200);
      expect((await start(quiz.id, learner(2)).expect(409)).body.code).toBe('attempt.limit-reached');
      await t.db.query(
        `UPDATE quizzes SET opens_at = now() - interval '2 hours', closes_at = now() - interval '1 hour' WHERE id = $1`,
        [quiz.id],
      );
      expect((await start(quiz.id, learner(3)).expect(409)).body.code).toBe('quiz.closed');
    });

    it('lets only learners who meet the attendance rule so far start a final quiz', async () => {
      // Two sessions and 80% attendance: no absence allowed.
      const session = await makeSession(t, w, { startsInMinutes: 60 });
      await makeSession(t, w, { startsInMinutes: 300 });
      await t.db.query(
        `INSERT INTO attendance_records (session_id, user_id, class_id, status, finalised_at)
         VALUES ($1, $2, $3, 'absent', now())`,
        [session.id, w.learners[3].id, w.klass.id],
      );
      const final = await makeQuiz({ isFinal: true, title: 'Kiểm tra cuối khóa' });
      const refused = await start(final.id, learner(3)).expect(403);
      expect(refused.body.code).toBe('attempt.not-eligible');
      expect(refused.body.detail).toContain('1 absence(s), 0 allowed');
      await startOk(final.id, learner(2));
    });
  });

  describe('autosave', () => {
    it('keeps the answer with the highest seq, and answers the stored one to an older write', async () => {
      const quiz = await makeQuiz();
      const view = await startOk(quiz.id, learner(0));
      const question = view.questions[0];
      const saved = (await save(view.id, question.questionId, { seq: 5, choices: [1] }).expect(200))
        .body as AttemptAnswer;
      expect(saved).toMatchObject({ questionId: question.questionId, seq: 5, choices: [1], text: null });
      const older = (await save(view.id, question.questionId, { seq: 4, choices: [3] }).expect(200))
        .body as AttemptAnswer;
      expect(older).toEqual(saved);
      const same = (await save(view.id, question.questionId, { seq: 5, choices: [0] }).expect(200))
        .body as AttemptAnswer;
      expect(same).toEqual(saved);
      const newer = (await save(view.id, question.questionId, { seq: 6, choices: [] }).expect(200))
        .body as AttemptAnswer;
      expect(newer).toMatchObject({ seq: 6, choices: [] });

      const wrongShape = await save(view.id, question.questionId, { seq: 7, choices: [0, 1] }).expect(400);
      expect(wrongShape.body.code).toBe('answer.invalid');
      await save(view.id, question.questionId, { seq: 7, choices: [9] }).expect(400);
      await save(view.id, question.questionId, { seq: -1, choices: [0] }).expect(400);
      await save(view.id, NOWHERE, { seq: 1, choices: [0] }).expect(404);
      await save(view.id, question.questionId, { seq: 8, choices: [0] }, learner(1)).expect(404);
      const stored = await t.db.query('SELECT seq, choices FROM attempt_answers WHERE attempt_id = $1', [
        view.id,
      ]);
      expect(stored).toEqual([{ seq: '6', choices: [] }]);
    });

    it('refuses a write after the deadline plus grace and stores nothing, but takes one within the grace', async () => {
      const quiz = await makeQuiz();
      const view = await startOk(quiz.id, learner(1));
      const [first, second] = view.questions;
      await save(view.id, first.questionId, { seq: 1, choices: [0] }, learner(1)).expect(200);

      await expire(view.id, 3);
      await save(view.id, first.questionId, { seq: 2, choices: [1] }, learner(1)).expect(200);

      await expire(view.id, t.config.attemptGraceSeconds + 1);
      const late = await save(view.id, first.questionId, { seq: 3, choices: [2] }, learner(1)).expect(409);
      expect(late.body.code).toBe('attempt.closed');
      expect(late.headers['content-type']).toContain('application/problem+json');
      await save(view.id, second.questionId, { seq: 1, choices: [2] }, learner(1)).expect(409);
      const stored = await t.db.query(
        'SELECT question_id, seq, choices FROM attempt_answers WHERE attempt_id = $1',
        [view.id],
      );
      expect(stored).toEqual([{ question_id: first.questionId, seq: '2', choices: [1] }]);
    });
  });

  describe('submitting', () => {
    it('turns concurrent submits into one submission, graded once and ledgered', async () => {
      const quiz = await makeQuiz();
      const view = await startOk(quiz.id, learner(2));
      const responses = await Promise.all(Array.from({ length: 5 }, () => submit(view.id, learner(2))));
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
      const submittedAt = new Set(responses.map((response) => (response.body as AttemptSummary).submittedAt));
      expect(submittedAt.size).toBe(1);
      expect(responses[0].body).toMatchObject({ submission: 'learner' });
      const [{ events }] = await t.db.query(
        `SELECT count(*)::int AS events FROM outbox_events WHERE payload->>'attemptId' = $1`,
        [view.id],
      );
      expect(events).toBe(1);
      await waitForStatus(view.id, 'graded');
      expect(await ledgerTypes(view.id)).toEqual([AttemptLedgerType.Submitted, AttemptLedgerType.Graded]);
      await save(view.id, view.questions[0].questionId, { seq: 1, choices: [0] }, learner(2)).expect(409);
    });

    it('closes the submits of one turn in one statement, each only for its owner and before the deadline', async () => {
      const quiz = await makeQuiz();
      const views = await Promise.all([0, 1, 2, 3].map((i) => startOk(quiz.id, learner(i))));
      await expire(views[3].id, t.config.attemptGraceSeconds + 5);
      const closing = t.app.get(AttemptClosing);
      const statements = jest.spyOn(t.db, 'query');
      const results = await Promise.all([
        closing.submitByLearner(views[0].id, w.learners[0].id, 'phone'),
        closing.submitByLearner(views[0].id, w.learners[0].id, 'laptop'), // a double submit
        closing.submitByLearner(views[2].id, w.learners[1].id, 'phone'), // someone else's attempt
        closing.submitByLearner(views[1].id, w.learners[1].id, 'phone'),
        closing.submitByLearner(views[3].id, w.learners[3].id, 'phone'), // past its deadline and grace
      ]);
      expect(
        statements.mock.calls.filter(([sql]) => String(sql).includes('UPDATE quiz_attempts')),
      ).toHaveLength(1);
      statements.mockRestore();
      expect(results.map((result) => result?.id ?? null)).toEqual([
        views[0].id,
        views[0].id,
        null,
        views[1].id,
        null,
      ]);
      expect(results[0]).toMatchObject({ status: 'submitted', submission: 'learner' });
      const closed = (await t.db.query(
        `SELECT a.id, a.status, a.submission,
                (SELECT count(*)::int FROM attempt_events e WHERE e.attempt_id = a.id AND e.type = 'submitted') AS events,
                (SELECT count(*)::int FROM outbox_events o WHERE o.payload->>'attemptId' = a.id::text) AS queued
           FROM quiz_attempts a WHERE a.quiz_id = $1 ORDER BY a.id`,
        [quiz.id],
      )) as { id: string; status: string; submission: string | null; events: number; queued: number }[];
      const byId = new Map(closed.map((row) => [row.id, row]));
      for (const view of [views[0], views[1]])
        expect(byId.get(view.id)).toMatchObject({ events: 1, queued: 1 });
      expect(byId.get(views[0].id)?.status).not.toBe('active');
      expect(byId.get(views[2].id)).toMatchObject({ status: 'active', events: 0, queued: 0 });
      // The server may have auto-submitted it by now; the learner's submit never did.
      expect(byId.get(views[3].id)?.submission).not.toBe('learner');
      expect(byId.get(views[3].id)?.events).toBe(0);
    });

    it('refuses a submit after the deadline plus grace, and the server submits it instead', async () => {
      const quiz = await makeQuiz();
      const view = await startOk(quiz.id, learner(3));
      await expire(view.id, t.config.attemptGraceSeconds + 5);
      expect((await submit(view.id, learner(3)).expect(409)).body.code).toBe('attempt.closed');
      const row = await waitForStatus(view.id, 'graded');
      expect(row.submission).toBe('auto');
      expect(row.submitted_at?.toISOString()).toBe(row.deadline.toISOString());
    });

    it('auto-submits expired attempts by one delayed job per quiz and deadline second, queued at the start', async () => {
      const quiz = await makeQuiz({ timeLimitMinutes: 1 });
      const view = await startOk(quiz.id, learner(0));
      const job = await waitFor(
        async () => (await queue.getJob(deadlineJobId(quiz.id, view.deadline))) ?? undefined,
      );
      expect(job.name).toBe(AssessmentsJobType.AttemptsDue);
      expect(job.data).toEqual({
        quizId: quiz.id,
        dueAt: new Date(Math.ceil(Date.parse(view.deadline) / 1000) * 1000).toISOString(),
      });
      const expectedDelay = 61_000 + t.config.attemptGraceSeconds * 1000;
      expect(job.opts.delay).toBeGreaterThan(expectedDelay - 4_000);
      expect(job.opts.delay).toBeLessThanOrEqual(expectedDelay);
      await save(view.id, view.questions[0].questionId, {
        seq: 1,
        choices: correctOf(view.questions[0]),
      }).expect(200);

      await expire(view.id, t.config.attemptGraceSeconds + 1);
      await job.promote();
      const row = await waitForStatus(view.id, 'graded');
      expect(row).toMatchObject({ submission: 'auto', score: 3.33, is_passed: false });
      expect(await ledgerTypes(view.id)).toEqual([AttemptLedgerType.AutoSubmitted, AttemptLedgerType.Graded]);
    });

    it('queues one deadline job for the learners of a quiz whose close is their deadline, and it submits them all', async () => {
      const closesAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 10 * 60_000).toISOString();
      const quiz = await makeQuiz({ closesAt, timeLimitMinutes: 60 });
      const views = [await startOk(quiz.id, learner(1)), await startOk(quiz.id, learner(2))];
      expect(views.map((view) => view.deadline)).toEqual([closesAt, closesAt]);
      const jobs = (await queue.getDelayed()).filter((job) => job.data.quizId === quiz.id);
      expect(jobs.map((job) => job.id)).toEqual([deadlineJobId(quiz.id, closesAt)]);

      for (const view of views) await expire(view.id, t.config.attemptGraceSeconds + 1);
      await jobs[0].promote();
      for (const view of views) expect((await waitForStatus(view.id, 'graded')).submission).toBe('auto');
    });

    it('auto-submits, through the sweeper, an expired attempt whose job was lost', async () => {
      const quiz = await makeQuiz();
      const view = await startOk(quiz.id, learner(1));
      const job = await waitFor(
        async () => (await queue.getJob(deadlineJobId(quiz.id, view.deadline))) ?? undefined,
      );
      await job.remove();
      await expire(view.id, t.config.attemptGraceSeconds + 1);
      await worker().get(AttemptSweeper).sweep();
      expect((await attemptRow(view.id)).submission).toBe('auto');
      await waitForStatus(view.id, 'graded');
    });
  });

  describe('grading', () => {
    const gradingQuiz = () =>
      makeQuiz({ drawRules: [{ topic: 'Chấm điểm', count: 4 }], answersShown: 'after-submit', passMark: 8 });
    const byStem = (view: AttemptView, start: string) =>
      view.questions.find((question) => question.stem.startsWith(start)) as AttemptQuestion;

    it('grades objective answers: all-or-nothing choices, partial multiple choice, short answers with diacritics', async () => {
      const quiz = await gradingQuiz();
      const good = await startOk(quiz.id, learner(0));
      const multiple = byStem(good, 'Những văn kiện');
      const answers: [AttemptQuestion, object][] = [
        [byStem(good, 'Đảng Cộng sản'), { choices: correctOf(byStem(good, 'Đảng Cộng sản')) }],
        [multiple, { choices: correctOf(multiple).slice(0, 2) }],
        [byStem(good, 'Tổng Bí thư'), { text: '  trần   phú ' }],
        [byStem(good, 'Tổ chức lãnh đạo'), { text: 'dang' }],
      ];
      for (const [question, body] of answers)
        await save(good.id, question.questionId, { seq: 1, ...body }).expect(200);
      await submit(good.id).expect(200);
      // 1 + 2 of 3 + 2 + 2 = 7 of 8 points.
      expect(await waitForStatus(good.id, 'graded')).toMatchObject({ score: 8.75, is_passed: true });

      const poor = await startOk(quiz.id, learner(1));
      const wrongs: [AttemptQuestion, object][] = [
        [byStem(poor, 'Những văn kiện'), { choices: [0, 1, 2, 3] }],
        [byStem(poor, 'Tổng Bí thư'), { text: 'Tran Phu' }],
        [byStem(poor, 'Tổ chức lãnh đạo'), { text: 'Đang' }],
      ];
      for (const [question, body] of wrongs)
        await save(poor.id, question.questionId, { seq: 1, ...body }, learner(1)).expect(200);
      await submit(poor.id, learner(1)).expect(200);
      expect(await waitForStatus(poor.id, 'graded')).toMatchObject({ score: 0, is_passed: false });

      const mine = (
        await t
          .http()
          .get(api(`/me/quizzes/${quiz.id}/attempts`))
          .set(learner(0))
          .expect(200)
      ).body as MyAttemptResult[];
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ score: 8.75, isPassed: true, pointsEarned: 7, pointsPossible: 8 });
      const review = mine[0].review ?? [];
      expect(review.find((item) => item.stem.startsWith('Những văn kiện'))).toMatchObject({
        pointsAwarded: 2,
      });
      expect(review.find((item) => item.stem.startsWith('Tổng Bí thư'))).toMatchObject({
        text: '  trần   phú ',
        acceptedAnswers: ['Trần Phú'],
        pointsAwarded: 2,
      });
    });

    it('gives identical grades when the grading job runs again', async () => {
      const quiz = await gradingQuiz();
      const view = await startOk(quiz.id, learner(2));
      await save(
        view.id,
        byStem(view, 'Tổng Bí thư').questionId,
        { seq: 1, text: 'Trần Phú' },
        learner(2),
      ).expect(200);
      await submit(view.id, learner(2)).expect(200);
      const graded = await waitForStatus(view.id, 'graded');
      const [{ id: eventId }] = await t.db.query(
        `SELECT id FROM outbox_events WHERE payload->>'attemptId' = $1`,
        [view.id],
      );
      expect(await worker().get(GradingService).grade(eventId, view.id)).toBe(false);
      expect(await attemptRow(view.id)).toEqual(graded);
      expect(await ledgerTypes(view.id)).toHaveLength(2);
    });

    it('keeps essays for their lecturer: the attempt waits in awaiting-grading with the text', async () => {
      const quiz = await makeQuiz({ drawRules: [{ topic: 'Tự luận', count: 1 }] });
      const view = await startOk(quiz.id, learner(3));
      const essay = 'Đơn vị tôi đã tổ chức học tập nghị quyết và áp dụng vào công việc hằng ngày.';
      await save(view.id, view.questions[0].questionId, { seq: 1, text: essay }, learner(3)).expect(200);
      await submit(view.id, learner(3)).expect(200);
      expect(await waitForStatus(view.id, 'awaiting-grading')).toMatchObject({
        score: null,
        is_passed: null,
      });
      const [stored] = await t.db.query(
        'SELECT text, points_awarded FROM attempt_answers WHERE attempt_id = $1',
        [view.id],
      );
      expect(stored).toEqual({ text: essay, points_awarded: null });
    });
  });

  describe('devices and results', () => {
    it('allows moving to another device and records each change in the attempt and on the ledger', async () => {
      const quiz = await makeQuiz();
      const view = await startOk(quiz.id, learner(0));
      const other = await loginOnDevice(t, w.learners[0].username, newDeviceKey());
      const resumed = (await start(quiz.id, bearer(other)).expect(200)).body as AttemptView;
      expect(resumed.id).toBe(view.id);
      await save(view.id, view.questions[0].questionId, { seq: 1, choices: [0] }, bearer(other)).expect(200);
      await save(view.id, view.questions[0].questionId, { seq: 2, choices: [1] }, learner(0)).expect(200);
      const events: { type: string; device_id: string }[] = await t.db.query(
        'SELECT type, device_id FROM attempt_events WHERE attempt_id = $1 ORDER BY id',
        [view.id],
      );
      expect(events.map((event) => event.type)).toEqual(['started', 'device-changed', 'device-changed']);
      expect(events[1].device_id).not.toBe(events[0].device_id);
      expect(events[2].device_id).toBe(events[0].device_id);
      expect(await ledgerTypes(view.id)).toEqual([
        AttemptLedgerType.DeviceChanged,
        AttemptLedgerType.DeviceChanged,
      ]);
    });

    it('shows learners their scores, and the keys only as the quiz says; staff see the class results', async () => {
      const quiz = await makeQuiz({ answersShown: 'after-close' });
      const view = await startOk(quiz.id, learner(1));
      await save(
        view.id,
        view.questions[0].questionId,
        { seq: 1, choices: correctOf(view.questions[0]) },
        learner(1),
      ).expect(200);
      await submit(view.id, learner(1)).expect(200);
      await waitForStatus(view.id, 'graded');
      const mine = async () =>
        (
          await t
            .http()
            .get(api(`/me/quizzes/${quiz.id}/attempts`))
            .set(learner(1))
            .expect(200)
        ).body as MyAttemptResult[];
      expect((await mine())[0]).toMatchObject({ score: 3.33, review: null });
      await t.db.query(
        `UPDATE quizzes SET opens_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE id = $1`,
        [quiz.id],
      );
      const review = (await mine())[0].review ?? [];
      expect(review).toHaveLength(3);
      expect(review[0].correctChoices).toEqual(correctOf(view.questions[0]));

      const never = await makeQuiz({ answersShown: 'never' });
      const hidden = await startOk(never.id, learner(1));
      await submit(hidden.id, learner(1)).expect(200);
      await waitForStatus(hidden.id, 'graded');
      await t.db.query(
        `UPDATE quizzes SET opens_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE id = $1`,
        [never.id],
      );
      const unseen = (
        await t
          .http()
          .get(api(`/me/quizzes/${never.id}/attempts`))
          .set(learner(1))
          .expect(200)
      ).body as MyAttemptResult[];
      expect(unseen[0]).toMatchObject({ score: 0, review: null });

      const results = (
        await t
          .http()
          .get(api(`/quizzes/${quiz.id}/results`))
          .set(bearer(w.lecturers[0]))
          .expect(200)
      ).body as QuizResultRow[];
      expect(results).toEqual([
        expect.objectContaining({
          id: view.id,
          userId: w.learners[1].id,
          fullName: w.learners[1].fullName,
          score: 3.33,
        }),
      ]);
      await t
        .http()
        .get(api(`/quizzes/${quiz.id}/results`))
        .set(bearer(w.auditor))
        .expect(200);
      await t
        .http()
        .get(api(`/quizzes/${quiz.id}/results`))
        .set(learner(1))
        .expect(404);
      await t
        .http()
        .get(api(`/quizzes/${quiz.id}/results`))
        .set(bearer(w.outsider))
        .expect(404);
      await t
        .http()
        .get(api(`/me/attempts/${view.id}`))
        .set(learner(2))
        .expect(404);
    });
  });
});
