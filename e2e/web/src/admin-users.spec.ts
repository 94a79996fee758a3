import { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, loginAs, saveScreen, screenshotOnFailure } from './support/browser';

describe('users (admin)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('finds a learner by name in the paged table', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'admin');
      await page.goto('/admin/users');
      const table = page.getByTestId('users-table');
      await table.getByRole('row').nth(1).waitFor();
      await saveScreen(page, 'admin-users');

      await page.getByLabel('Tìm theo tên, tên đăng nhập, email').fill('hocvien05');

      await table.getByRole('row', { name: /hocvien05/ }).waitFor();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="users-table"] tr.mat-mdc-row').length === 1,
      );
    }));

  it('shows users as cards on a phone', () =>
    screenshotOnFailure(browser, PHONE, async (page) => {
      await loginAs(page, 'admin');
      await page.goto('/admin/users');
      await page.getByTestId('users-cards').getByRole('listitem').first().waitFor();
      await saveScreen(page, 'admin-users');
    }));

  it('creates a user through the dialog and finds them by a search without diacritics', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      const username = `tuyet.${Date.now().toString(36)}`;
      const fullName = 'Trịnh Thị Ánh Tuyết';
      await loginAs(page, 'admin');
      await page.goto('/admin/users');
      const table = page.getByTestId('users-table');
      await table.getByRole('row').nth(1).waitFor();

      await page.getByRole('button', { name: 'Thêm người dùng' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên đăng nhập').fill(username);
      await dialog.getByLabel('Họ và tên').fill(fullName);
      await dialog.getByLabel('Đơn vị').click();
      await page.getByRole('option', { name: 'Xã Lộc Ninh' }).click();
      await dialog.getByLabel('Vai trò').click();
      await page.getByRole('option', { name: 'Học viên' }).click();
      await page.keyboard.press('Escape'); // closes the multiple choice list, not the dialog
      await dialog.getByLabel('Mật khẩu ban đầu').fill('MatKhauBanDau@2026');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.getByLabel('Tìm theo tên, tên đăng nhập, email').fill('trinh thi anh tuyet');

      const row = table.getByRole('row').filter({ hasText: username });
      await row.waitFor();
      await row.getByText(fullName).waitFor();
      await row.getByText('Xã Lộc Ninh').waitFor();
    }));
});
