import { Browser, Locator, Page } from 'playwright-core';
import { ApiClient } from './support/api';
import {
  DESKTOP,
  PHONE,
  Viewport,
  launchBrowser,
  loginAs,
  openPage,
  saveSettledScreen,
  screenshotOnFailure,
} from './support/browser';
import { EssayQuiz, arrangeEssayQuiz, submitEssay } from './support/essay-grading';

/*
 * The issue's "done when" for essay grading: the lecturer of the demo class
 * opens its grading queue, grades an essay with the quiz's rubric (a live
 * preview, then the saved score), changes the grade with a reason; sees the
 * similarity flag the job raised on two near-identical essays (the class's
 * results hold both as under review meanwhile), compares them side by side
 * with the shared passages highlighted and resolves it as a confirmed copy.
 * Everything before (question, quiz, rubric, three learners' submitted
 * essays) is arranged through the API.
 */

const CLASS = { code: 'DVM-2026-01', title: 'Lớp bồi dưỡng đảng viên mới – đợt 1/2026' };
const STAFF = 'canbo.trungtam';
const AUDITOR = 'kiemtra.btg';
const LECTURER = 'giangvien2';
/** Writes the original essay. */
const WRITER = { username: 'hocvien15', fullName: 'Hoàng Minh Sơn' };
/** Copies it with a few words changed and a sentence added. */
const COPIER = { username: 'hocvien16', fullName: 'Huỳnh Ngọc An' };
/** Writes an essay of their own. */
const HONEST = { username: 'hocvien20', fullName: 'Đỗ Thị Giang' };

const QUIZ_TITLE = 'Bài thu hoạch: liên hệ thực tiễn ở cơ sở';
const STEM =
  'Liên hệ thực tiễn việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh tại cơ quan, đơn vị hoặc địa phương nơi đồng chí công tác.';

const ORIGINAL = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh là nhiệm vụ thường xuyên của mỗi cán bộ, đảng viên. Đảng ủy xã Tân Phú đã xây dựng kế hoạch cụ thể, gắn việc học tập với giải quyết những việc khó, việc bức xúc của nhân dân.',
  'Chi bộ ấp Bàu Sen vận động bà con hiến đất mở rộng đường giao thông nông thôn; sau sáu tháng, tuyến đường dài hơn hai cây số đã được bê tông hóa mà không phải bồi thường. Bộ phận một cửa niêm yết công khai thời gian giải quyết từng loại hồ sơ, lập hộp thư góp ý và đường dây nóng của Chủ tịch Ủy ban nhân dân xã.',
  'Bản thân tôi sẽ tiếp tục rèn luyện tác phong gần dân, lắng nghe dân, giải quyết công việc đúng hẹn và nói đi đôi với làm.',
].join('\n\n');
const NEAR_COPY = `${ORIGINAL.replace('Tân Phú', 'Tân Lợi')
  .replace('sáu tháng', 'bảy tháng')
  .replace('Bản thân tôi', 'Bản thân em')}\n\nEm xin hứa sẽ luôn giữ gìn phẩm chất của người đảng viên.`;
const OWN_WORDS = [
  'Là giáo viên trường trung học cơ sở thị trấn Long Thành, tôi hiểu rằng làm theo Bác trước hết là làm tốt công việc hằng ngày của mình.',
  'Năm học vừa qua, tổ Ngữ văn chúng tôi đăng ký kèm cặp học sinh yếu vào chiều thứ năm mà không thu bất kỳ khoản tiền nào. Sau một học kỳ, phần lớn các em đã theo kịp chương trình, có em mạnh dạn xung phong đọc bài trước lớp.',
  'Tôi cũng thay đổi cách chấm bài: thay vì chỉ ghi điểm, tôi viết nhận xét cụ thể để học sinh biết mình sai ở đâu và sửa như thế nào. Thời gian tới, tôi sẽ rèn tính điềm tĩnh và giữ lời hứa với học sinh như giữ chữ tín với chính mình.',
].join('\n\n');

