import { Browser, Locator, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  loginAs,
  saveSettledScreen,
  screenshotOnFailure,
} from './support/browser';
import { createCourse, uniqueCode } from './support/courses';

/*
 * Issue 5: centre staff build a course's question bank — import a GIFT file
 * (a refused one first: nothing is imported and the bad question is named),
 * read the topic × difficulty counts, add a single-choice question (the API's
 * "no correct option" first), edit it (a second version) and archive it.
 * Auditors read the same bank without edit controls; on a phone the list is cards.
 */

const STAFF = 'canbo.trungtam';
const AUDITOR = 'kiemtra.btg';
const COURSE_TITLE = 'Bồi dưỡng lý luận chính trị – ngân hàng câu hỏi';

/** Five questions of every type but none too hard, in two topics (`$CATEGORY`). */
const GIFT_FILE = [
  '// Câu hỏi ôn tập lớp bồi dưỡng đảng viên mới',
  '$CATEGORY: $course$/top/Lịch sử Đảng',
  '',
  '::Năm thành lập::Đảng Cộng sản Việt Nam ra đời năm nào? {=1930 ~1925 ~1945 ~1954}',
  '',
  'Hội nghị thành lập Đảng họp tại Hương Cảng (Trung Quốc). {T}',
  '',
  'Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng? {',
  '  ~%50%Chánh cương vắn tắt',
  '  ~%50%Sách lược vắn tắt',
  '  ~%-100%Luận cương chính trị',
  '}',
  '',
  '$CATEGORY: $course$/top/Tư tưởng Hồ Chí Minh',
  '',
  'Ai đọc bản Tuyên ngôn độc lập ngày 2/9/1945? {=Hồ Chí Minh =Chủ tịch Hồ Chí Minh}',
  '',
  'Liên hệ việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở cơ sở. {}',
  '',
].join('\n');

/** The second question is a matching one, which a bank does not hold: the whole file is refused. */
const BAD_GIFT_FILE = [
  '$CATEGORY: $course$/top/Lịch sử Đảng',
  '',
  'Đảng Cộng sản Việt Nam ra đời năm nào? {=1930 ~1945}',
  '',
  'Ghép sự kiện với năm: {=Thành lập Đảng -> 1930 =Cách mạng Tháng Tám -> 1945}',
  '',
].join('\n');

const NEW_STEM = 'Chủ tịch Hồ Chí Minh ra đi tìm đường cứu nước năm nào?';
const EDITED_STEM = 'Nguyễn Tất Thành ra đi tìm đường cứu nước từ bến cảng Nhà Rồng năm nào?';
const OPTIONS = ['1911', '1920', '1930', '1941'];

/** The bank the first test builds, for the others to read. */
const journey: { bankPath?: string } = {};

function bankPath(): string {
  if (journey.bankPath === undefined) throw new Error('The first test did not build the bank.');
  return journey.bankPath;
}

async function importGift(page: Page, name: string, content: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập câu hỏi từ tệp' });
  await dialog.getByRole('radio', { name: 'GIFT (Moodle)' }).check();
  await dialog.getByTestId('import-file-input').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(content, 'utf8'),
  });
  await dialog.getByText(`Đã chọn: ${name}`).waitFor();
  await dialog.getByRole('button', { name: 'Nhập câu hỏi' }).click();
  return dialog;
}

/** The counts of one topic's row in the summary: easy, medium, hard, total. */
async function topicCounts(page: Page, topic: string): Promise<string[]> {
  const row = page.getByTestId('topic-row').filter({ hasText: topic });
  return (await row.locator('td').allTextContents()).map((text) => text.trim());
}

async function waitForTopicCounts(page: Page, topic: string, counts: string[]): Promise<void> {
  const row = page.getByTestId('topic-row').filter({ hasText: topic });
  await row
    .locator('td')
    .last()
    .filter({ hasText: new RegExp(`^\\s*${counts[3]}\\s*$`) })
    .waitFor();
  expect(await topicCounts(page, topic)).toEqual(counts);
}

