import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import { Browser, Download, Locator, Page } from 'playwright-core';
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
  uniqueCode,
  writeFormattedText,
} from './support/courses';

/*
 * The "done when": centre staff create a course and a class, import
 * 100 learners from a file with 3 bad rows and see exactly those 3 errors,
 * open the class (below its minimum, so it waits for the province's
 * approval); a learner signs in and sees the class, its schedule and a lesson.
 * The steps share one class and run in order.
 */

const RUN = Date.now().toString(36);
const COURSE = { code: uniqueCode('HT'), title: 'Bồi dưỡng lý luận chính trị cho cán bộ nguồn cấp xã' };
const LESSON = { moduleTitle: 'Kinh tế chính trị Mác – Lênin', lessonTitle: 'Hàng hoá và giá trị hàng hoá' };
const CLASS = {
  code: uniqueCode('LOP'),
  title: 'Lớp bồi dưỡng cán bộ nguồn các xã, phường năm 2026',
  capacity: 150,
  minSize: 120,
};
const STAFF_NAME = 'Trần Thị Thu Hà';
const APPROVER_NAME = 'Đỗ Quang Vinh';
const LECTURER_NAME = 'Phạm Minh Đức';
const OPENING_REASON = 'Các xã vùng biên giới chỉ có 97 cán bộ nguồn đủ điều kiện trong năm nay.';
const APPROVAL_REASON = 'Đồng ý mở lớp để kịp kế hoạch bồi dưỡng cán bộ nguồn quý II.';
const NEW_PASSWORD = 'HocVienMoi@2026';

/** An evening online session four days ahead, in Vietnam time. */
const SESSION = {
  title: 'Buổi 1: Khai giảng và chuyên đề mở đầu',
  day: vietnamDay(4),
  startsAt: '19:30',
  endsAt: '21:00',
  meetingUrl: `https://meet.jit.si/thuchoc-${RUN}`,
};

