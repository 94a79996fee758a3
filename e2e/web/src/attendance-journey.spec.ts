import { Browser, Locator, Page, Response } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  clickForResponse,
  launchBrowser,
  loginAs,
  openPage,
  saveSettledScreen,
  screenshotPagesOnFailure,
} from './support/browser';

/*
 * The "done when": a lecturer opens a session; a learner checks in
 * with the code read from the lecturer's screen; a code that has rotated out
 * is refused; a second account on the first learner's device is refused; one
 * learner answers an attention check and another misses it; once the session
 * is closed and finalised, the centre's grid shows the first present, the
 * second partial and a third learner absent, each with their evidence.
 *
 * Every person works in their own browser context, so each learner's phone
 * has its own device key; the steps share them and run in order. The product
 * rotates check-in codes every 10 s here (global-setup), one step of tolerance.
 */

/** The demo class (classes-demo-seeder), its lecturer and three of its fifteen learners. */
const CLASS = { code: 'DVM-2026-01', title: 'Lớp bồi dưỡng đảng viên mới – đợt 1/2026' };
const STAFF = 'canbo.trungtam';
const LECTURER = { username: 'giangvien2', fullName: 'Hoàng Thị Lan' };
/** Checks in first and answers the attention check. */
const LEARNER_A = { username: 'hocvien11', fullName: 'Nguyễn Đức Nam' };
/** Tries a stale code, then the first learner's phone; checks in from their own and misses the check. */
const LEARNER_B = { username: 'hocvien12', fullName: 'Trần Thanh Oanh' };
/** Never checks in. */
const LEARNER_C = { username: 'hocvien13', fullName: 'Lê Văn Phúc' };

const SESSION_TITLE = 'Buổi bổ sung: Liên hệ thực tiễn sinh hoạt chi bộ ở xã, phường';
const MEETING_URL = 'https://meet.jit.si/thuchoc-dvm-2026-01-bo-sung';

const MESSAGES = {
  staleCode: 'Mã điểm danh không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên màn hình của giảng viên.',
  deviceUsed: 'Thiết bị này đã được một tài khoản khác dùng để điểm danh buổi học này.',
  attentionFired: 'Đã gửi kiểm tra sự chú ý tới 2 học viên đang có mặt.',
  attentionAnswered: 'Cảm ơn, câu trả lời của bạn đã được ghi nhận.',
};

/** A check-in code rotates every 10 s: two rotations and a slow page fit in this. */
const CODE_ROTATION_TIMEOUT_MS = 25_000;
/** Finalisation is an in-process job; the console asks every 2 s. */
const FINALISATION_TIMEOUT_MS = 30_000;
/** The lecturer's roster is polled every 5 s; a learner's page beats as soon as they have checked in. */
const ROSTER_TIMEOUT_MS = 20_000;

/** What the steps learn along the way and later steps need. */
const journey: { classId?: string; sessionId?: string; sessionIndex?: number } = {};

function classId(): string {
  if (journey.classId === undefined) throw new Error('The first step did not find the demo class.');
  return journey.classId;
}

function sessionId(): string {
  if (journey.sessionId === undefined) throw new Error('The first step did not schedule the session.');
  return journey.sessionId;
}