describe('question bank (centre staff, auditor)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('imports a GIFT file, adds, edits and archives a question, with the topic counts following', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, STAFF);
      await createCourse(page, { code: uniqueCode('E2E-QB'), title: COURSE_TITLE });
      await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
      await page.waitForURL(/\/centre\/courses\/[0-9a-f-]{36}\/questions$/);
      journey.bankPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: 'Ngân hàng câu hỏi' }).waitFor();
      await page.getByTestId('bank-course').getByText(COURSE_TITLE).waitFor();
      await page.getByText('Ngân hàng chưa có câu hỏi nào.').waitFor();

      // A refused file: the bad question is named, nothing is imported.
      const refused = await importGift(page, 'cau-hoi-loi.gift', BAD_GIFT_FILE);
      await refused
        .getByRole('alert')
        .filter({ hasText: /^Không câu hỏi nào được nhập\./ })
        .waitFor();
      const problem = refused.getByTestId('import-problem').first();
      await problem.getByText('Câu 2').waitFor();
      await saveSettledScreen(page, 'question-import-refused', 'window');
      await refused.getByRole('button', { name: 'Đóng' }).click();
      await refused.waitFor({ state: 'detached' });
      await page.getByText('Ngân hàng chưa có câu hỏi nào.').waitFor();

      // A good file: five questions in two topics.
      const imported = await importGift(page, 'on-tap-dang-vien-moi.gift', GIFT_FILE);
      await imported.getByText('Đã nhập 5 câu hỏi từ tệp on-tap-dang-vien-moi.gift.').waitFor();
      await imported.getByTestId('import-result').getByText('Tư tưởng Hồ Chí Minh').waitFor();
      await saveSettledScreen(page, 'question-import-done', 'window');
      await imported.getByRole('button', { name: 'Đóng' }).click();
      await imported.waitFor({ state: 'detached' });

      const rows = page.getByTestId('question');
      await rows.filter({ hasText: 'Đảng Cộng sản Việt Nam ra đời năm nào?' }).waitFor();
      expect(await rows.count()).toBe(5);
      await waitForTopicCounts(page, 'Lịch sử Đảng', ['0', '3', '0', '3']);
      await waitForTopicCounts(page, 'Tư tưởng Hồ Chí Minh', ['0', '2', '0', '2']);

      // Search ignores diacritics.
      await page.getByLabel('Tìm câu hỏi').fill('tuyen ngon doc lap');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="question"]').length === 1);
      await rows.getByText('Ai đọc bản Tuyên ngôn độc lập ngày 2/9/1945?').waitFor();
      await page.getByLabel('Tìm câu hỏi').fill('');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="question"]').length === 5);

      // A single-choice question: the API refuses it without a correct option, and nothing typed is lost.
      await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
      const editor = page.getByRole('dialog', { name: 'Thêm câu hỏi' });
      await editor.locator(':focus').waitFor();
      await editor.getByLabel('Chủ đề').fill('Lịch sử Đảng');
      await editor.getByLabel('Nội dung câu hỏi').fill(NEW_STEM);
      await editor.getByRole('combobox', { name: 'Mức độ' }).click();
      await page.getByRole('option', { name: 'Khó' }).click();
      for (const [index, text] of OPTIONS.entries()) {
        await editor.getByLabel(`Phương án ${'ABCD'[index]}`, { exact: true }).fill(text);
      }
      await editor.getByRole('button', { name: 'Lưu câu hỏi' }).click();
      await editor
        .getByTestId('options-error')
        .getByText('Câu một lựa chọn cần đúng một phương án đúng (đang có 0).')
        .waitFor();
      expect(await editor.getByLabel('Nội dung câu hỏi').inputValue()).toBe(NEW_STEM);
      expect(await editor.getByLabel('Phương án D', { exact: true }).inputValue()).toBe('1941');
      await saveSettledScreen(page, 'question-editor-error', 'window');

      await editor.getByRole('radio', { name: 'Phương án A là đáp án đúng' }).check();
      await editor.getByTestId('options-error').waitFor({ state: 'detached' });
      await editor.getByRole('button', { name: 'Lưu câu hỏi' }).click();
      await editor.waitFor({ state: 'detached' });
      await page.getByText('Đã thêm câu hỏi.').waitFor();
      const created = rows.filter({ hasText: NEW_STEM });
      await created.waitFor();
      await waitForTopicCounts(page, 'Lịch sử Đảng', ['0', '3', '1', '4']);

      // Edit: a new version.
      await created.getByRole('button', { name: 'Sửa' }).click();
      const edit = page.getByRole('dialog', { name: 'Sửa câu hỏi' });
      await edit.getByLabel('Nội dung câu hỏi').fill(EDITED_STEM);
      await edit.getByLabel('Điểm').fill('2');
      await edit.getByRole('button', { name: 'Lưu câu hỏi' }).click();
      await edit.waitFor({ state: 'detached' });
      await page.getByText('Đã lưu câu hỏi (phiên bản 2).').waitFor();
      const edited = rows.filter({ hasText: EDITED_STEM });
      await edited.waitFor();

      await edited.getByRole('button', { name: 'Lịch sử phiên bản' }).click();
      const history = page.getByRole('dialog', { name: 'Lịch sử phiên bản' });
      await history.getByTestId('question-version').nth(1).waitFor();
      await history.getByTestId('question-version').first().getByText(EDITED_STEM).waitFor();
      await saveSettledScreen(page, 'question-history', 'window');
      await history.getByRole('button', { name: 'Đóng' }).click();
      await history.waitFor({ state: 'detached' });
      await saveSettledScreen(page, 'question-bank');

      // Archive: the question leaves the list and the counts, and is found among the archived.
      await edited.getByRole('button', { name: 'Lưu trữ' }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: 'Lưu trữ câu hỏi' });
      await confirm.getByTestId('confirm-submit').click();
      await page.getByText('Đã lưu trữ câu hỏi.').waitFor();
      await edited.waitFor({ state: 'detached' });
      await waitForTopicCounts(page, 'Lịch sử Đảng', ['0', '3', '0', '3']);

      await page.getByRole('combobox', { name: 'Trạng thái' }).click();
      await page.getByRole('option', { name: 'Đã lưu trữ' }).click();
      await rows.filter({ hasText: EDITED_STEM }).getByText('Đã lưu trữ').waitFor();
      await rows.filter({ hasText: EDITED_STEM }).getByRole('button', { name: 'Khôi phục' }).waitFor();
    }));

  it('lets an auditor read the bank without any edit control', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, AUDITOR);
      await page.goto(bankPath().replace(/^\/centre\//, '/auditor/'));
      await page.getByText('Bạn chỉ có quyền xem ngân hàng câu hỏi này.').waitFor();
      await page.getByTestId('question').first().waitFor();
      expect(await page.getByTestId('question').count()).toBe(5);
      expect(await page.getByRole('button', { name: 'Thêm câu hỏi' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Nhập từ tệp' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Lưu trữ' }).count()).toBe(0);
      await saveSettledScreen(page, 'question-bank-auditor');
    }));

  it('shows one card per question on a phone, and the editor fits', () =>
    screenshotOnFailure(browser, PHONE, async (page) => {
      await loginAs(page, STAFF);
      await page.goto(bankPath());
      const cards = page.getByTestId('questions-cards');
      await cards.getByTestId('question').first().waitFor();
      expect(await cards.getByTestId('question').count()).toBe(5);
      await page.getByTestId('topic-summary').waitFor();
      await saveSettledScreen(page, 'question-bank');

      await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
      const editor = page.getByRole('dialog', { name: 'Thêm câu hỏi' });
      await editor.locator(':focus').waitFor();
      await saveSettledScreen(page, 'question-editor', 'window');
      await editor.getByRole('button', { name: 'Huỷ' }).click();
      await editor.waitFor({ state: 'detached' });
    }));
});