/** The import file: 100 learners, of whom exactly these three rows are bad. */
const HEADER = ['Tên đăng nhập', 'Email', 'Họ và tên', 'Mã đơn vị', 'Chức vụ', 'Số điện thoại'];
const IMPORT_UNITS = ['DNI-DX', 'DNI-BP', 'DNI-LN', 'DNI-BD'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Minh', 'Thu', 'Quốc', 'Thanh', 'Đức'];
const GIVEN = ['Ánh', 'Bảo', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hải', 'Hằng', 'Khoa', 'Lộc', 'Mỹ'];
const POSITIONS = ['Cán bộ nguồn', 'Bí thư chi đoàn', 'Công chức địa chính', 'Đảng viên mới'];
const DATA_ROWS = 100;
/** Spreadsheet rows (the header is row 1) of the bad lines, and the earlier row the duplicate repeats. */
const UNKNOWN_UNIT_ROW = 21;
const BAD_EMAIL_ROW = 51;
const DUPLICATE_ROW = 81;
const DUPLICATED_ROW = 12;
const UNKNOWN_UNIT = 'DNI-XYZ';
const BAD_EMAIL = `le.thi.hoa.${RUN}@@thuchoc.vn`;

interface ImportLine {
  row: number;
  cells: string[];
}

const newUsername = (row: number): string => `hv.${RUN}.${String(row).padStart(3, '0')}`;
const fullNameFor = (index: number): string =>
  `${FAMILY[index % FAMILY.length]} ${MIDDLE[index % MIDDLE.length]} ${GIVEN[index % GIVEN.length]}`;

/** `hocvien01` first, then new learners; three rows made bad on purpose. */
function importLines(): ImportLine[] {
  return Array.from({ length: DATA_ROWS }, (_, index) => {
    const row = index + 2;
    if (row === 2) return { row, cells: ['hocvien01', '', 'Nguyễn Văn An', 'DNI-DX', 'Đảng viên mới', ''] };
    const username = newUsername(row === DUPLICATE_ROW ? DUPLICATED_ROW : row);
    const email = row === BAD_EMAIL_ROW ? BAD_EMAIL : `${newUsername(row)}@thuchoc.vn`;
    const unit = row === UNKNOWN_UNIT_ROW ? UNKNOWN_UNIT : IMPORT_UNITS[index % IMPORT_UNITS.length];
    const phone = `0912${String(row).padStart(6, '0')}`;
    return {
      row,
      cells: [username, email, fullNameFor(index), unit, POSITIONS[index % POSITIONS.length], phone],
    };
  });
}

const LINES = importLines();
const BAD_ROWS = [UNKNOWN_UNIT_ROW, BAD_EMAIL_ROW, DUPLICATE_ROW];
/** The 96 accounts the import creates. */
const NEW_LEARNERS = LINES.filter((line) => line.row !== 2 && !BAD_ROWS.includes(line.row));
const lineAt = (row: number): ImportLine => LINES[row - 2];

/** UTF-8 with a BOM, as Excel saves "CSV UTF-8". */
function importCsv(): Buffer {
  const text = [HEADER, ...LINES.map((line) => line.cells)].map((cells) => cells.join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

/** `YYYY-MM-DD` of the Vietnam day `days` from now. */
function vietnamDay(days: number): string {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
}

/** `dd/MM/yyyy`, as the pages print a day. */
const shownDay = (day: string): string => day.split('-').reverse().join('/');

/** What the steps learn along the way and later steps need. */
const journey: { classId?: string; activationUrl?: string } = {};

function classId(): string {
  if (journey.classId === undefined) throw new Error('The class was not created by the first step.');
  return journey.classId;
}

/** Resolves once GET requests to each path have been answered in full. */
function apiReads(page: Page, paths: readonly string[]): Promise<unknown> {
  return Promise.all(
    paths.map(async (path) => {
      const response = await page.waitForResponse(
        (answer) => answer.request().method() === 'GET' && new URL(answer.url()).pathname === path,
      );
      return response.finished();
    }),
  );
}

/** Clicks and waits for the file the click downloads. */
async function downloadFrom(page: Page, button: Locator): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return download;
}

/** A snack bar stays a few seconds and would cover the bottom of a screenshot; one may still be leaving as the next comes. */
function snackBarGone(page: Page): Promise<void> {
  return page.locator('mat-snack-bar-container').first().waitFor({ state: 'detached' });
}

async function chooseOption(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name, exact: true }).click();
}

async function openClassTab(page: Page, tab: string): Promise<Locator> {
  await page.getByTestId(`class-tab-${tab}`).click();
  await page.waitForURL((url) => url.searchParams.get('tab') === tab);
  return page.getByRole('tabpanel');
}

/** The class dialog, with its choices read from three lookups that start when it opens. */
async function createClass(page: Page): Promise<void> {
  await page.goto('/centre/classes');
  await page.getByRole('heading', { level: 1, name: 'Lớp học' }).waitFor();
  const lookups = apiReads(page, ['/api/v1/courses', '/api/v1/org-units', '/api/v1/users']);
  await page.getByTestId('class-create').click();
  const dialog = page.getByRole('dialog', { name: 'Tạo lớp học' });
  await dialog.waitFor();
  await lookups;

  await dialog.getByLabel('Mã lớp').fill(CLASS.code);
  await dialog.getByLabel('Tên lớp').fill(CLASS.title);
  await dialog.getByLabel('Sĩ số tối đa').fill(String(CLASS.capacity));
  await dialog.getByLabel('Sĩ số tối thiểu').fill(String(CLASS.minSize));
  await chooseOption(page, dialog.getByTestId('class-course'), `${COURSE.title} (${COURSE.code})`);
  await chooseOption(page, dialog.getByTestId('class-target-unit'), 'Tỉnh Đồng Nai');
  await chooseOption(page, dialog.getByTestId('class-lecturers'), LECTURER_NAME);
  await page.keyboard.press('Escape'); // closes the multiple choice list, not the dialog
  await page.getByRole('listbox').waitFor({ state: 'detached' });
  await dialog.getByTestId('class-dialog-submit').click();
  await dialog.waitFor({ state: 'detached' });

  await page.waitForURL(/\/centre\/classes\/[0-9a-f-]{36}$/);
  await page.getByTestId('class-title').filter({ hasText: CLASS.title }).waitFor();
  journey.classId = new URL(page.url()).pathname.split('/').pop();
}

async function addSession(page: Page): Promise<void> {
  const panel = await openClassTab(page, 'sessions');
  await panel.getByText('Lớp chưa có buổi học nào.').waitFor();
  await panel.getByTestId('session-add').click();
  const dialog = page.getByRole('dialog', { name: 'Thêm buổi học' });
  await dialog.getByTestId('session-title').fill(SESSION.title);
  await dialog.getByTestId('session-starts-at').fill(`${SESSION.day}T${SESSION.startsAt}`);
  await dialog.getByTestId('session-ends-at').fill(`${SESSION.day}T${SESSION.endsAt}`);
  await chooseOption(page, dialog.getByTestId('session-mode'), 'Trực tuyến');
  await dialog.getByLabel('Đường dẫn phòng học trực tuyến').fill(SESSION.meetingUrl);
  await chooseOption(page, dialog.getByTestId('session-lecturer'), LECTURER_NAME);
  await dialog.getByTestId('session-submit').click();
  await dialog.waitFor({ state: 'detached' });

  const session = panel.getByTestId('session-item').filter({ hasText: SESSION.title });
  await session.getByText(shownDay(SESSION.day)).waitFor();
  await session.getByText(`${SESSION.startsAt} – ${SESSION.endsAt}`).waitFor();
  await session.getByText(`Trực tuyến · ${LECTURER_NAME}`).waitFor();
  await session.getByRole('link', { name: SESSION.meetingUrl }).waitFor();
  expect(await panel.getByTestId('class-ical-url').inputValue()).toMatch(/^https?:\/\/\S+/);
}

/** The counts the finished import shows, by their `data-count`. */
async function importCounts(page: Page): Promise<Record<string, string>> {
  const counts = page.getByTestId('import-counts').locator('[data-count]');
  const entries = await counts.evaluateAll((items) =>
    items.map((item) => [item.getAttribute('data-count'), item.querySelector('dd')?.textContent?.trim()]),
  );
  return Object.fromEntries(entries);
}

async function checkErrorReport(download: Download): Promise<void> {
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  expect(header).toEqual(['Dòng', 'Tên đăng nhập / Email', 'Họ và tên', 'Mã lỗi', 'Lỗi', 'Giá trị']);
  expect(
    rows.map(([row, identifier, fullName, code, , value]) => [row, identifier, fullName, code, value]),
  ).toEqual([
    [
      String(UNKNOWN_UNIT_ROW),
      newUsername(UNKNOWN_UNIT_ROW),
      lineAt(UNKNOWN_UNIT_ROW).cells[2],
      'unknown-unit',
      UNKNOWN_UNIT,
    ],
    [
      String(BAD_EMAIL_ROW),
      newUsername(BAD_EMAIL_ROW),
      lineAt(BAD_EMAIL_ROW).cells[2],
      'invalid-email',
      BAD_EMAIL,
    ],
    [
      String(DUPLICATE_ROW),
      newUsername(DUPLICATED_ROW),
      lineAt(DUPLICATE_ROW).cells[2],
      'duplicate-in-file',
      newUsername(DUPLICATED_ROW),
    ],
  ]);
}

/** Checks the sheet lists exactly the new accounts, each with its own link; keeps one link for later. */
async function checkActivationSheet(download: Download): Promise<void> {
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('Kích hoạt tài khoản');
  if (sheet === undefined) throw new Error('The activation sheet has no "Kích hoạt tài khoản" worksheet.');
  expect(sheet.getRow(3).values).toEqual([
    undefined,
    'STT',
    'Họ và tên',
    'Tên đăng nhập',
    'Đơn vị',
    'Liên kết kích hoạt (dùng một lần)',
  ]);
  const accounts: { fullName: string; username: string; url: string }[] = [];
  sheet.eachRow((row, number) => {
    if (number <= 3) return;
    const link = row.getCell(5).value as ExcelJS.CellHyperlinkValue;
    accounts.push({
      fullName: String(row.getCell(2).value),
      username: String(row.getCell(3).value),
      url: link.hyperlink,
    });
  });
  expect(accounts.map((account) => account.username).sort()).toEqual(
    NEW_LEARNERS.map((line) => line.cells[0]).sort(),
  );
  for (const account of accounts) expect(new URL(account.url).pathname).toMatch(/^\/activate\/[^/]+$/);
  expect(new Set(accounts.map((account) => account.url)).size).toBe(NEW_LEARNERS.length);
  const first = NEW_LEARNERS[0];
  const own = accounts.find((account) => account.username === first.cells[0]);
  expect(own?.fullName).toBe(first.cells[2]);
  journey.activationUrl = own?.url;
}

/** `hocvien01`'s way from their classes to the lesson; the same on a desktop and on a phone. */
async function learnerStudies(page: Page): Promise<void> {
  await loginAs(page, 'hocvien01');
  await page.goto('/learner/classes');
  const card = page.locator(`[data-testid="my-class-card"][data-class-id="${classId()}"]`);
  await card.getByRole('heading', { name: CLASS.title }).waitFor();
  await card.getByText('Đang tham gia').waitFor();
  await card.getByText('Lớp đang tuyển sinh').waitFor();
  await card
    .getByTestId('my-class-next-session')
    .filter({ hasText: `${shownDay(SESSION.day)} lúc ${SESSION.startsAt}` })
    .waitFor();
  await saveSettledScreen(page, 'journey-learner-classes');

  await card.getByTestId('my-class-link').click();
  await page.waitForURL(`**/learner/classes/${classId()}`);
  await page.getByRole('heading', { level: 1, name: CLASS.title }).waitFor();
  const session = page.getByTestId('schedule-item').filter({ hasText: SESSION.title });
  await session.getByText(`${SESSION.startsAt}–${SESSION.endsAt}`).waitFor();
  await session.locator('[data-mode="online-live"]').filter({ hasText: 'Trực tuyến' }).waitFor();
  await session.getByText(`Giảng viên: ${LECTURER_NAME}`).waitFor();
  expect(await session.getByTestId('schedule-meeting-link').getAttribute('href')).toBe(SESSION.meetingUrl);
  const module = page.getByTestId('module-panel').filter({ hasText: LESSON.moduleTitle });
  const lessonLink = module.getByTestId('lesson-link').filter({ hasText: LESSON.lessonTitle });
  await lessonLink.waitFor();
  await saveSettledScreen(page, 'journey-learner-class');

  await lessonLink.click();
  await page.getByTestId('lesson-title').filter({ hasText: LESSON.lessonTitle }).waitFor();
  const body = page.getByTestId('lesson-body');
  await body.locator('b, strong').filter({ hasText: LESSON_BOLD_TEXT }).waitFor();
  await body.locator('ul li').filter({ hasText: LESSON_BULLET_TEXT }).waitFor();
  await saveSettledScreen(page, 'journey-learner-lesson');
}

describe('class journey: course, class, import, approval, learner', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('centre staff build a course with a lesson, then a class of it with an online session', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'canbo.trungtam');
      await createCourse(page, COURSE);
      const lessonDialog = await addModuleAndLesson(page, LESSON);
      await writeFormattedText(page, lessonDialog);
      await lessonDialog.getByRole('button', { name: 'Lưu' }).click();
      await lessonDialog.waitFor({ state: 'detached' });
      await page.getByTestId('lesson').filter({ hasText: LESSON.lessonTitle }).waitFor();

      await createClass(page);
      const overview = page.getByRole('tabpanel');
      await overview.getByTestId('class-lifecycle').getByText('Bản nháp').waitFor();
      await overview.getByText(LECTURER_NAME).waitFor();
      await overview.getByText('Tỉnh Đồng Nai', { exact: true }).waitFor();

      await addSession(page);
      await snackBarGone(page);
      await saveSettledScreen(page, 'journey-class-sessions');
    }));

  it('imports 100 learners: 97 enrolled, 96 new accounts and exactly the 3 bad rows reported', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'canbo.trungtam');
      await page.goto(`/centre/classes/${classId()}`);
      const panel = await openClassTab(page, 'import');
      await panel.getByText('Chưa nhập danh sách lần nào.').waitFor();

      await panel.getByTestId('import-file-input').setInputFiles({
        name: 'danh-sach-hoc-vien.csv',
        mimeType: 'text/csv',
        buffer: importCsv(),
      });
      const current = panel.locator('[data-testid="import-current"][data-status="completed"]');
      await current.waitFor();
      await current.getByTestId('import-status').filter({ hasText: 'Hoàn tất' }).waitFor();
      await current.getByText('Đã xử lý 100/100 dòng (100%)').waitFor();
      expect(await current.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
      expect(await importCounts(page)).toEqual({
        totalRows: '100',
        createdUsers: '96',
        enrolled: '97',
        waitlisted: '0',
        alreadyEnrolled: '0',
        errorCount: '3',
      });

      const errorRows = current.getByTestId('import-error-row');
      const shown = await errorRows.evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.innerText.trim())),
      );
      expect(shown).toEqual([
        [
          String(UNKNOWN_UNIT_ROW),
          `${lineAt(UNKNOWN_UNIT_ROW).cells[2]}\n${newUsername(UNKNOWN_UNIT_ROW)}`,
          'Mã đơn vị không tồn tại',
          UNKNOWN_UNIT,
        ],
        [
          String(BAD_EMAIL_ROW),
          `${lineAt(BAD_EMAIL_ROW).cells[2]}\n${newUsername(BAD_EMAIL_ROW)}`,
          'Email không hợp lệ',
          BAD_EMAIL,
        ],
        [
          String(DUPLICATE_ROW),
          `${lineAt(DUPLICATE_ROW).cells[2]}\n${newUsername(DUPLICATED_ROW)}`,
          'Trùng với một dòng khác trong tệp',
          newUsername(DUPLICATED_ROW),
        ],
      ]);
      await saveSettledScreen(page, 'journey-import-result');

      await checkErrorReport(await downloadFrom(page, current.getByTestId('import-error-report')));
      await checkActivationSheet(await downloadFrom(page, current.getByTestId('import-activation-sheet')));

      const history = panel.getByTestId('import-history-row');
      await history.filter({ hasText: '97 ghi danh, 3 dòng lỗi' }).waitFor();
    }));

  it('opening below the minimum asks for a reason and leaves the class waiting for approval', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'canbo.trungtam');
      await page.goto('/centre/classes');
      await page.getByTestId('class-search').fill(CLASS.code.toLowerCase());
      const row = page.getByTestId(`class-row-${CLASS.code}`);
      await row.getByText(`97/${CLASS.capacity} học viên`).waitFor();
      await row.getByText('Bản nháp').waitFor();
      await row.getByRole('link', { name: CLASS.title }).click();
      await page.waitForURL(`**/centre/classes/${classId()}`);
      const overview = page.getByRole('tabpanel');
      await overview.getByTestId('class-active-count').filter({ hasText: '97' }).waitFor();
      await overview.getByText('Chưa đủ sĩ số tối thiểu.').waitFor();
      await overview.getByTestId('class-transition-open').click();

      const dialog = page.getByRole('dialog', { name: 'Mở lớp' });
      await dialog
        .getByText('Lớp mới có 97 học viên chính thức, dưới sĩ số tối thiểu 120', { exact: false })
        .waitFor();
      const reason = dialog.getByTestId('reason-input');
      expect(await reason.getAttribute('required')).not.toBeNull();
      await dialog.getByTestId('reason-submit').click();
      await dialog.getByText('Vui lòng nhập thông tin này.').waitFor();
      await reason.fill(OPENING_REASON);
      await dialog.getByTestId('reason-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Đã gửi đề nghị mở lớp; lớp đang chờ đơn vị cấp trên phê duyệt.').waitFor();

      const pending = overview.getByTestId('class-pending-approval');
      await pending.getByText('Lớp đang chờ phê duyệt mở').waitFor();
      await pending.getByTestId('approval-status').filter({ hasText: 'Chờ phê duyệt' }).waitFor();
      await pending.getByText('Sĩ số dưới mức tối thiểu: 97/120 học viên.').waitFor();
      await pending.getByText(`Lý do đề nghị: ${OPENING_REASON}`).waitFor();
      await pending.getByText(`Đề nghị bởi ${STAFF_NAME}`, { exact: false }).waitFor();
      await overview.getByTestId('class-transition-open').and(page.locator(':disabled')).waitFor();
      await overview
        .getByTestId('class-lifecycle')
        .locator('[aria-current="step"]')
        .getByText('Bản nháp')
        .waitFor();
      await snackBarGone(page);
      await saveSettledScreen(page, 'journey-class-pending-approval');
    }));

  it('the province approves with a reason; the class is open and its history tells the story', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'canbo.tinh');
      await page.goto('/centre/approvals');
      await page.getByRole('heading', { level: 1, name: 'Phê duyệt mở lớp' }).waitFor();
      const card = page.locator(`[data-testid="approval-card"][data-class-code="${CLASS.code}"]`);
      await card.and(page.locator('[data-status="pending"]')).waitFor();
      await card.getByText(`${CLASS.code} – ${CLASS.title}`).waitFor();
      await card.getByText('Sĩ số dưới mức tối thiểu: 97/120 học viên.').waitFor();
      await card.getByText(`Lý do đề nghị: ${OPENING_REASON}`).waitFor();
      await saveSettledScreen(page, 'journey-approvals');

      await card.getByTestId('approval-approve').click();
      const dialog = page.getByRole('dialog', { name: 'Phê duyệt mở lớp' });
      await dialog.getByText(`Lớp ${CLASS.code} – ${CLASS.title}`).waitFor();
      await dialog.getByTestId('reason-input').fill(APPROVAL_REASON);
      await dialog.getByTestId('reason-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(`Đã phê duyệt mở lớp ${CLASS.code}.`).waitFor();
      await card.and(page.locator('[data-status="approved"]')).waitFor();
      await card.getByText(`Lý do quyết định: ${APPROVAL_REASON}`).waitFor();
      await card.getByText(`${APPROVER_NAME} quyết định lúc`, { exact: false }).waitFor();

      await card.getByRole('link', { name: 'Xem lớp' }).click();
      await page.waitForURL(`**/centre/classes/${classId()}`);
      const overview = page.getByRole('tabpanel');
      await overview
        .getByTestId('class-lifecycle')
        .locator('[aria-current="step"]')
        .getByText('Đã mở')
        .waitFor();
      await overview.getByTestId('class-transition-running').waitFor();
      expect(await overview.getByTestId('class-pending-approval').count()).toBe(0);
      await overview.getByTestId('class-policy').getByRole('heading', { name: 'Cách tính điểm' }).waitFor();

      const history = await openClassTab(page, 'history');
      const entries = history.getByTestId('history-entry');
      await entries.filter({ hasText: 'Lớp được mở với 97 học viên' }).waitFor();
      const lines = (await entries.allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
      const at = (text: string) => lines.findIndex((line) => line.includes(text));
      const opened = at('Lớp được mở với 97 học viên');
      const snapshot = at('Cách tính điểm và điều kiện hoàn thành của chương trình được chốt cho lớp');
      const approved = at(`${APPROVER_NAME} phê duyệt mở lớp dưới sĩ số tối thiểu`);
      const requested = at(`${STAFF_NAME} đề nghị mở lớp dưới sĩ số tối thiểu`);
      const created = at(`${STAFF_NAME} tạo lớp`);
      // Newest first: every step found, in the order it happened.
      expect([opened, snapshot, approved, requested, created].every((index) => index >= 0)).toBe(true);
      expect(Math.max(opened, snapshot)).toBeLessThan(approved);
      expect(approved).toBeLessThan(requested);
      expect(requested).toBeLessThan(created);
      expect(lines[approved]).toContain(`lý do: ${APPROVAL_REASON}`);
      expect(lines[requested]).toContain(`lý do: ${OPENING_REASON}`);
      // The import reads as one line for its 97 learners; the ledger keeps one entry each.
      const imported = lines.filter((line) => line.includes(`${STAFF_NAME} ghi danh `));
      expect(imported).toHaveLength(1);
      expect(imported[0]).toContain('và 95 người khác');
      await snackBarGone(page);
      await saveSettledScreen(page, 'journey-class-history');

      await history.getByTestId('history-verify').click();
      const verification = history.getByTestId('history-verification-result');
      await verification.waitFor();
      expect(await verification.getAttribute('data-intact')).toBe('true');
    }));

  it('a learner sees the class, its schedule and the lesson', () =>
    screenshotOnFailure(browser, DESKTOP, learnerStudies));

  it('a learner sees the class, its schedule and the lesson on a phone', () =>
    screenshotOnFailure(browser, PHONE, learnerStudies));

  it('a new learner activates their account from the sheet, signs in and finds the class', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      const url = journey.activationUrl;
      if (url === undefined) throw new Error('The import step kept no activation link.');
      const learner = NEW_LEARNERS[0];
      await page.goto(new URL(url).pathname);
      await page.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' }).waitFor();
      await page.getByTestId('activation-full-name').filter({ hasText: learner.cells[2] }).waitFor();
      await page.getByTestId('activation-username').filter({ hasText: learner.cells[0] }).waitFor();
      await page.getByTestId('activation-password').fill(NEW_PASSWORD);
      await page.getByTestId('activation-confirm').fill(NEW_PASSWORD);
      await page.getByTestId('activation-submit').click();
      await page.getByTestId('activation-done').filter({ hasText: learner.cells[0] }).waitFor();

      await loginAs(page, learner.cells[0], NEW_PASSWORD);
      await page.goto('/learner/classes');
      const card = page.locator(`[data-testid="my-class-card"][data-class-id="${classId()}"]`);
      await card.getByRole('heading', { name: CLASS.title }).waitFor();
      await card.getByText('Đang tham gia').waitFor();

      // The link is spent.
      await page.goto(new URL(url).pathname);
      await page.getByTestId('activation-invalid').waitFor();
    }));
});
