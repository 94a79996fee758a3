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
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="users-table"] tr.mat-mdc-row').length === 1);
    }),
  );

  it('shows users as cards on a phone', () =>
    screenshotOnFailure(browser, PHONE, async (page) => {
      await loginAs(page, 'admin');
      await page.goto('/admin/users');
      await page.getByTestId('users-cards').getByRole('listitem').first().waitFor();
      await saveScreen(page, 'admin-users');
    }),
  );
});
