import { Browser, Page } from 'playwright-core';
import { ApiClient, findClass, uniqueTopic } from './support/api';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  loginAs,
  openPage,
  saveSettledScreen,
  screenshotPagesOnFailure,
} from './support/browser';
import { OBJECTIVE_QUESTIONS, answerTo, createObjectiveQuestions, publishQuiz } from './support/quiz-player';

/*
 * The "done when" for the learner's quiz player: on a phone a learner
 * opens the class's quizzes, starts a quiz, answers half of it and sees it
 * saved, reloads and finds the same answers, answers one more, then lets the
 * time run out: the page says time is up and, once the server's deadline job
 * has submitted and graded the attempt, shows it as auto-submitted with its
 * score. A second learner submits a quiz themselves on a desktop, after the
 * confirmation names the questions left unanswered.
 *
 * The product runs with ATTEMPT_GRACE_SECONDS=2 and ATTEMPT_SWEEP_MS=1000
 * (global-setup), so an attempt is auto-submitted 2 s after its deadline.
 */

const CLASS = { code: 'DVM-2026-01', title: 'Lớp bồi dưỡng đảng viên mới – đợt 1/2026' };
const STAFF = 'canbo.trungtam';
/** Lets the timer run out on a phone. */
const PHONE_LEARNER = 'hocvien14';
/** Submits on a desktop. */
const DESKTOP_LEARNER = 'hocvien19';

/** The timed quiz closes this long after it is created: its attempt's deadline is the close. */
const CLOSES_IN_SECONDS = 60;
/** Past the deadline: the grace (2 s), the deadline job, grading, and the page's next poll (2 s). */
const AUTO_SUBMIT_TIMEOUT_MS = 60_000;
const TIMER_RUN_OUT_TIMEOUT_MS = (CLOSES_IN_SECONDS + 15) * 1000;
const SAVED_TIMEOUT_MS = 10_000;

const journey: { classId?: string; courseId?: string; topic?: string } = {};

function arranged(): { classId: string; courseId: string; topic: string } {
  const { classId, courseId, topic } = journey;
  if (classId === undefined || courseId === undefined || topic === undefined)
    throw new Error('The questions were not arranged.');
  return { classId, courseId, topic };
}

/** The question on screen: its stem, and the right answer the journey gives it. */
async function shownQuestion(page: Page) {
  const stem = (await page.getByTestId('question-stem').innerText()).trim();
  return { stem, answer: answerTo(stem) };
}

/** A save of an answer the server has answered. */
function answerSaved(page: Page) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === 'PUT' && /\/me\/attempts\/[^/]+\/answers\//.test(response.url()),
  );
}

/** Answers the question on screen rightly, and waits until the indicator says it is saved. */
async function answerShownQuestion(page: Page): Promise<string> {
  const { stem, answer } = await shownQuestion(page);
  const question = page.getByTestId('question');
  const saved = answerSaved(page);
  if (answer.text !== undefined) {
    await question.getByTestId('answer-text').fill(answer.text);
    await question.getByTestId('answer-text').blur();
  }
  for (const option of answer.choose ?? []) await question.getByText(option, { exact: true }).click();
  expect((await saved).status()).toBe(200);
  const state = page.locator('[data-testid="save-state"][data-state="saved"]');
  await state.waitFor({ timeout: SAVED_TIMEOUT_MS });
  expect(await state.innerText()).toMatch(/^Đã lưu lúc \d{2}:\d{2}:\d{2}$/);
  return stem;
}

/** Checks the question on screen shows the journey's answer as chosen or typed. */
async function expectShownAnswer(page: Page): Promise<void> {
  const { answer } = await shownQuestion(page);
  const question = page.getByTestId('question');
  if (answer.text !== undefined) {
    expect(await question.getByTestId('answer-text').inputValue()).toBe(answer.text);
  }
  const role = (await question.getAttribute('data-type')) === 'multiple-choice' ? 'checkbox' : 'radio';
  for (const option of answer.choose ?? [])
    expect(await question.getByRole(role, { name: option, exact: true }).isChecked()).toBe(true);
}

async function openQuestion(page: Page, number: number): Promise<void> {
  await page
    .getByTestId('navigator-item')
    .nth(number - 1)
    .click();
  await page
    .getByTestId('question-number')
    .filter({ hasText: `Câu ${number}/${OBJECTIVE_QUESTIONS.length}` })
    .waitFor();
}

/** Which navigator items show as answered, in order. */
async function answeredFlags(page: Page): Promise<boolean[]> {
  const items = page.getByTestId('navigator-item');
  const flags: boolean[] = [];
  for (let i = 0; i < (await items.count()); i++)
    flags.push((await items.nth(i).getAttribute('data-answered')) === 'true');
  return flags;
}

