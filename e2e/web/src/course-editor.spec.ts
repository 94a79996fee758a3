import { readFileSync } from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  loginAs,
  saveSettledScreen,
  screenshotOnFailure,
} from './support/browser';
import {
  LESSON_BOLD_TEXT,
  LESSON_BULLET_TEXT,
  addModuleAndLesson,
  createCourse,
  openTab,
  uniqueCode,
  writeFormattedText,
} from './support/courses';

/** The smallest document the API accepts as a PDF: the header first, the end-of-file marker last. */
const MINIMAL_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
  '',
].join('\n');
const PDF_NAME = 'tai-lieu-bai-1.pdf';

const COURSE_TITLE = 'Bồi dưỡng lý luận chính trị cho đảng viên mới';
const MODULE_TITLE = 'Chủ nghĩa Mác – Lênin';
const LESSON_TITLE = 'Học thuyết giá trị thặng dư';
const COURSE = { title: COURSE_TITLE };
const LESSON = { moduleTitle: MODULE_TITLE, lessonTitle: LESSON_TITLE };

async function uploadPdf(lessonDialog: Locator): Promise<void> {
  await lessonDialog.getByText('Chỉ nhận tệp PDF, tối đa 20 MB mỗi tệp.').waitFor();
  await lessonDialog.getByTestId('attachment-input').setInputFiles({
    name: PDF_NAME,
    mimeType: 'application/pdf',
    buffer: Buffer.from(MINIMAL_PDF, 'latin1'),
  });
  await lessonDialog.getByTestId('attachments').getByText(PDF_NAME).waitFor();
}

