import { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, loginAs, saveScreen, screenshotOnFailure } from './support/browser';

async function openOrgUnits(page: Page): Promise<void> {
  await loginAs(page, 'admin');
  await page.getByRole('link', { name: 'Đơn vị tổ chức' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Đơn vị tổ chức' }).waitFor();
}

/** Adds a unit under the top of the tree through the dialog; the new unit is then selected. */
async function createTopChild(page: Page, name: string, code: string): Promise<void> {
  await page.getByTestId('org-unit-tree').getByRole('treeitem').first().click();
  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đơn vị').fill(name);
  await dialog.getByLabel('Mã đơn vị').fill(code);
  await dialog.getByRole('button', { name: 'Thêm' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('org-unit-history').getByText(`Thành lập với tên “${name}”.`).waitFor();
}

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

      await openOrgUnits(page);

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
    }));

  it('renames a unit, merges it into another, and the history of the other names the merged predecessor', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      const suffix = Date.now().toString(36).toUpperCase();
      const sourceName = `Xã Sáp nhập ${suffix}`;
      const renamedName = `Xã Đổi tên ${suffix}`;
      const targetName = `Phường Tiếp nhận ${suffix}`;
      const targetCode = `E2E-T-${suffix}`;
      const tree = page.getByTestId('org-unit-tree');
      const history = page.getByTestId('org-unit-history');
      const dialog = page.getByRole('dialog');

      await openOrgUnits(page);
      await createTopChild(page, targetName, targetCode);
      await createTopChild(page, sourceName, `E2E-S-${suffix}`);

      await page.getByRole('button', { name: 'Đổi tên' }).click();
      await dialog.getByLabel('Tên mới').fill(renamedName);
      await dialog.getByRole('button', { name: 'Đổi tên' }).click();
      await dialog.waitFor({ state: 'detached' });
      await tree.getByRole('treeitem', { name: renamedName }).waitFor();
      await history.getByText(`Đổi tên từ “${sourceName}” thành “${renamedName}”.`).waitFor();

      await page.getByRole('button', { name: 'Sáp nhập' }).click();
      await dialog.getByLabel('Sáp nhập vào đơn vị').click();
      await page.getByRole('option', { name: `${targetName} (${targetCode})` }).click();
      await dialog.getByLabel('Lý do').fill('Sắp xếp lại đơn vị hành chính cấp cơ sở');
      await dialog.getByRole('button', { name: 'Sáp nhập' }).click();
      await dialog.waitFor({ state: 'detached' });
      await history.getByText(`Sáp nhập vào “${targetName}”.`).waitFor();

      await tree.getByRole('treeitem', { name: targetName, exact: true }).click();
      await history.getByText(`Tiếp nhận “${renamedName}” sáp nhập vào.`).waitFor();
      await history.getByText('Lý do: Sắp xếp lại đơn vị hành chính cấp cơ sở').waitFor();
      await saveScreen(page, 'admin-org-units-merged');
    }));
});