/** Nine rubric points at most, scaled to the essay's ten points (the whole quiz). */
const RUBRIC = {
  criteria: [
    {
      label: 'Nắm vững lý luận',
      description: 'Nêu đúng nội dung tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
      levels: [
        { label: 'Chưa đạt', points: 0 },
        { label: 'Đạt', points: 2 },
        { label: 'Tốt', points: 3 },
      ],
    },
    {
      label: 'Liên hệ thực tiễn',
      levels: [
        { label: 'Chưa đạt', points: 0 },
        { label: 'Đạt', points: 2 },
        { label: 'Tốt', points: 4 },
      ],
    },
    {
      label: 'Trình bày',
      levels: [
        { label: 'Chưa đạt', points: 0 },
        { label: 'Đạt', points: 1 },
        { label: 'Tốt', points: 2 },
      ],
    },
  ],
};

/** The similarity job runs in-process after each submission; the grading job first sets the status. */
const JOB_TIMEOUT_MS = 30_000;

const arranged: { essayQuiz?: EssayQuiz } = {};

function essayQuiz(): EssayQuiz {
  if (arranged.essayQuiz === undefined) throw new Error('The quiz was not arranged.');
  return arranged.essayQuiz;
}

const classId = () => essayQuiz().classId;
const quizId = () => essayQuiz().quiz.id;

function queueItem(page: Page, username: string): Locator {
  return page.locator(`[data-testid="queue-item"][data-username="${username}"]`);
}

/** A learner's attempt on the quiz's results page. */
function resultRow(page: Page, username: string): Locator {
  return page.locator(`[data-testid="result"][data-username="${username}"]`);
}

/** Asks the page for its lists again (its own reload button) until `target` shows: jobs run after a submission. */
async function reloadUntilVisible(page: Page, target: Locator): Promise<void> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    try {
      await target.first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.getByTestId('grading-reload').click();
    }
  }
}

/** The lecturer's way in: their classes, the demo class, its grading queue. */
async function openQueueFromClasses(page: Page): Promise<void> {
  await page.goto('/lecturer/classes');
  await page
    .getByTestId('teaching-class-card')
    .filter({ hasText: CLASS.title })
    .getByTestId('teaching-class-link')
    .click();
  await page.waitForURL(`**/lecturer/classes/${classId()}`);
  await page.getByTestId('class-grading-link').click();
  await page.waitForURL(`**/lecturer/classes/${classId()}/grading`);
  await page.getByRole('heading', { level: 1, name: 'Chấm bài tự luận' }).waitFor();
}

/** Picks a level of the n-th criterion by its label (`Tốt · 3 điểm`). */
async function pickLevel(page: Page, criterion: number, level: string): Promise<void> {
  await page.getByTestId('criterion').nth(criterion).getByRole('radio', { name: level }).check();
}

