import { Browser } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  Viewport,
  launchBrowser,
  loginAs,
  saveScreen,
  screenshotOnFailure,
} from './support/browser';

interface RoleHome {
  username: string;
  path: string;
  heading: string;
  listsScopeUsers: boolean;
}

const HOMES: RoleHome[] = [
  { username: 'admin', path: '/admin', heading: 'Quản trị hệ thống', listsScopeUsers: false },
  { username: 'canbo.trungtam', path: '/centre', heading: 'Trang cán bộ trung tâm', listsScopeUsers: true },
  {
    username: 'kiemtra.btg',
    path: '/auditor',
    heading: 'Trang kiểm tra – Ban Tuyên giáo',
    listsScopeUsers: true,
  },
  { username: 'giangvien1', path: '/lecturer', heading: 'Trang giảng viên', listsScopeUsers: false },
  { username: 'hocvien01', path: '/learner', heading: 'Trang học viên', listsScopeUsers: false },
];

const VIEWPORTS: [string, Viewport][] = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
];

describe('role home pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  describe.each(VIEWPORTS)('on %s', (viewportName, viewport) => {
    it.each(HOMES)('$username lands on $path and sees "$heading"', (home) =>
      screenshotOnFailure(browser, viewport, async (page) => {
        await loginAs(page, home.username);

        await page.waitForURL((url) => url.pathname === home.path);
        await page.getByRole('heading', { level: 1, name: home.heading }).waitFor();
        await page.getByTestId('profile-card').waitFor();
        await page.getByTestId('notifications').getByRole('heading', { name: 'Thông báo' }).waitFor();
        if (home.listsScopeUsers) {
          await page.getByTestId('scope-users').getByRole('listitem').first().waitFor();
        }
        if (viewportName === 'phone') {
          await page.getByRole('button', { name: 'Mở menu điều hướng' }).waitFor();
        } else {
          await page.getByTestId('user-name').waitFor();
        }
        await page.getByRole('progressbar').waitFor({ state: 'detached' });
        await saveScreen(page, `home-${home.path.slice(1)}`);
      }),
    );
  });

  it('opens the navigation from the menu button on a phone and signs out', () =>
    screenshotOnFailure(browser, PHONE, async (page) => {
      await loginAs(page, 'hocvien02');
      await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
      // The toolbar leaves the name out on a phone; the drawer shows it.
      await page.getByTestId('drawer-user').getByText('Trần Thị Bình').waitFor();
      expect(await page.getByTestId('user-name').count()).toBe(0);
      await saveScreen(page, 'navigation-drawer');
      await page.getByRole('link', { name: 'Tài khoản của tôi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL('**/login');
    }));
});

describe('notifications', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it('marks the welcome notification as read', () =>
    screenshotOnFailure(browser, DESKTOP, async (page) => {
      await loginAs(page, 'hocvien03');
      const panel = page.getByTestId('notifications');
      await panel.getByText('Chào mừng bạn đến với ThucHoc').waitFor();

      await panel.getByRole('button', { name: 'Đánh dấu đã đọc' }).first().click();

      await panel.getByText('0 thông báo chưa đọc').waitFor();
    }));
});
