import {
  AttemptView,
  EssayLedgerType,
  GradedAttempt,
  GradingQueueItem,
  MyAttemptResult,
  QuestionDifficulty,
  QuestionType,
  QuizResponse,
  QuizResultRow,
  RubricResponse,
  SimilarityFlagDetail,
  SimilarityFlagSummary,
  SimilarityOutcome,
} from '@thuchoc/assessments/contracts';
import { SimilarityFlagsService } from '@thuchoc/assessments/api';
import { classChain, ClassResponse, ClassStatus } from '@thuchoc/classes/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { randomUUID } from 'node:crypto';
import { AttendanceWorld, makeAttendanceWorld } from './support/attendance-world';
import { makeClass, makeLearner } from './support/class-world';
import { bearer, startTestApp, TestApp, waitFor } from './support/test-app';

/** A commune cadre's essay (about 120 words) and a lightly edited copy of it. */
const ESSAY = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh là nhiệm vụ thường xuyên của mỗi cán bộ, đảng viên.',
  'Đảng ủy xã Tân Phú đã xây dựng kế hoạch cụ thể, gắn việc học tập với giải quyết những việc khó, việc bức xúc của nhân dân.',
  'Chi bộ ấp Bàu Sen vận động bà con hiến đất mở rộng đường giao thông nông thôn; sau sáu tháng, tuyến đường dài hơn hai cây số đã được bê tông hóa mà không phải bồi thường.',
  'Bộ phận một cửa niêm yết công khai thời gian giải quyết từng loại hồ sơ, lập hộp thư góp ý và đường dây nóng của Chủ tịch Ủy ban nhân dân xã.',
  'Bản thân tôi sẽ tiếp tục rèn luyện tác phong gần dân, lắng nghe dân, giải quyết công việc đúng hẹn và nói đi đôi với làm.',
].join(' ');
const NEAR_COPY = ESSAY.replace('Tân Phú', 'Tân Lợi')
  .replace('sáu tháng', 'bảy tháng')
  .replace('Bản thân tôi', 'Bản thân em');
/** Same prompt, own words. */
const HONEST = [
  'Là giáo viên trường trung học cơ sở thị trấn Long Thành, tôi hiểu rằng làm theo Bác trước hết là làm tốt công việc hằng ngày của mình.',
  'Năm học vừa qua, tổ Ngữ văn chúng tôi đăng ký kèm cặp học sinh yếu vào chiều thứ năm mà không thu bất kỳ khoản tiền nào.',
  'Sau một học kỳ, phần lớn các em đã theo kịp chương trình, có em mạnh dạn xung phong đọc bài trước lớp.',
  'Tôi cũng thay đổi cách chấm bài: thay vì chỉ ghi điểm, tôi viết nhận xét cụ thể để học sinh biết mình sai ở đâu và sửa như thế nào.',
  'Thời gian tới, tôi sẽ rèn tính điềm tĩnh và giữ lời hứa với học sinh như giữ chữ tín với chính mình.',
].join(' ');
/** Another prompt's essay and its copy, for the concurrent screening. */
const FARMER = [
  'Hội Nông dân xã Phước Thiền hướng dẫn hội viên chuyển đổi vườn tạp sang trồng bưởi theo tiêu chuẩn VietGAP.',
  'Chi hội trưởng ấp Chợ tổ chức mười buổi sinh hoạt đầu bờ, mời kỹ sư nông nghiệp đến chỉ cách bón phân hữu cơ và tỉa cành.',
  'Sau hai vụ, năng suất tăng gần một phần ba, hợp tác xã ký được hợp đồng bao tiêu với một siêu thị ở Thành phố Hồ Chí Minh.',
  'Từ kết quả đó, tôi thấy nghị quyết chỉ đi vào cuộc sống khi cán bộ cùng làm với dân, chịu khó đi từng hộ và công khai lợi ích rõ ràng.',
].join(' ');
const FARMER_COPY = FARMER.replace('mười buổi', 'chín buổi').replace('tôi thấy', 'em thấy');