describe('quiz player: start on a phone, autosave, resume after reload, auto-submit at the deadline', () => {
  let browser: Browser;
  /** hocvien14's phone and, later, laptop; hocvien19's laptop. */
  const pages = {} as Record<'phone' | 'desktop' | 'submitter', Page>;
  const step = (run: () => Promise<void>) => () => screenshotPagesOnFailure(pages, run);

  beforeAll(async () => {
    browser = await launchBrowser();
    pages.phone = await openPage(browser, PHONE);
    pages.desktop = await openPage(browser, DESKTOP);
    pages.submitter = await openPage(browser, DESKTOP);
    const staff = await ApiClient.login(STAFF);
    const found = await findClass(staff, CLASS.code);
    journey.classId = found.id;
    journey.courseId = found.courseId;
    journey.topic = uniqueTopic('Lịch sử Đảng – trắc nghiệm');
    await createObjectiveQuestions(staff, found.courseId, journey.topic);
  });

  afterAll(async () => {
    await browser.close();
  });

  it(
    'a learner on a desktop reads the rules, answers one question and submits after the confirmation names the rest',
    step(async () => {
      const { submitter } = pages;
      const { classId, topic } = arranged();
      const title = `Ôn tập cuối chuyên đề – ${topic}`;
      const staff = await ApiClient.login(STAFF);
      const quiz = await publishQuiz(staff, classId, {
        topic,
        title,
        closesInSeconds: 1800,
        timeLimitMinutes: 10,
      });

      await loginAs(submitter, DESKTOP_LEARNER);
      await submitter.goto(`/learner/classes/${classId}/quizzes`);
      const card = submitter.locator(`[data-testid="quiz-card"][data-quiz-id="${quiz.id}"]`);
      await card.getByTestId('quiz-details-link').click();
      await submitter.waitForURL(`**/learner/quizzes/${quiz.id}`);
      await submitter.getByTestId('quiz-title').filter({ hasText: title }).waitFor();
      const rules = await submitter.getByTestId('quiz-rules').innerText();
      expect(rules).toContain('Đến hạn, máy chủ ngừng nhận câu trả lời và tự nộp bài của bạn.');
      expect(rules).toContain('Đáp án và giải thích hiện ngay sau khi bài được chấm.');
      expect(await submitter.getByTestId('quiz-results').innerText()).toContain(
        'Bạn chưa làm bài này lần nào.',
      );
      await saveSettledScreen(submitter, 'quiz-player-quiz-intro');

      await submitter.getByTestId('quiz-start').click();
      await submitter.waitForURL(/\/learner\/attempts\/[0-9a-f-]{36}$/);
      expect(await submitter.getByTestId('timer').innerText()).toMatch(/^(10:00|9:[0-5]\d)$/);
      await answerShownQuestion(submitter);
      await saveSettledScreen(submitter, 'quiz-player-desktop');

      await submitter.getByTestId('submit-attempt').click();
      const dialog = submitter.getByRole('dialog');
      expect(await dialog.innerText()).toContain('Bạn còn 3 câu chưa trả lời: 2, 3, 4.');
      await dialog.getByTestId('confirm-submit').click();

      const result = submitter.locator('[data-testid="attempt-result"][data-status="graded"]');
      await result.waitFor({ timeout: AUTO_SUBMIT_TIMEOUT_MS });
      expect(await result.getByTestId('attempt-submission').innerText()).toContain('Bạn đã nộp bài');
      expect(await result.getByTestId('attempt-score').innerText()).toBe('2,50/10 điểm');
      expect((await result.getByTestId('attempt-verdict').innerText()).trim()).toBe('Chưa đạt');

      await submitter.getByTestId('to-quiz').click();
      await submitter.waitForURL(`**/learner/quizzes/${quiz.id}`);
      await submitter
        .getByTestId('quiz-results')
        .getByTestId('attempt-score')
        .filter({ hasText: '2,50/10 điểm' })
        .waitFor();
      expect((await submitter.getByTestId('quiz-start').innerText()).trim()).toBe('Đã hết lượt làm bài');
    }),
    120_000,
  );

  it(
    'a learner on a phone answers, reloads, answers more and is auto-submitted with a score when time runs out',
    step(async () => {
      const { phone } = pages;
      const { classId, topic } = arranged();
      await loginAs(phone, PHONE_LEARNER);
      const title = `Kiểm tra 15 phút – ${topic}`;
      const staff = await ApiClient.login(STAFF);
      const quiz = await publishQuiz(staff, classId, {
        topic,
        title,
        closesInSeconds: CLOSES_IN_SECONDS,
        timeLimitMinutes: 1,
      });

      // Lớp của tôi → the class → its quizzes.
      await phone.getByRole('link', { name: 'Lớp của tôi' }).first().click();
      await phone.waitForURL('**/learner/classes');
      await phone
        .locator(`[data-testid="my-class-card"][data-class-id="${classId}"]`)
        .getByTestId('my-class-link')
        .click();
      await phone.waitForURL(`**/learner/classes/${classId}`);
      await phone.getByTestId('my-quizzes-link').click();
      await phone.waitForURL(`**/learner/classes/${classId}/quizzes`);
      const card = phone.locator(`[data-testid="quiz-card"][data-quiz-id="${quiz.id}"]`);
      await card.getByRole('heading', { name: title }).waitFor();
      expect(await card.getByTestId('quiz-attempts-used').innerText()).toContain('Đã làm 0/1 lần');
      const start = card.getByTestId('quiz-start');
      expect((await start.innerText()).trim()).toBe('Làm bài');
      await saveSettledScreen(phone, 'quiz-player-class-quizzes', 'window');

      await start.click();
      await phone.waitForURL(/\/learner\/attempts\/[0-9a-f-]{36}$/);
      await phone.getByTestId('player-title').filter({ hasText: title }).waitFor();
      expect(await phone.getByTestId('timer').innerText()).toMatch(/^(1:00|0:[0-5]\d)$/);

      // Half the paper: the first two questions, each saved on its own.
      const answered = [await answerShownQuestion(phone)];
      await phone.getByTestId('next-question').click();
      await phone.getByTestId('question-number').filter({ hasText: 'Câu 2/4' }).waitFor();
      answered.push(await answerShownQuestion(phone));
      expect(await phone.getByTestId('answered-count').innerText()).toBe('Đã trả lời 2/4 câu');
      await saveSettledScreen(phone, 'quiz-player-mid-quiz', 'window');

      // A reload resumes with the answers the server stored.
      await phone.reload();
      await phone.getByTestId('player-title').filter({ hasText: title }).waitFor();
      await phone.getByTestId('answered-count').filter({ hasText: 'Đã trả lời 2/4 câu' }).waitFor();
      expect(await answeredFlags(phone)).toEqual([true, true, false, false]);
      await openQuestion(phone, 1);
      expect((await shownQuestion(phone)).stem).toBe(answered[0]);
      await expectShownAnswer(phone);
      await openQuestion(phone, 2);
      expect((await shownQuestion(phone)).stem).toBe(answered[1]);
      await expectShownAnswer(phone);
      await saveSettledScreen(phone, 'quiz-player-after-reload', 'window');

      // One more, then nothing until the time runs out.
      await openQuestion(phone, 3);
      await answerShownQuestion(phone);
      expect(await answeredFlags(phone)).toEqual([true, true, true, false]);

      const timeUp = phone.getByTestId('time-up');
      await timeUp.waitFor({ timeout: TIMER_RUN_OUT_TIMEOUT_MS });
      expect(await timeUp.innerText()).toContain('Hết giờ — bài đang được hệ thống tự nộp.');

      // The server's deadline job submits it; the page shows the graded attempt: 3 of 4 points right.
      const result = phone.locator('[data-testid="attempt-result"][data-status="graded"]');
      await result.waitFor({ timeout: AUTO_SUBMIT_TIMEOUT_MS });
      expect(await result.getByTestId('attempt-submission').innerText()).toContain(
        'Hệ thống tự nộp khi hết giờ',
      );
      expect(await result.getByTestId('attempt-score').innerText()).toBe('7,50/10 điểm');
      expect(await phone.getByTestId('auto-submitted').innerText()).toBe(
        'Hết giờ — hệ thống đã tự nộp bài của bạn với các câu trả lời đã lưu.',
      );
      expect(await result.getByTestId('attempt-points').innerText()).toBe('3/4 điểm');
      expect((await result.getByTestId('attempt-verdict').innerText()).trim()).toBe('Đạt');
      expect(await result.getByTestId('review-item').count()).toBe(4);
      await saveSettledScreen(phone, 'quiz-player-result');

      // The quiz page lists the attempt with the same result.
      await phone.getByTestId('to-quiz').click();
      await phone.waitForURL(`**/learner/quizzes/${quiz.id}`);
      const listed = phone.getByTestId('quiz-results').getByTestId('attempt-result');
      await listed.getByTestId('attempt-score').filter({ hasText: '7,50/10 điểm' }).waitFor();
      expect(await listed.getByTestId('attempt-submission').innerText()).toContain(
        'Hệ thống tự nộp khi hết giờ',
      );
      expect((await phone.getByTestId('quiz-start').innerText()).trim()).toBe('Đã đóng');

      // The class's quizzes at desktop width: the attempt used, its score, the quiz closed.
      const { desktop } = pages;
      await loginAs(desktop, PHONE_LEARNER);
      await desktop.goto(`/learner/classes/${classId}/quizzes`);
      const desktopCard = desktop.locator(`[data-testid="quiz-card"][data-quiz-id="${quiz.id}"]`);
      await desktopCard.getByTestId('quiz-best').filter({ hasText: 'Điểm cao nhất: 7,50' }).waitFor();
      expect(await desktopCard.getByTestId('quiz-attempts-used').innerText()).toContain('Đã làm 1/1 lần');
      expect((await desktopCard.getByTestId('quiz-start').innerText()).trim()).toBe('Đã đóng');
      await saveSettledScreen(desktop, 'quiz-player-class-quizzes');
    }),
    180_000,
  );
});