/** Picks the list's audience filter; waits until its choices have closed. */
async function chooseAudience(page: Page, audience: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Đối tượng' }).click();
  await page.getByRole('option', { name: audience }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** Waits until a button can be pressed, or can no longer be. */
async function waitForEnabled(button: Locator, isEnabled: boolean): Promise<void> {
  await button.and(button.page().locator(isEnabled ? ':enabled' : ':disabled')).waitFor();
}

describe('course editor (centre staff)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('builds a course, its content, weights and policy, and finds all of it after a reload', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'canbo.trungtam');
      await createCourse(page, { ...COURSE, code: uniqueCode('E2E') });

      // Content: a module, a lesson with formatted text, a video link, a duration and a PDF.
      const lessonDialog = await addModuleAndLesson(page, LESSON);
      await writeFormattedText(page, lessonDialog);
      await lessonDialog.getByLabel('Đường dẫn video').fill('https://www.youtube.com/watch?v=thuchoc');
      await lessonDialog.getByLabel('Thời lượng (phút)').fill('45');
      await uploadPdf(lessonDialog);
      await saveSettledScreen(page, 'course-lesson');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        lessonDialog.getByRole('button', { name: `Tải xuống ${PDF_NAME}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(PDF_NAME);
      expect(readFileSync(await download.path(), 'latin1')).toBe(MINIMAL_PDF);

      await lessonDialog.getByRole('button', { name: 'Lưu' }).click();
      await lessonDialog.waitFor({ state: 'detached' });
      const lessonRow = page.getByTestId('lesson').filter({ hasText: LESSON_TITLE });
      await lessonRow.getByText('45 phút').waitFor();
      await lessonRow.getByText('1 tệp PDF').waitFor();
      await saveSettledScreen(page, 'course-content');

      // Grading scheme: saving waits for a total of exactly 100.
      const scheme = await openTab(page, 'Tỷ trọng điểm');
      const saveScheme = scheme.getByRole('button', { name: 'Lưu' });
      await scheme.getByLabel('Bài thu hoạch/cuối khoá').fill('40');
      await scheme.getByText('Tổng tỷ trọng: 90%').waitFor();
      await scheme.getByText('còn thiếu 10%').waitFor();
      await waitForEnabled(saveScheme, false);
      await scheme.getByLabel('Chuyên cần', { exact: true }).fill('20');
      await scheme.getByText('Tổng tỷ trọng: 100%').waitFor();
      await waitForEnabled(saveScheme, true);
      await saveSettledScreen(page, 'course-scheme');
      await saveScheme.click();
      await page.getByText('Đã lưu tỷ trọng điểm.').waitFor();

      // Completion policy, with the reminder that open classes keep their rules.
      const policy = await openTab(page, 'Điều kiện hoàn thành');
      await policy.getByText('Các lớp đã mở giữ nguyên điều kiện hoàn thành').waitFor();
      await policy.getByLabel('Chuyên cần tối thiểu').fill('90');
      await policy.getByLabel('Hiện diện tối thiểu').fill('75');
      await policy.getByLabel('Điểm đạt bài cuối khoá').fill('6');
      await policy.getByLabel('Cảnh báo chưa xử lý tối đa').fill('1');
      await policy.getByRole('switch', { name: 'Bắt buộc nộp bài thu hoạch' }).click();
      await saveSettledScreen(page, 'course-policy');
      await policy.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu điều kiện hoàn thành.').waitFor();

      // After a reload everything comes back from the server.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
      const reloadedPolicy = await openTab(page, 'Điều kiện hoàn thành');
      expect(await reloadedPolicy.getByLabel('Chuyên cần tối thiểu').inputValue()).toBe('90');
      expect(await reloadedPolicy.getByLabel('Hiện diện tối thiểu').inputValue()).toBe('75');
      expect(await reloadedPolicy.getByLabel('Điểm đạt bài cuối khoá').inputValue()).toBe('6');
      expect(await reloadedPolicy.getByLabel('Cảnh báo chưa xử lý tối đa').inputValue()).toBe('1');
      expect(
        await reloadedPolicy
          .getByRole('switch', { name: 'Bắt buộc nộp bài thu hoạch' })
          .getAttribute('aria-checked'),
      ).toBe('false');

      const reloadedScheme = await openTab(page, 'Tỷ trọng điểm');
      expect(await reloadedScheme.getByLabel('Chuyên cần', { exact: true }).inputValue()).toBe('20');
      expect(await reloadedScheme.getByLabel('Tham gia thảo luận').inputValue()).toBe('20');
      expect(await reloadedScheme.getByLabel('Bài kiểm tra').inputValue()).toBe('20');
      expect(await reloadedScheme.getByLabel('Bài thu hoạch/cuối khoá').inputValue()).toBe('40');

      const content = await openTab(page, 'Nội dung');
      await content.getByTestId('module').getByText(MODULE_TITLE).waitFor();
      await content.getByRole('button', { name: new RegExp(LESSON_TITLE) }).click();
      const reopened = page.getByRole('dialog', { name: 'Soạn bài học' });
      const editor = reopened.getByRole('textbox', { name: 'Nội dung bài học' });
      await editor.locator('b, strong').filter({ hasText: LESSON_BOLD_TEXT }).waitFor();
      await editor.locator('ul li').filter({ hasText: LESSON_BULLET_TEXT }).waitFor();
      expect(await reopened.getByLabel('Đường dẫn video').inputValue()).toBe(
        'https://www.youtube.com/watch?v=thuchoc',
      );
      expect(await reopened.getByLabel('Thời lượng (phút)').inputValue()).toBe('45');
      await reopened.getByTestId('attachments').getByText(PDF_NAME).waitFor();
    }));

  it('works on a phone: course cards, the editor tabs and the lesson editor', () =>
    screenshotOnFailure(browser, PHONE, async (page) => {
      await loginAs(page, 'canbo.trungtam');
      await createCourse(page, { ...COURSE, code: uniqueCode('E2E-P') });
      await saveSettledScreen(page, 'course-details');

      const lessonDialog = await addModuleAndLesson(page, LESSON);
      await writeFormattedText(page, lessonDialog);
      await uploadPdf(lessonDialog);
      await saveSettledScreen(page, 'course-lesson');
      await lessonDialog.getByRole('button', { name: 'Lưu' }).click();
      await lessonDialog.waitFor({ state: 'detached' });
      await page.getByTestId('lesson').filter({ hasText: LESSON_TITLE }).waitFor();
      await saveSettledScreen(page, 'course-content');

      const scheme = await openTab(page, 'Tỷ trọng điểm');
      await scheme.getByText('Tổng tỷ trọng: 100%').waitFor();
      await saveSettledScreen(page, 'course-scheme');
      const policy = await openTab(page, 'Điều kiện hoàn thành');
      await policy.getByText('Các lớp đã mở giữ nguyên điều kiện hoàn thành').waitFor();
      await saveSettledScreen(page, 'course-policy');

      await page.goto('/centre/courses');
      await page.getByTestId('courses-cards').getByRole('listitem').first().waitFor();
      await saveSettledScreen(page, 'courses-list');
    }));

  it('finds a course by its code in the table and filters the list by audience', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      const code = uniqueCode('E2E-L');
      await loginAs(page, 'canbo.trungtam');
      await createCourse(page, { ...COURSE, code });
      await page.getByRole('link', { name: 'Danh sách chương trình' }).click();

      const table = page.getByTestId('courses-table');
      await table.getByRole('row').nth(1).waitFor();
      await saveSettledScreen(page, 'courses-list');

      await page.getByLabel('Tìm theo mã hoặc tên chương trình').fill(code.toLowerCase());
      const row = table.getByRole('row').filter({ hasText: code });
      await row.getByText(COURSE_TITLE).waitFor();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="courses-table"] tr.mat-mdc-row').length === 1,
      );

      await chooseAudience(page, 'Chuyên đề, nghị quyết');
      await page.getByText('Không tìm thấy chương trình nào.').waitFor();

      await chooseAudience(page, 'Lý luận chính trị cho đảng viên mới');
      await row.waitFor();
    }));
});