const RUBRIC = {
  criteria: [
    { label: 'Nắm vững lý luận', levels: [0, 1, 2, 3].map((points) => ({ label: `Mức ${points}`, points })) },
    { label: 'Liên hệ thực tiễn', levels: [0, 2, 4].map((points) => ({ label: `Mức ${points}`, points })) },
    { label: 'Trình bày', levels: [0, 1, 2].map((points) => ({ label: `Mức ${points}`, points })) },
  ],
};
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe('essay grading and similarity flags', () => {
  let t: TestApp;
  let w: AttendanceWorld;
  let quiz: QuizResponse;
  const api = (path: string) => `/api/v1${path}`;
  const staff = () => bearer(w.staff);
  const lecturer = () => bearer(w.lecturers[0]);
  const learner = (i: number) => bearer(w.learners[i].tokens);

  const makeQuiz = async (classId: string) =>
    (
      await t
        .http()
        .post(api(`/classes/${classId}/quizzes`))
        .set(staff())
        .send({
          title: 'Bài thu hoạch',
          drawRules: [
            { topic: 'Tự luận', count: 1 },
            { topic: 'Trắc nghiệm', count: 1 },
          ],
          opensAt: minutes(-1),
          closesAt: minutes(120),
          timeLimitMinutes: 60,
          passMark: 5,
          isPublished: true,
        })
        .expect(201)
    ).body as QuizResponse;
  /** Starts, answers the choice question right and the essay with `text`, submits; waits for the grading job. */
  const submitEssay = async (quizId: string, headers: Record<string, string>, text: string) => {
    const view = (
      await t
        .http()
        .post(api(`/me/quizzes/${quizId}/attempts`))
        .set(headers)
        .expect(201)
    ).body as AttemptView;
    for (const question of view.questions) {
      const body =
        question.type === QuestionType.Essay
          ? { seq: 1, text }
          : { seq: 1, choices: [question.options.indexOf('1930')] };
      await t
        .http()
        .put(api(`/me/attempts/${view.id}/answers/${question.questionId}`))
        .set(headers)
        .send(body)
        .expect(200);
    }
    await t
      .http()
      .post(api(`/me/attempts/${view.id}/submit`))
      .set(headers)
      .expect(200);
    await waitFor(async () => {
      const rows: unknown[] = await t.db.query(
        `SELECT 1 FROM processed_events p JOIN outbox_events e ON e.id::text = p.event_id::text
          WHERE p.handler = 'assessments.essay-similarity' AND e.payload->>'attemptId' = $1`,
        [view.id],
      );
      return rows.length > 0 ? true : undefined;
    });
    return view.id;
  };
  const queue = async (classId: string, query = '') =>
    (
      await t
        .http()
        .get(api(`/classes/${classId}/grading-queue${query}`))
        .set(lecturer())
        .expect(200)
    ).body as Page<GradingQueueItem>;
  const grade = (attemptId: string, body: object, headers = lecturer()) =>
    t
      .http()
      .put(api(`/quiz-attempts/${attemptId}/essay-grade`))
      .set(headers)
      .send(body);
  const flagsOf = async (classId: string) =>
    (
      await t
        .http()
        .get(api(`/classes/${classId}/similarity-flags`))
        .set(lecturer())
        .expect(200)
    ).body as SimilarityFlagSummary[];
  /** Which attempts of the quiz the class's results show as under review, by attempt id. */
  const underReview = async () =>
    Object.fromEntries(
      (
        (
          await t
            .http()
            .get(api(`/quizzes/${quiz.id}/results`))
            .set(lecturer())
            .expect(200)
        ).body as QuizResultRow[]
      ).map((row) => [row.id, row.isUnderReview]),
    );
  const myResults = async (headers: Record<string, string>) =>
    (
      await t
        .http()
        .get(api(`/me/quizzes/${quiz.id}/attempts`))
        .set(headers)
        .expect(200)
    ).body as MyAttemptResult[];
  const flagCount = async () =>
    ((await t.db.query('SELECT count(*)::int AS n FROM essay_similarity_flags')) as { n: number }[])[0].n;

  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    w = await makeAttendanceWorld(t, 4);
    const add = (body: object) =>
      t
        .http()
        .post(api(`/courses/${w.klass.courseId}/questions`))
        .set(staff())
        .send(body)
        .expect(201);
    await add({
      type: QuestionType.Essay,
      topic: 'Tự luận',
      difficulty: QuestionDifficulty.Medium,
      stem: 'Liên hệ thực tiễn việc học tập và làm theo Bác tại đơn vị.',
      points: 4,
    });
    await add({
      type: QuestionType.SingleChoice,
      topic: 'Trắc nghiệm',
      difficulty: QuestionDifficulty.Easy,
      stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?',
      options: [
        { text: '1925', isCorrect: false },
        { text: '1930', isCorrect: true },
      ],
      points: 1,
    });
    quiz = await makeQuiz(w.klass.id);
  });
  afterAll(() => t.close());

  it('keeps a rubric per quiz: validated, read by staff, hidden from others', async () => {
    const bad = await t
      .http()
      .put(api(`/quizzes/${quiz.id}/rubric`))
      .set(lecturer())
      .send({
        criteria: [
          { label: 'A', levels: [{ label: 'x', points: -1 }] },
          { label: 'a', levels: [] },
        ],
      })
      .expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.code).toBe('rubric.invalid');
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'criteria.0.levels',
      'criteria.0.levels.0.points',
      'criteria.1.label',
      'criteria.1.levels',
    ]);
    await t
      .http()
      .put(api(`/quizzes/${quiz.id}/rubric`))
      .set(lecturer())
      .send({ criteria: 'x' })
      .expect(400);
    await t
      .http()
      .get(api(`/quizzes/${quiz.id}/rubric`))
      .set(lecturer())
      .expect(404);

    await t
      .http()
      .put(api(`/quizzes/${quiz.id}/rubric`))
      .set(lecturer())
      .send(RUBRIC)
      .expect(200);
    await t
      .http()
      .delete(api(`/quizzes/${quiz.id}/rubric`))
      .set(staff())
      .expect(204);
    const set = (
      await t
        .http()
        .put(api(`/quizzes/${quiz.id}/rubric`))
        .set(staff())
        .send(RUBRIC)
        .expect(200)
    ).body as RubricResponse;
    expect(set).toMatchObject({ maxPoints: 9, isLocked: false });
    expect(
      (
        await t
          .http()
          .get(api(`/quizzes/${quiz.id}/rubric`))
          .set(bearer(w.auditor))
          .expect(200)
      ).body,
    ).toMatchObject({ maxPoints: 9 });
    await t
      .http()
      .put(api(`/quizzes/${quiz.id}/rubric`))
      .set(bearer(w.auditor))
      .send(RUBRIC)
      .expect(403);
    await t
      .http()
      .get(api(`/quizzes/${quiz.id}/rubric`))
      .set(learner(0))
      .expect(404);
    await t
      .http()
      .get(api(`/quizzes/${quiz.id}/rubric`))
      .set(bearer(w.outsider))
      .expect(404);
  });

  describe('with submitted essays', () => {
    const attempts: string[] = [];

    beforeAll(async () => {
      attempts.push(await submitEssay(quiz.id, learner(0), ESSAY));
    });

    it('queues the attempt with its essay; the lecturer grades it and the learner sees score and comments', async () => {
      const waiting = await queue(w.klass.id);
      expect(waiting.items.map((item) => item.attemptId)).toEqual([attempts[0]]);
      expect(waiting.items[0]).toMatchObject({
        status: 'awaiting-grading',
        objectivePoints: 1,
        pointsPossible: 5,
      });
      expect(waiting.items[0].essays[0].text).toBe(ESSAY);

      await grade(attempts[0], { criteria: [{ levelIndex: 3 }, { levelIndex: 2 }] }).expect(400);
      await grade(attempts[0], { criteria: [{ levelIndex: 1 }] }, bearer(w.auditor)).expect(403);
      await grade(attempts[0], { criteria: [{ levelIndex: 1 }] }, learner(0)).expect(404);
      await grade(attempts[0], { criteria: [{ levelIndex: 1 }] }, bearer(w.outsider)).expect(404);
      const graded = (
        await grade(attempts[0], {
          criteria: [{ levelIndex: 2, comment: 'Nắm khá chắc.' }, { levelIndex: 2 }, { levelIndex: 0 }],
          comment: 'Cần trình bày mạch lạc hơn.',
        }).expect(200)
      ).body as GradedAttempt;
      // 1 + 4 × 6/9 = 3.67 of 5 → 7.34
      expect(graded).toMatchObject({ status: 'graded', pointsEarned: 3.67, score: 7.34, isPassed: true });

      const mine = (
        await t
          .http()
          .get(api(`/me/quizzes/${quiz.id}/attempts`))
          .set(learner(0))
          .expect(200)
      ).body as MyAttemptResult[];
      expect(mine[0]).toMatchObject({ score: 7.34, isPassed: true, review: null });
      expect(mine[0].essayGrade).toMatchObject({ comment: 'Cần trình bày mạch lạc hơn.', essayPoints: 2.67 });
      const [grader]: { id: string; full_name: string }[] = await t.db.query(
        'SELECT id, full_name FROM users WHERE id = $1',
        [w.lecturerIds[0]],
      );
      expect(mine[0].essayGrade).toMatchObject({ gradedBy: grader.id, gradedByName: grader.full_name });
      expect(mine[0].essayGrade?.criteria[0]).toMatchObject({
        levelLabel: 'Mức 2',
        comment: 'Nắm khá chắc.',
      });
      expect((await queue(w.klass.id)).items).toEqual([]);
      expect((await queue(w.klass.id, '?status=graded')).items[0].grade?.essayPoints).toBe(2.67);

      await t
        .http()
        .put(api(`/quizzes/${quiz.id}/rubric`))
        .set(lecturer())
        .send(RUBRIC)
        .expect(409);
      expect(
        (
          await t
            .http()
            .get(api(`/quizzes/${quiz.id}/rubric`))
            .set(lecturer())
            .expect(200)
        ).body.isLocked,
      ).toBe(true);
    });

    it('answers one attempt of the queue to staff and auditors, 404 to learners and outsiders', async () => {
      const one = (headers: Record<string, string>) =>
        t
          .http()
          .get(api(`/quiz-attempts/${attempts[0]}/essay-grading`))
          .set(headers);
      const item = (await one(lecturer()).expect(200)).body as GradingQueueItem;
      const [listed] = (await queue(w.klass.id, '?status=all')).items.filter(
        (candidate) => candidate.attemptId === attempts[0],
      );
      expect(item).toEqual(listed);
      await one(bearer(w.auditor)).expect(200);
      await one(learner(0)).expect(404);
      await one(bearer(w.outsider)).expect(404);
      await t.http().get(api('/quiz-attempts/not-an-id/essay-grading')).set(lecturer()).expect(404);
    });

    it('changes a grade only with a reason, ledgering the old and new scores', async () => {
      const change = { criteria: [{ levelIndex: 3 }, { levelIndex: 1 }, { levelIndex: 2 }] };
      const refused = await grade(attempts[0], change).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      const changed = (await grade(attempts[0], { ...change, reason: 'Phúc khảo' }).expect(200))
        .body as GradedAttempt;
      expect(changed).toMatchObject({ score: 8.22, isPassed: true });
      const entries: { type: string; reason: string | null; payload: Record<string, unknown> }[] =
        await t.db.query(
          `SELECT type, reason, payload FROM ledger_entries WHERE chain = $1 AND subject_ids->>'attemptId' = $2
          AND type LIKE 'quiz-attempt.grade-%' ORDER BY position`,
          [classChain(w.klass.id), attempts[0]],
        );
      expect(entries.map((entry) => entry.type)).toEqual([
        EssayLedgerType.GradeGiven,
        EssayLedgerType.GradeChanged,
      ]);
      expect(entries[1]).toMatchObject({
        reason: 'Phúc khảo',
        payload: { old: { score: 7.34, essayPoints: 2.67 }, new: { score: 8.22, essayPoints: 3.11 } },
      });
    });

    it('flags two near-identical essays once, with passages, and not an honest one', async () => {
      attempts.push(await submitEssay(quiz.id, learner(1), NEAR_COPY));
      attempts.push(await submitEssay(quiz.id, learner(2), HONEST));
      const flags = await flagsOf(w.klass.id);
      expect(flags).toHaveLength(1);
      expect([flags[0].a.attemptId, flags[0].b.attemptId].sort()).toEqual([attempts[0], attempts[1]].sort());
      expect(flags[0].score).toBeGreaterThan(0.5);

      const detail = (
        await t
          .http()
          .get(api(`/similarity-flags/${flags[0].id}`))
          .set(lecturer())
          .expect(200)
      ).body as SimilarityFlagDetail;
      expect(detail.passages.length).toBeGreaterThan(0);
      const [passage] = detail.passages;
      expect(detail.textA.slice(passage.a.start, passage.a.end).split(' ').length).toBeGreaterThanOrEqual(8);
      expect(detail.textB.slice(passage.b.start, passage.b.end)).toBe(
        detail.textA.slice(passage.a.start, passage.a.end),
      );

      const waiting = await queue(w.klass.id);
      expect(waiting.items.map((item) => item.attemptId)).toEqual([attempts[1], attempts[2]]);
      expect(waiting.items[0].openSimilarityFlagIds).toEqual([flags[0].id]);
      expect(waiting.items[1].openSimilarityFlagIds).toEqual([]);
    });

    it('grades neither side of an open flag until it is resolved, and changes nothing', async () => {
      const [flag] = await flagsOf(w.klass.id);
      const levels = { criteria: [{ levelIndex: 1 }, { levelIndex: 1 }, { levelIndex: 1 }] };
      const refused = await grade(attempts[1], levels).expect(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('attempt.similarity-open');
      // The side graded before the flag keeps its grade, which cannot change while the flag is open.
      expect((await grade(attempts[0], { ...levels, reason: 'Chấm lại' }).expect(409)).body.code).toBe(
        'attempt.similarity-open',
      );
      const rows: { id: string; status: string; score: number | null; grades: number }[] = await t.db.query(
        `SELECT a.id, a.status, a.score::float AS score,
                (SELECT count(*)::int FROM essay_grades g WHERE g.attempt_id = a.id) AS grades
           FROM quiz_attempts a WHERE a.id = ANY($1::uuid[])`,
        [[attempts[0], attempts[1]]],
      );
      expect(rows.find((row) => row.id === attempts[1])).toMatchObject({
        status: 'awaiting-grading',
        score: null,
        grades: 0,
      });
      expect(rows.find((row) => row.id === attempts[0])).toMatchObject({ status: 'graded', score: 8.22 });
      expect((await queue(w.klass.id)).items[0].openSimilarityFlagIds).toEqual([flag.id]);
      // Graded before the flag, its result is held as under review, for the class and for its learner.
      expect(await underReview()).toEqual({ [attempts[0]]: true, [attempts[1]]: true, [attempts[2]]: false });
      expect(await myResults(learner(0))).toMatchObject([
        { id: attempts[0], isPassed: true, isUnderReview: true },
      ]);
      expect(await myResults(learner(2))).toMatchObject([{ id: attempts[2], isUnderReview: false }]);
    });

    it('raises no second flag when the job runs again, nor for a repeated event', async () => {
      const before = await flagCount();
      const [{ id: eventId }] = await t.db.query(
        `SELECT id FROM outbox_events WHERE payload->>'attemptId' = $1`,
        [attempts[1]],
      );
      const screening = t.app.get(SimilarityFlagsService);
      expect(await screening.screen(eventId, attempts[1])).toBe(false);
      expect(await screening.screen(randomUUID(), attempts[1])).toBe(true);
      expect(await flagCount()).toBe(before);
    });

    it('compares an essay with those of earlier classes of the course', async () => {
      const later: ClassResponse = await makeClass(t, w, { courseId: w.klass.courseId });
      const newcomer = await makeLearner(t, w.communeA, 'Bùi Thị Giang');
      await t
        .http()
        .post(api(`/classes/${later.id}/enrollments`))
        .set(staff())
        .send({ userId: newcomer.user.id })
        .expect(201);
      for (const to of [ClassStatus.Open, ClassStatus.Running])
        await t
          .http()
          .post(api(`/classes/${later.id}/transitions`))
          .set(staff())
          .send({ to })
          .expect(200);
      const laterQuiz = await makeQuiz(later.id);
      const copied = await submitEssay(laterQuiz.id, bearer(newcomer.tokens), HONEST);
      const flags = await flagsOf(later.id);
      expect(flags).toHaveLength(1);
      const sides = [flags[0].a, flags[0].b];
      expect(sides.map((side) => side.attemptId).sort()).toEqual([attempts[2], copied].sort());
      expect(sides.find((side) => side.attemptId === attempts[2])?.classId).toBe(w.klass.id);
      expect(await flagsOf(w.klass.id)).toHaveLength(1);
    });

    it('flags a pair whose screenings run at the same moment', async () => {
      const other: ClassResponse = await makeClass(t, w, { courseId: w.klass.courseId });
      const learners = [
        await makeLearner(t, w.communeA, 'Đặng Văn Hùng'),
        await makeLearner(t, w.communeA, 'Võ Thị Hạnh'),
      ];
      for (const learnerOf of learners)
        await t
          .http()
          .post(api(`/classes/${other.id}/enrollments`))
          .set(staff())
          .send({ userId: learnerOf.user.id })
          .expect(201);
      for (const to of [ClassStatus.Open, ClassStatus.Running])
        await t
          .http()
          .post(api(`/classes/${other.id}/transitions`))
          .set(staff())
          .send({ to })
          .expect(200);
      const otherQuiz = await makeQuiz(other.id);
      const pair = [
        await submitEssay(otherQuiz.id, bearer(learners[0].tokens), FARMER),
        await submitEssay(otherQuiz.id, bearer(learners[1].tokens), FARMER_COPY),
      ];
      // Undo what their jobs screened, one after the other, and screen both again at once.
      for (const table of [
        'essay_similarity_flags WHERE attempt_a = ANY($1) OR attempt_b = ANY($1)',
        'essay_bands WHERE attempt_id = ANY($1)',
        'essay_fingerprints WHERE attempt_id = ANY($1)',
      ])
        await t.db.query(`DELETE FROM ${table}`, [pair]);
      const screening = t.app.get(SimilarityFlagsService);
      await Promise.all(pair.map((attemptId) => screening.screen(randomUUID(), attemptId)));

      const flags = await flagsOf(other.id);
      expect(flags).toHaveLength(1);
      expect([flags[0].a.attemptId, flags[0].b.attemptId].sort()).toEqual([...pair].sort());
    });

    it('resolves a flag with an outcome and a reason, ledgered; auditors read only, others 404', async () => {
      const [flag] = await flagsOf(w.klass.id);
      const resolve = (body: object, headers = lecturer()) =>
        t
          .http()
          .post(api(`/similarity-flags/${flag.id}/resolution`))
          .set(headers)
          .send(body);
      expect(
        (await resolve({ outcome: SimilarityOutcome.ConfirmedCopy, reason: '  ' }).expect(400)).body.code,
      ).toBe('request.invalid');
      await resolve({ outcome: 'maybe', reason: 'x' }).expect(400);
      await resolve(
        { outcome: SimilarityOutcome.ConfirmedCopy, reason: 'Chép bài' },
        bearer(w.auditor),
      ).expect(403);
      await resolve(
        { outcome: SimilarityOutcome.ConfirmedCopy, reason: 'Chép bài' },
        bearer(w.outsider),
      ).expect(404);
      await resolve({ outcome: SimilarityOutcome.ConfirmedCopy, reason: 'Chép bài' }, learner(0)).expect(404);
      await t
        .http()
        .get(api(`/similarity-flags/${flag.id}`))
        .set(bearer(w.auditor))
        .expect(200);
      await t
        .http()
        .get(api(`/similarity-flags/${flag.id}`))
        .set(learner(1))
        .expect(404);
      const resolved = (
        await resolve({ outcome: SimilarityOutcome.ConfirmedCopy, reason: 'Hai bài trùng gần hết.' }).expect(
          200,
        )
      ).body as SimilarityFlagDetail;
      expect(resolved).toMatchObject({ status: 'resolved', outcome: 'confirmed-copy' });
      await resolve({ outcome: SimilarityOutcome.FalsePositive, reason: 'Đổi ý' }).expect(409);
      expect(await flagsOf(w.klass.id)).toEqual([]);
      const [entry] = await t.db.query(
        `SELECT reason, payload FROM ledger_entries WHERE chain = $1 AND type = $2 AND subject_ids->>'flagId' = $3`,
        [classChain(w.klass.id), EssayLedgerType.SimilarityFlagResolved, flag.id],
      );
      expect(entry).toMatchObject({
        reason: 'Hai bài trùng gần hết.',
        payload: { outcome: 'confirmed-copy' },
      });
      expect((await queue(w.klass.id)).items[0].openSimilarityFlagIds).toEqual([]);
      // The third essay stays under review: a later class's copy of it is flagged, and that flag is open.
      expect(await underReview()).toEqual({
        [attempts[0]]: false,
        [attempts[1]]: false,
        [attempts[2]]: true,
      });
      expect((await myResults(learner(0)))[0].isUnderReview).toBe(false);
      // Resolved, the copied essay is graded like any other.
      const graded = (
        await grade(attempts[1], {
          criteria: [{ levelIndex: 0 }, { levelIndex: 0 }, { levelIndex: 0 }],
        }).expect(200)
      ).body as GradedAttempt;
      expect(graded).toMatchObject({ status: 'graded', isPassed: false });
    });

    it('hides the queue and flags outside the class; auditors read them', async () => {
      await t
        .http()
        .get(api(`/classes/${w.klass.id}/grading-queue`))
        .set(bearer(w.outsider))
        .expect(404);
      await t
        .http()
        .get(api(`/classes/${w.klass.id}/grading-queue`))
        .set(learner(0))
        .expect(404);
      await t
        .http()
        .get(api(`/classes/${w.klass.id}/grading-queue`))
        .set(bearer(w.auditor))
        .expect(200);
      await t
        .http()
        .get(api(`/classes/${w.klass.id}/grading-queue?status=nope`))
        .set(lecturer())
        .expect(400);
      await t
        .http()
        .get(api(`/classes/${w.klass.id}/similarity-flags`))
        .set(bearer(w.outsider))
        .expect(404);
      await t
        .http()
        .put(api(`/quiz-attempts/not-a-uuid/essay-grade`))
        .set(lecturer())
        .send({ criteria: [] })
        .expect(404);
    });
  });
});
