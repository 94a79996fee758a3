import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NotificationKind, NotificationResponse } from '@thuchoc/notifications/contracts';
import { Page } from '@thuchoc/shared/contracts';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons } from '@thuchoc/shared/web-ui';
import { notificationsTranslations } from '../notifications.translations';
import { NotificationPanel } from './notification-panel';

const LIST_URL = '/api/v1/me/notifications?page=1&pageSize=20';

function makeNotification(overrides: Partial<NotificationResponse> = {}): NotificationResponse {
  return {
    id: 'n1',
    kind: NotificationKind.Welcome,
    params: {},
    createdAt: '2026-01-01T01:00:00Z',
    readAt: null,
    ...overrides,
  };
}

function pageOf(items: NotificationResponse[]): Page<NotificationResponse> {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

describe(NotificationPanel.name, () => {
  let fixture: ComponentFixture<NotificationPanel>;
  let backend: HttpTestingController;

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const buttons = () => Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'));

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(notificationsTranslations),
        provideAppIcons(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationPanel);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function answerList(items: NotificationResponse[]): Promise<void> {
    backend.expectOne(LIST_URL).flush(pageOf(items));
    await fixture.whenStable();
  }

  it('lists the latest notifications in Vietnamese and counts the unread ones', async () => {
    await answerList([
      makeNotification(),
      makeNotification({ id: 'n2', kind: NotificationKind.PasswordChanged, readAt: '2026-01-02T00:00:00Z' }),
    ]);

    expect(text()).toContain('1 thông báo chưa đọc');
    expect(text()).toContain('Chào mừng bạn đến với ThucHoc');
    expect(text()).toContain('Mật khẩu đã được thay đổi');
    expect(text()).toContain('01/01/2026 08:00');
    expect(buttons()).toHaveLength(1);
  });

  it('marks a notification as read', async () => {
    await answerList([makeNotification()]);

    buttons()[0].click();
    const request = backend.expectOne('/api/v1/me/notifications/n1/read');
    expect(request.request.method).toBe('POST');
    request.flush(null);
    await fixture.whenStable();

    expect(text()).toContain('0 thông báo chưa đọc');
    expect(buttons()).toHaveLength(0);
  });

  it('shows a generic text for a kind this build does not know yet', async () => {
    await answerList([makeNotification({ kind: 'course-opened' as NotificationKind })]);

    expect(text()).toContain('Bạn có một thông báo mới.');
  });

  it('says so when there are no notifications', async () => {
    await answerList([]);

    expect(text()).toContain('Bạn chưa có thông báo nào.');
  });

  it('shows the translated problem when marking as read fails', async () => {
    await answerList([makeNotification()]);

    buttons()[0].click();
    backend
      .expectOne('/api/v1/me/notifications/n1/read')
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'notification.not-found' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();

    expect(fixture.nativeElement.querySelector('[role="alert"]')?.textContent).toContain(
      'Không tìm thấy thông báo này.',
    );
    expect(text()).toContain('1 thông báo chưa đọc');
  });
});