/** `YYYY-MM-DDTHH:mm` in Vietnam time, as a `datetime-local` field takes it. */
function vietnamLocal(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/** Starts two whole minutes from now, so check-ins during the journey are on time, not late; lasts two hours. */
function sessionTimes(): { startsAt: string; endsAt: string } {
  const minute = 60_000;
  const start = new Date((Math.floor(Date.now() / minute) + 2) * minute);
  return { startsAt: vietnamLocal(start), endsAt: vietnamLocal(new Date(start.getTime() + 120 * minute)) };
}

/** A snack bar stays a few seconds and would cover the bottom of a screenshot. */
function snackBarGone(page: Page): Promise<void> {
  return page.locator('mat-snack-bar-container').first().waitFor({ state: 'detached' });
}

async function chooseOption(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name, exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL('**/login');
}

/** The code the lecturer's console shows now. */
async function shownCode(lecturer: Page): Promise<string> {
  const text = (await lecturer.getByTestId('check-in-code').innerText()).trim();
  expect(text).toMatch(/^\d{6}$/);
  return text;
}

/** Waits, by polling the console, until it shows a code other than `previous`; returns it. */
async function nextShownCode(lecturer: Page, previous: string): Promise<string> {
  const handle = await lecturer.waitForFunction(
    (before) => {
      const text = document.querySelector('[data-testid="check-in-code"]')?.textContent?.trim() ?? '';
      return /^\d{6}$/.test(text) && text !== before ? text : null;
    },
    previous,
    { timeout: CODE_ROTATION_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as string;
}

/** The learner's way to the session: their class, then the session in its schedule. */
async function openSessionFromClass(page: Page): Promise<void> {
  await page.goto(`/learner/classes/${classId()}`);
  await page.getByTestId('schedule-session-link').filter({ hasText: SESSION_TITLE }).click();
  await page.waitForURL(`**/learner/sessions/${sessionId()}`);
  await page.getByTestId('session-title').filter({ hasText: SESSION_TITLE }).waitFor();
}

/** Types a code into the learner's check-in form; resolves with the API's answer. */
async function typeCheckInCode(page: Page, code: string): Promise<Response> {
  const form = page.getByTestId('check-in-form');
  await form.getByTestId('check-in-code-input').fill(code);
  return clickForResponse(
    page,
    form.getByTestId('check-in-submit'),
    'POST',
    `/api/v1/me/attendance/sessions/${sessionId()}/check-in`,
  );
}

async function problemCode(response: Response): Promise<unknown> {
  return ((await response.json()) as { code?: unknown }).code;
}

/** The attention prompt on a learner's page, with the code to type back. */
async function attentionPrompt(page: Page): Promise<{ dialog: Locator; code: string }> {
  const dialog = page.getByRole('dialog', { name: 'Kiểm tra sự chú ý' });
  const code = (await dialog.getByTestId('attention-code').innerText()).trim();
  expect(code).toMatch(/^\d{4}$/);
  return { dialog, code };
}

interface ExpectedCell {
  learner: { username: string; fullName: string };
  status: { value: string; label: string };
  evidence: readonly string[];
}

const PRESENT_A: ExpectedCell = {
  learner: LEARNER_A,
  status: { value: 'present', label: 'Có mặt' },
  evidence: ['Nhập mã', 'Trả lời 1 lần, bỏ lỡ 0 lần'],
};
const PARTIAL_B: ExpectedCell = {
  learner: LEARNER_B,
  status: { value: 'partial', label: 'Tham gia chưa đủ' },
  evidence: ['Nhập mã', 'Trả lời 0 lần, bỏ lỡ 1 lần'],
};
const ABSENT_C: ExpectedCell = {
  learner: LEARNER_C,
  status: { value: 'absent', label: 'Vắng' },
  evidence: ['Chưa điểm danh', 'Trả lời 0 lần, bỏ lỡ 0 lần'],
};

function gridCell(page: Page, username: string): Locator {
  if (journey.sessionIndex === undefined) throw new Error('The session was not found in the grid.');
  return page.getByTestId(`cell-${username}-${journey.sessionIndex}`);
}

/**
 * Checks a learner's cell of the grid, then opens it and checks the status and
 * evidence it details; saves a screenshot of it when named, and closes it again.
 */
async function checkCell(page: Page, expected: ExpectedCell, screen?: string): Promise<void> {
  const cell = gridCell(page, expected.learner.username);
  expect(await cell.getAttribute('data-status')).toBe(expected.status.value);
  await cell.click();
  const dialog = page.getByRole('dialog', { name: expected.learner.fullName });
  const detail = dialog.getByTestId('cell-dialog');
  await detail.getByText(SESSION_TITLE).waitFor();
  await detail.getByText(expected.status.label, { exact: true }).waitFor();
  const shown = await detail.getByTestId('attendance-evidence').innerText();
  for (const text of expected.evidence) expect(shown).toContain(text);
  if (screen !== undefined) await saveSettledScreen(page, screen, 'window');
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('attendance journey: open, check in, refusals, attention check, finalised grid', () => {
  let browser: Browser;
  /** Centre staff, the lecturer's laptop, and the two learners' phones: one context each. */
  const pages = {} as Record<'staff' | 'lecturer' | 'phoneA' | 'phoneB', Page>;
  const step = (run: () => Promise<void>) => () => screenshotPagesOnFailure(pages, run);

  beforeAll(async () => {
    browser = await launchBrowser();
    pages.staff = await openPage(browser, DESKTOP);
    pages.lecturer = await openPage(browser, DESKTOP);
    pages.phoneA = await openPage(browser, PHONE);
    pages.phoneB = await openPage(browser, PHONE);
  });

  afterAll(async () => {
    await browser.close();
  });

  it(
    'centre staff schedule a session for now and set the class to count attention, not presence time',
    step(async () => {
      const { staff } = pages;
      await loginAs(staff, STAFF);
      await staff.goto('/centre/classes');
      await staff.getByTestId('class-search').fill(CLASS.code.toLowerCase());
      await staff.getByTestId(`class-row-${CLASS.code}`).getByRole('link', { name: CLASS.title }).click();
      await staff.waitForURL(/\/centre\/classes\/[0-9a-f-]{36}$/);
      journey.classId = new URL(staff.url()).pathname.split('/').pop();

      await staff.getByTestId('class-tab-sessions').click();
      await staff.waitForURL((url) => url.searchParams.get('tab') === 'sessions');
      const panel = staff.getByRole('tabpanel');
      await panel.getByTestId('session-add').click();
      const dialog = staff.getByRole('dialog', { name: 'Thêm buổi học' });
      const times = sessionTimes();
      await dialog.getByTestId('session-title').fill(SESSION_TITLE);
      await dialog.getByTestId('session-starts-at').fill(times.startsAt);
      await dialog.getByTestId('session-ends-at').fill(times.endsAt);
      await chooseOption(staff, dialog.getByTestId('session-mode'), 'Trực tuyến');
      await dialog.getByLabel('Đường dẫn phòng học trực tuyến').fill(MEETING_URL);
      await chooseOption(staff, dialog.getByTestId('session-lecturer'), LECTURER.fullName);
      await dialog.getByTestId('session-submit').click();
      await dialog.waitFor({ state: 'detached' });

      const session = panel.getByTestId('session-item').filter({ hasText: SESSION_TITLE });
      await session.getByText(`${times.startsAt.slice(11)} – ${times.endsAt.slice(11)}`).waitFor();
      const consoleLink = session.getByTestId('session-console-link');
      const href = (await consoleLink.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/centre\/sessions\/[0-9a-f-]{36}$/);
      journey.sessionId = href.split('/').pop();

      // Presence time depends on heartbeat timing; the journey is about check-in and attention.
      await staff.getByTestId('class-attendance-link').click();
      await staff.waitForURL(`**/centre/classes/${classId()}/attendance`);
      await staff.getByTestId('grid-policy').click();
      const policy = staff.getByRole('dialog', { name: 'Quy định điểm danh của lớp' });
      await staff.waitForFunction(
        () =>
          document.querySelector<HTMLInputElement>('[data-testid="policy-minAttentionPercent"]')?.value ===
          '50',
      );
      await policy.getByTestId('policy-minSessionPresencePercent').fill('0');
      const saved = await clickForResponse(
        staff,
        policy.getByTestId('policy-save'),
        'PUT',
        `/api/v1/classes/${classId()}/attendance/policy`,
      );
      expect(saved.status()).toBe(200);
      expect(await saved.json()).toMatchObject({ minSessionPresencePercent: 0, minAttentionPercent: 50 });
      await policy.waitFor({ state: 'detached' });
      await staff.getByText('Đã lưu quy định điểm danh.').waitFor();
    }),
  );

  it(
    'the lecturer opens the session from the console, which shows the rotating code and its QR code',
    step(async () => {
      const { lecturer } = pages;
      await loginAs(lecturer, LECTURER.username);
      await lecturer.goto(`/lecturer/classes/${classId()}`);
      await lecturer.getByTestId('schedule-session-link').filter({ hasText: SESSION_TITLE }).click();
      await lecturer.waitForURL(`**/lecturer/sessions/${sessionId()}`);
      await lecturer.getByTestId('session-title').filter({ hasText: SESSION_TITLE }).waitFor();

      await lecturer.getByTestId('console-scheduled').getByTestId('session-open').click();
      await lecturer.getByText('Đã mở buổi học. Học viên có thể điểm danh.').waitFor();
      await lecturer
        .getByTestId('check-in-code')
        .filter({ hasText: /^\s*\d{6}\s*$/ })
        .waitFor();
      await lecturer
        .getByTestId('code-rotation')
        .filter({ hasText: /Mã mới sau \d+ giây/ })
        .waitFor();
      const qr = lecturer.getByTestId('check-in-qr');
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      await lecturer.waitForFunction(() => {
        const image = document.querySelector<HTMLImageElement>('[data-testid="check-in-qr"]');
        return image !== null && image.complete && image.naturalWidth > 0;
      });
      await lecturer
        .getByTestId(`roster-${LEARNER_A.username}`)
        .filter({ hasText: LEARNER_A.fullName })
        .waitFor();
      await snackBarGone(lecturer);
      await saveSettledScreen(lecturer, 'attendance-console-code');
    }),
  );

  it(
    'a learner checks in on their phone with the code read from the lecturer’s screen',
    step(async () => {
      const { lecturer, phoneA } = pages;
      await loginAs(phoneA, LEARNER_A.username);
      await openSessionFromClass(phoneA);

      const answer = await typeCheckInCode(phoneA, await shownCode(lecturer));
      expect(answer.status()).toBe(201);
      await phoneA.getByTestId('checked-in').filter({ hasText: 'Nhập mã' }).waitFor();
      await phoneA.getByTestId('presence-state').filter({ hasText: 'Đang ghi nhận' }).waitFor();
      await lecturer
        .getByTestId(`roster-${LEARNER_A.username}`)
        .filter({ hasText: 'Điểm danh:' })
        .waitFor({ timeout: ROSTER_TIMEOUT_MS });
      await saveSettledScreen(phoneA, 'attendance-learner-checked-in');
    }),
  );

  it(
    'a code that has rotated out twice is refused, with a clear message and no check-in',
    step(async () => {
      const { lecturer, phoneB } = pages;
      await loginAs(phoneB, LEARNER_B.username);
      await openSessionFromClass(phoneB);

      const stale = await shownCode(lecturer);
      await nextShownCode(lecturer, await nextShownCode(lecturer, stale));
      const answer = await typeCheckInCode(phoneB, stale);
      expect(answer.status()).toBe(400);
      expect(await problemCode(answer)).toBe('attendance.code-invalid');
      await phoneB.getByRole('alert').filter({ hasText: MESSAGES.staleCode }).waitFor();
      expect(await phoneB.getByTestId('checked-in').count()).toBe(0);
      await phoneB.getByTestId('check-in-form').waitFor();
      await saveSettledScreen(phoneB, 'attendance-refused-stale-code');
    }),
    90_000,
  );

  it(
    'a second account on the first learner’s phone is refused, and the first learner’s check-in stands',
    step(async () => {
      const { lecturer, phoneA } = pages;
      await signOut(phoneA);
      await loginAs(phoneA, LEARNER_B.username);
      await openSessionFromClass(phoneA);

      const answer = await typeCheckInCode(phoneA, await shownCode(lecturer));
      expect(answer.status()).toBe(409);
      expect(await problemCode(answer)).toBe('attendance.device-used');
      await phoneA.getByRole('alert').filter({ hasText: MESSAGES.deviceUsed }).waitFor();
      expect(await phoneA.getByTestId('checked-in').count()).toBe(0);
      await saveSettledScreen(phoneA, 'attendance-refused-shared-device');

      await signOut(phoneA);
      await loginAs(phoneA, LEARNER_A.username);
      await openSessionFromClass(phoneA);
      await phoneA.getByTestId('checked-in').filter({ hasText: 'Nhập mã' }).waitFor();
    }),
  );

  it(
    'one learner answers an attention check and the other misses it',
    step(async () => {
      const { lecturer, phoneA, phoneB } = pages;
      // The second learner checks in from their own phone first.
      const answer = await typeCheckInCode(phoneB, await shownCode(lecturer));
      expect(answer.status()).toBe(201);
      await phoneB.getByTestId('checked-in').waitFor();

      // A check goes to learners whose page has beaten within the last minute.
      for (const learner of [LEARNER_A, LEARNER_B])
        await lecturer
          .locator(`[data-testid="roster-${learner.username}"][data-state="present"]`)
          .waitFor({ timeout: ROSTER_TIMEOUT_MS });
      await lecturer.getByTestId('attention-check-fire').click();
      await lecturer.getByText(MESSAGES.attentionFired).waitFor();

      const promptA = await attentionPrompt(phoneA);
      const promptB = await attentionPrompt(phoneB);
      await promptB.dialog
        .getByTestId('attention-remaining')
        .filter({ hasText: /Còn \d+ giây/ })
        .waitFor();
      await saveSettledScreen(phoneB, 'attendance-attention-prompt');

      await promptA.dialog.getByTestId('attention-answer').fill(promptA.code);
      await promptA.dialog.getByTestId('attention-submit').click();
      await promptA.dialog.waitFor({ state: 'detached' });
      await phoneA.getByText(MESSAGES.attentionAnswered).waitFor();

      await lecturer
        .getByTestId('attention-check')
        .filter({ hasText: '1/2 học viên đã trả lời' })
        .waitFor({ timeout: ROSTER_TIMEOUT_MS });
      // The second learner's prompt is still waiting, unanswered.
      await promptB.dialog.getByTestId('attention-code').waitFor();
    }),
  );

  it(
    'after the lecturer closes the session, the grid shows present, partial and absent with their evidence',
    step(async () => {
      const { lecturer, staff } = pages;
      await lecturer.getByTestId('session-close').click();
      const confirm = lecturer.getByRole('dialog');
      await confirm.getByText(SESSION_TITLE, { exact: false }).waitFor();
      await confirm.getByTestId('confirm-submit').click();
      await lecturer.getByTestId('console-finalised').waitFor({ timeout: FINALISATION_TIMEOUT_MS });

      await staff.goto(`/centre/classes/${classId()}/attendance`);
      const grid = staff.getByTestId('attendance-grid');
      await grid.waitFor();
      const titles = await grid
        .locator('[data-testid^="session-col-"]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title')));
      journey.sessionIndex = titles.indexOf(SESSION_TITLE);
      expect(journey.sessionIndex).toBeGreaterThanOrEqual(0);

      await saveSettledScreen(staff, 'attendance-grid');
      await checkCell(staff, PRESENT_A);
      await checkCell(staff, PARTIAL_B, 'attendance-grid-evidence');
      await checkCell(staff, ABSENT_C);

      // On a phone each learner is a card with the same cells.
      await staff.setViewportSize(PHONE);
      await staff.getByTestId('grid-cards').waitFor();
      await saveSettledScreen(staff, 'attendance-grid');
      await checkCell(staff, PRESENT_A);
      await checkCell(staff, PARTIAL_B, 'attendance-grid-evidence');
      await checkCell(staff, ABSENT_C);
    }),
  );
});