/** Nothing sticks out sideways: the page fits the phone's width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const pane = document.querySelector('mat-sidenav-content') ?? document.documentElement;
    return pane.scrollWidth - pane.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

async function snackBarGone(page: Page): Promise<void> {
  await page.locator('mat-snack-bar-container').first().waitFor({ state: 'detached' });
}

describe('essay grading (lecturer, auditor)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    const staff = await ApiClient.login(STAFF);
    arranged.essayQuiz = await arrangeEssayQuiz(staff, CLASS.code, {
      title: QUIZ_TITLE,
      stem: STEM,
      points: 10,
      rubric: RUBRIC,
    });
    const quizId = arranged.essayQuiz.quiz.id;
    await submitEssay(WRITER.username, quizId, ORIGINAL);
    await submitEssay(COPIER.username, quizId, NEAR_COPY);
    await submitEssay(HONEST.username, quizId, OWN_WORDS);
  });

  afterAll(async () => {
    await browser.close();
  });

  const journey = (viewport: Viewport, steps: (page: Page) => Promise<void>) =>
    screenshotOnFailure(browser, viewport, async (page) => {
      await loginAs(page, LECTURER);
      await steps(page);
    });

  it('grades an essay with the rubric, then changes the grade with a reason', () =>
    journey(DESKTOP, async (page) => {
      await openQueueFromClasses(page);
      for (const learner of [WRITER, COPIER, HONEST])
        await reloadUntilVisible(page, queueItem(page, learner.username));
      const honest = queueItem(page, HONEST.username);
      expect(await honest.getAttribute('data-status')).toBe('awaiting-grading');
      await honest.getByText(QUIZ_TITLE).waitFor();
      await honest.getByText('Chờ chấm').waitFor();
      await saveSettledScreen(page, 'grading-queue');

      await honest.getByTestId('queue-item-open').click();
      await page.waitForURL(new RegExp(`/lecturer/classes/${classId()}/grading/[0-9a-f-]{36}$`));
      await page.getByTestId('attempt-learner').getByText(HONEST.fullName).waitFor();
      await page.getByText(STEM).waitFor();
      // The essay keeps its paragraphs.
      const answer = await page.getByTestId('essay-answer').innerText();
      expect(answer.split(/\n\s*\n/)).toHaveLength(3);
      expect(await page.getByTestId('criterion').count()).toBe(3);

      // The preview follows the levels picked: 3 + 2 + 2 = 7 of 9 points, 7.78 of the essay's 10.
      await pickLevel(page, 0, 'Tốt · 3 điểm');
      await page.getByText('Chọn mức cho đủ 3 tiêu chí để tính điểm.').waitFor();
      await pickLevel(page, 1, 'Đạt · 2 điểm');
      await pickLevel(page, 2, 'Tốt · 2 điểm');
      await page.getByTestId('preview-rubric').getByText('7/9').waitFor();
      await page.getByTestId('preview-score').getByText('7,78/10').waitFor();
      await page
        .getByTestId('criterion')
        .nth(1)
        .getByLabel('Nhận xét về tiêu chí')
        .fill('Có ví dụ cụ thể ở trường, nên nêu thêm kết quả đo được.');
      await page.getByLabel('Nhận xét chung').fill('Bài viết chân thực, trình bày mạch lạc.');
      await page.getByTestId('grade-save').click();
      await page.getByTestId('saved-score').getByText('7,78/10').waitFor();
      await page.getByTestId('attempt-status').getByText('Đã chấm').waitFor();
      await page.getByTestId('saved-grade').getByText('Đạt', { exact: true }).waitFor();
      await snackBarGone(page);
      await saveSettledScreen(page, 'grading-attempt');

      // A change needs a reason; the dialog shows the old grade and the new preview.
      await pickLevel(page, 1, 'Tốt · 4 điểm');
      await page.getByTestId('preview-score').getByText('10/10').waitFor();
      await page.getByRole('button', { name: 'Sửa điểm' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sửa điểm đã chấm' });
      const message = await dialog.getByTestId('reason-dialog-message').innerText();
      expect(message).toContain('7,78/10');
      expect(message).toContain('10/10');
      await dialog.getByTestId('reason-submit').click();
      await dialog.getByText('Vui lòng nhập thông tin này.').waitFor();
      await saveSettledScreen(page, 'grading-change-reason', 'window');
      await dialog
        .getByLabel('Lý do sửa điểm')
        .fill('Chấm lại tiêu chí liên hệ thực tiễn sau khi đối chiếu đáp án.');
      await dialog.getByTestId('reason-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('saved-score').getByText('10/10').waitFor();

      // Back in the queue it is graded, with the new score.
      await page.getByTestId('back-to-queue').click();
      await page.getByTestId('queue-status-filter').click();
      await page.getByRole('option', { name: 'Đã chấm', exact: true }).click();
      await queueItem(page, HONEST.username)
        .getByTestId('queue-item-score')
        .getByText('Điểm 10/10')
        .waitFor();
    }));

  it('shows the queue, the grading page and the comparison on a phone', () =>
    journey(PHONE, async (page) => {
      await page.goto(`/lecturer/classes/${classId()}/grading`);
      const writer = queueItem(page, WRITER.username);
      await reloadUntilVisible(page, writer.getByTestId('queue-item-flag'));
      await expectNoSidewaysScroll(page);
      await saveSettledScreen(page, 'grading-queue');

      await writer.getByTestId('queue-item-open').click();
      await page.getByTestId('attempt-learner').getByText(WRITER.fullName).waitFor();
      await page.getByTestId('attempt-flags').waitFor();
      await page.getByTestId('rubric-form').waitFor();
      // A possibly copied essay is graded only once its flag is resolved.
      await page.getByTestId('grade-held').getByText('Chỉ chấm được sau khi đã kết luận').waitFor();
      expect(await page.getByTestId('grade-save').isDisabled()).toBe(true);
      await expectNoSidewaysScroll(page);
      await saveSettledScreen(page, 'grading-attempt');

      await page.getByTestId('attempt-flag-link').first().click();
      await page.waitForURL(/\/lecturer\/similarity-flags\/[0-9a-f-]{36}$/);
      await page.getByTestId('flag-side-b').getByTestId('passage').first().waitFor();
      await expectNoSidewaysScroll(page);
      await saveSettledScreen(page, 'grading-similarity');
    }));

  it('compares the flagged essays side by side and resolves the flag as a confirmed copy', () =>
    journey(DESKTOP, async (page) => {
      await openQueueFromClasses(page);
      // Both near-identical essays carry the warning; the honest one does not.
      for (const learner of [WRITER, COPIER])
        await reloadUntilVisible(page, queueItem(page, learner.username).getByTestId('queue-item-flag'));
      await page.getByTestId('queue-status-filter').click();
      await page.getByRole('option', { name: 'Tất cả', exact: true }).click();
      await queueItem(page, HONEST.username).waitFor();
      expect(await queueItem(page, HONEST.username).getByTestId('queue-item-flag').count()).toBe(0);

      // Meanwhile the class's results hold both flagged attempts as under review, neither passed nor failed.
      await page.goto(`/lecturer/quizzes/${quizId()}/results`);
      for (const learner of [WRITER, COPIER])
        await resultRow(page, learner.username).getByTestId('result-under-review').waitFor();
      await resultRow(page, HONEST.username).waitFor();
      expect(await resultRow(page, HONEST.username).getByTestId('result-under-review').count()).toBe(0);
      expect(await page.getByTestId('summary-under-review').innerText()).toBe('2');
      await saveSettledScreen(page, 'quiz-results-under-review');

      // The writer, on a phone, is told the result waits for the lecturer's conclusion.
      const writer = await openPage(browser, PHONE);
      try {
        await loginAs(writer, WRITER.username);
        await writer.goto(`/learner/quizzes/${quizId()}`);
        await writer
          .getByTestId('attempt-under-review')
          .getByText('đang được giảng viên xem xét trùng lặp')
          .waitFor();
        expect(await writer.getByTestId('attempt-verdict').count()).toBe(0);
        // Until the essay is graded, its points are not counted as zero.
        expect(await writer.getByTestId('attempt-points').innerText()).toBe(
          'Tạm có 0/10 điểm, chưa tính phần tự luận',
        );
        await saveSettledScreen(writer, 'quiz-result-under-review');
      } finally {
        await writer.context().close();
      }

      await page.getByTestId('grading-link').click();
      await page.waitForURL(`**/lecturer/classes/${classId()}/grading`);

      await page.getByTestId('tab-flags').click();
      const flag = page.getByTestId('flag-item').filter({ hasText: WRITER.fullName });
      await flag.filter({ hasText: COPIER.fullName }).waitFor();
      expect(await flag.getAttribute('data-status')).toBe('open');
      await saveSettledScreen(page, 'grading-flags');
      await flag.getByTestId('flag-open').click();
      await page.waitForURL(/\/lecturer\/similarity-flags\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Đối chiếu bài tự luận' }).waitFor();

      // Both essays, each with its learner and the same numbered passages highlighted.
      const sides = [page.getByTestId('flag-side-a'), page.getByTestId('flag-side-b')];
      const names = await Promise.all(
        sides.map((side) => side.getByRole('heading', { level: 2 }).innerText()),
      );
      expect(names.sort()).toEqual([`Bài của ${COPIER.fullName}`, `Bài của ${WRITER.fullName}`].sort());
      const passageNumbers = await Promise.all(
        sides.map(async (side) => {
          await side.getByTestId('passage').first().waitFor();
          return side
            .getByTestId('passage')
            .evaluateAll((marks) => [...new Set(marks.map((mark) => mark.getAttribute('data-passage')))]);
        }),
      );
      expect(passageNumbers[0].length).toBeGreaterThan(0);
      expect(passageNumbers[0]).toEqual(passageNumbers[1]);
      const scoreText = await page.getByTestId('flag-score').innerText();
      const percent = Number(/(\d+)% đoạn văn trùng/.exec(scoreText)?.[1]);
      expect(percent).toBeGreaterThanOrEqual(50);
      expect(percent).toBeLessThanOrEqual(100);
      // The copied text shows in both essays, highlighted.
      for (const side of sides)
        await side.getByTestId('passage').filter({ hasText: 'Chi bộ ấp Bàu Sen' }).waitFor();

      // A passage clicked on one side takes the focus to its match on the other.
      const first = sides[0].getByTestId('passage').first();
      const passage = await first.getAttribute('data-passage');
      await first.click();
      await page.waitForFunction((id) => document.activeElement?.id === id, `passage-b-${passage}`);
      await saveSettledScreen(page, 'grading-similarity');

      await page.getByTestId('flag-confirm-copy').click();
      const dialog = page.getByRole('dialog', { name: 'Xác nhận sao chép' });
      await dialog.getByText(`${percent}% đoạn văn trùng`).waitFor();
      const reason =
        'Hai bài trùng nguyên văn ba đoạn, chỉ đổi tên xã và vài từ; đã trao đổi với hai học viên.';
      await dialog.getByLabel('Lý do').fill(reason);
      await dialog.getByTestId('reason-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('flag-outcome').getByText('Xác nhận sao chép').waitFor();
      await page.getByTestId('flag-reason').getByText(reason).waitFor();
      await page.getByTestId('flag-status').getByText('Đã xử lý').waitFor();
      expect(await page.getByTestId('flag-decide').count()).toBe(0);
      await snackBarGone(page);
      await saveSettledScreen(page, 'grading-similarity-resolved');

      // The flag leaves the open list and the queue's badges.
      await page.getByTestId('back-to-queue').click();
      await page.getByTestId('flags-empty').getByText('Không có cảnh báo trùng lặp nào đang mở.').waitFor();
      await page.getByTestId('tab-queue').click();
      await queueItem(page, COPIER.username).waitFor();
      expect(await queueItem(page, COPIER.username).getByTestId('queue-item-flag').count()).toBe(0);

      // Nor does it hold their results any more.
      await page.goto(`/lecturer/quizzes/${quizId()}/results`);
      await resultRow(page, WRITER.username).waitFor();
      for (const learner of [WRITER, COPIER])
        expect(await resultRow(page, learner.username).getByTestId('result-under-review').count()).toBe(0);
      expect(await page.getByTestId('summary-under-review').count()).toBe(0);
    }));

  it('shows an auditor the grades and the flag read-only', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, AUDITOR);
      await page.goto(`/auditor/classes/${classId()}/grading`);
      await page.getByTestId('grading-read-only').waitFor();
      await page.getByTestId('queue-status-filter').click();
      await page.getByRole('option', { name: 'Đã chấm', exact: true }).click();
      const graded = queueItem(page, HONEST.username);
      await graded.getByTestId('queue-item-score').getByText('Điểm 10/10').waitFor();
      await graded.getByTestId('queue-item-open').getByText('Xem bài chấm').click();
      await page.getByTestId('saved-score').getByText('10/10').waitFor();
      await page.getByTestId('rubric-form').waitFor();
      expect(await page.getByTestId('grade-save').count()).toBe(0);
      expect(
        await page.getByTestId('criterion').first().getByRole('radio', { name: 'Tốt · 3 điểm' }).isChecked(),
      ).toBe(true);
      expect(
        await page.getByTestId('criterion').first().getByRole('radio', { name: 'Đạt · 2 điểm' }).isDisabled(),
      ).toBe(true);

      await page.goto(`/auditor/classes/${classId()}/grading?tab=flags`);
      await page.getByTestId('flag-status-filter').click();
      await page.getByRole('option', { name: 'Đã xử lý', exact: true }).click();
      const flag = page.getByTestId('flag-item').filter({ hasText: WRITER.fullName });
      await flag.getByTestId('flag-outcome').getByText('Xác nhận sao chép').waitFor();
      await flag.getByTestId('flag-open').click();
      await page.getByTestId('flag-resolution').waitFor();
      expect(await page.getByTestId('flag-decide').count()).toBe(0);
    }));
});
