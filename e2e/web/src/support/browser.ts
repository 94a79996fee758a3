import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Locator, Page, Response, chromium } from 'playwright-core';
import { BASE_URL_ENV, RESULTS_DIR, SCREENS_DIR } from './paths';

export const DEMO_PASSWORD = 'ThucHoc@2026';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
export type Viewport = typeof DESKTOP | typeof PHONE;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: globalSetup did not start the product`);
  return url;
}

/** Debian's Chromium (no browser download), headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** How many of a page's last events (errors, failed and refused requests) a failure report shows. */
const EVENTS_KEPT = 60;
const pageEvents = new WeakMap<Page, string[]>();

/**
 * Keeps what the browser saw go wrong on `page`: uncaught errors, console
 * errors and warnings, requests that failed and answers of 400 or more; a
 * failed step reports them beside its screenshot.
 */
function recordEvents(page: Page): void {
  const events: string[] = [];
  pageEvents.set(page, events);
  const note = (event: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${event}`);
    if (events.length > EVENTS_KEPT) events.shift();
  };
  page.on('pageerror', (error) => note(`uncaught ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      note(`console.${message.type()} ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    note(`request failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? '?'}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      note(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

/** A fresh context (own localStorage, so signed out, Vietnamese) with one page. */
export async function openPage(browser: Browser, viewport: Viewport = DESKTOP): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl(),
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  recordEvents(page);
  return page;
}

/** Signs in through the login form and waits until the app has left the login page. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/**
 * Clicks `target` and resolves with the answer to the `method` request for
 * `path` that the click sends. The click is awaited before the answer, so a
 * click that cannot happen fails with Playwright's account of why (disabled,
 * covered by another element…) instead of as a missing answer.
 */
export async function clickForResponse(
  page: Page,
  target: Locator,
  method: string,
  path: string,
): Promise<Response> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === method && new URL(response.url()).pathname === path,
  );
  // If the click fails, that is the failure to report; the wait ends with the page.
  answered.catch(() => undefined);
  await target.click();
  return answered;
}

/**
 * Runs a journey on a new page; if it fails, saves a full-page screenshot
 * named after the test into test-results/ before passing the failure on.
 */
export async function screenshotOnFailure(
  browser: Browser,
  viewport: Viewport,
  journey: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await openPage(browser, viewport);
  try {
    await journey(page);
  } catch (error) {
    await saveFailureScreens({ '': page });
    throw error;
  } finally {
    await page.context().close();
  }
}

/**
 * Runs a step of a journey that several pages (each in its own context, so
 * its own person and device) take part in and that outlive the step; if it
 * fails, saves a full-page screenshot of each into
 * test-results/<test name>-<page name>.png, and what went wrong in its
 * browser into a .log beside it, before passing the failure on.
 */
export async function screenshotPagesOnFailure(
  pages: Readonly<Record<string, Page>>,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    await saveFailureScreens(pages);
    throw error;
  }
}

async function saveFailureScreens(pages: Readonly<Record<string, Page>>): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const name = slug(expect.getState().currentTestName ?? 'unnamed');
  for (const [pageName, page] of Object.entries(pages)) {
    const file = pageName === '' ? name : `${name}-${slug(pageName)}`;
    await page.screenshot({ path: join(RESULTS_DIR, `${file}.png`), fullPage: true }).catch(() => undefined);
    const events = pageEvents.get(page) ?? [];
    const report = [`${page.url()}`, ...events].join('\n');
    writeFileSync(join(RESULTS_DIR, `${file}.log`), `${report}\n`);
    console.error(`What the browser saw on ${pageName || 'the page'} (${file}):\n${report}`);
  }
}

/**
 * What a review screenshot shows: the whole `page`, or only the `window` as
 * the person sees it (a dialog over a long page, which a whole-page shot
 * would leave small in the middle of a very tall picture).
 */
export type ScreenExtent = 'page' | 'window';

/**
 * Saves a screenshot of the whole page for review into
 * test-results/screens/<name>-<desktop|phone>.png. The signed-in shell
 * scrolls inside its content pane, which `fullPage` cannot see past, so the
 * window is made as tall as that content for the shot, then given back its height.
 */
export async function saveScreen(page: Page, name: string, extent: ScreenExtent = 'page'): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const viewport = page.viewportSize() ?? DESKTOP;
  const size = viewport.width === PHONE.width ? 'phone' : 'desktop';
  const hiddenHeight =
    extent === 'window'
      ? 0
      : await page.evaluate(() => {
          const pane = document.querySelector('mat-sidenav-content');
          return pane === null ? 0 : pane.scrollHeight - pane.clientHeight;
        });
  if (hiddenHeight > 0) await page.setViewportSize({ ...viewport, height: viewport.height + hiddenHeight });
  try {
    await page.screenshot({ path: join(SCREENS_DIR, `${name}-${size}.png`), fullPage: true });
  } finally {
    if (hiddenHeight > 0) await page.setViewportSize(viewport);
  }
}

/** Saves a screenshot once transitions (tab ink bar, hints fading in, snack bars) have finished. */
export async function saveSettledScreen(
  page: Page,
  name: string,
  extent: ScreenExtent = 'page',
): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  await saveScreen(page, name, extent);
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}
