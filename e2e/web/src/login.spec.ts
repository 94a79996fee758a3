import { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, saveScreen, screenshotOnFailure } from './support/browser';

describe('login page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('shows the Vietnamese sign-in form (%s)', (_, viewport) =>
    screenshotOnFailure(browser, viewport, async (page) => {
      await page.goto('/');
      await page.waitForURL('**/login');
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      await page.getByLabel('Tên đăng nhập').waitFor();
      await saveScreen(page, 'login');
    }),
  );

  it('says so when the password is wrong', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').fill('hocvien30');
      await page.getByLabel('Mật khẩu').fill('not-the-password');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();

      await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
    }));

  it('switches to English and keeps English after a reload', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();

      await page.getByRole('radio', { name: 'English' }).click();

      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.getByLabel('Username').waitFor();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    }));
});
