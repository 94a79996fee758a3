import { Browser } from 'playwright-core';
import { DESKTOP, launchBrowser, loginAs, saveScreen, screenshotOnFailure } from './support/browser';

describe('org units (admin)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('creates a unit under the selected one and shows it in the tree with its history', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      const suffix = Date.now().toString(36).toUpperCase();
      const name = `Phường Thử nghiệm ${suffix}`;

      await loginAs(page, 'admin');
      await page.getByRole('link', { name: 'Đơn vị tổ chức' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Đơn vị tổ chức' }).waitFor();

      const tree = page.getByTestId('org-unit-tree');
      await tree.getByRole('treeitem').first().click();
      await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();

      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên đơn vị').fill(name);
      await dialog.getByLabel('Mã đơn vị').fill(`E2E-${suffix}`);
      await dialog.getByRole('button', { name: 'Thêm' }).click();
      await dialog.waitFor({ state: 'detached' });

      await tree.getByRole('treeitem', { name }).waitFor();
      await page.getByTestId('org-unit-history').getByText(`Thành lập với tên “${name}”.`).waitFor();
      await saveScreen(page, 'admin-org-units');
    }),
  );
});
