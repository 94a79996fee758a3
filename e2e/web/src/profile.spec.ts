import { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DESKTOP, launchBrowser, loginAs, screenshotOnFailure } from './support/browser';

describe('profile', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('changes the password and signs in with the new one', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      const newPassword = 'MatKhauMoi@2026';
      await loginAs(page, 'hocvien29');
      await page.goto('/profile');

      await page.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
      await page.getByLabel('Mật khẩu mới', { exact: false }).first().fill(newPassword);
      await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu thành công.' }).waitFor();

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL('**/login');
      await loginAs(page, 'hocvien29', newPassword);
      await page.getByRole('heading', { level: 1, name: 'Trang học viên' }).waitFor();
    }));

  it('refuses a confirmation that differs', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'hocvien28');
      await page.goto('/profile');
      await page.getByLabel('Mật khẩu mới', { exact: false }).first().fill('MatKhauMoi@2026');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('KhacHoanToan@2026');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByText('Hai mật khẩu chưa khớp nhau.').waitFor();
    }));

  it('says so when the current password is wrong, and stays signed in', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'hocvien27');
      await page.goto('/profile');
      const refreshes: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/auth/refresh') refreshes.push(request.url());
      });
      await page.getByLabel('Mật khẩu hiện tại').fill('KhongPhaiMatKhau@2026');
      await page.getByLabel('Mật khẩu mới', { exact: false }).first().fill('MatKhauMoi@2026');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauMoi@2026');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

      await page.getByRole('alert').filter({ hasText: 'Mật khẩu hiện tại không đúng.' }).waitFor();
      // Not an expired token: no refresh-and-retry, and the session survives a reload.
      expect(refreshes).toEqual([]);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/profile');
    }));
});
