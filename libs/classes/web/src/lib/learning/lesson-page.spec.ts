import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18n } from '@thuchoc/shared/web-core';
import { provideAppIcons } from '@thuchoc/shared/web-ui';
import { learnerClassRoutes } from '../learning.routes';
import { learningTranslations } from '../learning.translations';
import { LessonPage } from './lesson-page';
import { makeDetail, makeLesson, makeModule } from './testing/learning-factories';

const DETAIL_URL = '/api/v1/me/classes/c1';

const DETAIL = makeDetail({
  modules: [
    makeModule({
      id: 'm1',
      title: 'Phần 1',
      lessons: [
        makeLesson({
          id: 'l1',
          title: 'Bài mở đầu',
          body: '<p>Chủ nghĩa Mác – Lênin</p><img src="x" onerror="alert(1)"><script>alert(2)</script>',
          videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
          attachments: [
            {
              id: 'a1',
              fileName: 'tai-lieu-bai-1.pdf',
              sizeBytes: 1_500_000,
              contentType: 'application/pdf',
              downloadPath: '/me/classes/c1/attachments/a1',
            },
          ],
        }),
        makeLesson({ id: 'l2', title: 'Bài thứ hai', position: 2, videoUrl: 'https://vimeo.com/123456789' }),
      ],
    }),
  ],
});

describe(LessonPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let warn: jest.SpyInstance;

  const element = () => harness.routeNativeElement as HTMLElement;
  const byTestId = (id: string) => element().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, LessonPage);
  }

  beforeAll(() => {
    // jsdom's Blob has no text(); every browser the app supports has.
    Blob.prototype.text = function (this: Blob) {
      return new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(this);
      });
    };
  });

  afterEach(() => jest.restoreAllMocks());

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'learner', children: learnerClassRoutes }], withComponentInputBinding()),
        provideI18n(learningTranslations),
        provideAppIcons(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    // Angular warns each time its sanitiser strips the sample body's script.
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    Element.prototype.scrollIntoView = jest.fn();
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  /** Answers the class and the first heartbeat, sent as soon as the lesson is on screen. */
  async function answerDetail(lessonId = 'l1', seconds = 0): Promise<void> {
    backend.expectOne(DETAIL_URL).flush(DETAIL);
    await harness.fixture.whenStable();
    const beat = backend.expectOne(`/api/v1/me/lessons/${lessonId}/heartbeats`);
    expect(beat.request.method).toBe('POST');
    beat.flush({ seconds });
    await harness.fixture.whenStable();
  }

  it('shows the lesson body through the sanitiser and embeds a YouTube video from its id', async () => {
    await open('/learner/classes/c1/lessons/l1');
    await answerDetail();

    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML stripped some content'));
    expect(byTestId('lesson-title')?.textContent).toContain('Bài mở đầu');
    const body = byTestId('lesson-body');
    expect(body?.textContent).toContain('Chủ nghĩa Mác – Lênin');
    expect(body?.querySelector('script')).toBeNull();
    expect(body?.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect(byTestId('lesson-video-embed')?.getAttribute('src')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(byTestId('lesson-video-link')?.getAttribute('target')).toBe('_blank');
    expect(element().textContent).toContain('Bài 1/2');
    expect(element().textContent).toMatch(/PDF · 1,5\sMB/);
  });

  it('links to the previous and next lessons and back to the class', async () => {
    await open('/learner/classes/c1/lessons/l1');
    await answerDetail();

    expect(byTestId('lesson-previous')).toBeNull();
    expect(byTestId('lesson-next')?.getAttribute('href')).toBe('/learner/classes/c1/lessons/l2');
    expect(byTestId('back-to-class')?.getAttribute('href')).toBe('/learner/classes/c1');

    await open('/learner/classes/c1/lessons/l2');
    // Same class: the page keeps what it loaded and asks for nothing more.
    backend.expectNone(DETAIL_URL);

    expect(byTestId('lesson-title')?.textContent).toContain('Bài thứ hai');
    expect(byTestId('lesson-previous')?.getAttribute('href')).toBe('/learner/classes/c1/lessons/l1');
    expect(byTestId('lesson-next')).toBeNull();
    expect(byTestId('lesson-video-embed')).toBeNull();
    expect(byTestId('lesson-video-link')?.getAttribute('href')).toBe('https://vimeo.com/123456789');
  });

  it('records study time while the lesson is on screen and shows it', async () => {
    await open('/learner/classes/c1/lessons/l1');
    await answerDetail('l1', 725);

    expect(byTestId('lesson-time-recorded')?.textContent).toContain('Thời gian học đã ghi nhận: 12 phút');
  });

  it('records no study time while the page is hidden', async () => {
    jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await open('/learner/classes/c1/lessons/l1');
    backend.expectOne(DETAIL_URL).flush(DETAIL);
    await harness.fixture.whenStable();

    backend.expectNone('/api/v1/me/lessons/l1/heartbeats');
    expect(byTestId('lesson-time-recorded')).toBeNull();
  });

  it('says so when the lesson is not part of the class', async () => {
    await open('/learner/classes/c1/lessons/elsewhere');
    backend.expectOne(DETAIL_URL).flush(DETAIL);
    await harness.fixture.whenStable();

    expect(byTestId('lesson-not-found')?.textContent).toContain('Không tìm thấy bài học này trong lớp.');
  });

  it('downloads a PDF with the token-carrying HTTP client and saves it under its name', async () => {
    const createObjectURL = jest.fn(() => 'blob:pdf');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await open('/learner/classes/c1/lessons/l1');
    await answerDetail();

    byTestId('attachment-download')?.click();
    const request = backend.expectOne('/api/v1/me/classes/c1/attachments/a1');
    expect(request.request.responseType).toBe('blob');
    const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    request.flush(pdf);
    await harness.fixture.whenStable();

    expect(createObjectURL).toHaveBeenCalledWith(pdf);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('tai-lieu-bai-1.pdf');
    expect(link.href).toBe('blob:pdf');
  });

  it('explains a refused download by its problem code', async () => {
    await open('/learner/classes/c1/lessons/l1');
    await answerDetail();

    byTestId('attachment-download')?.click();
    backend.expectOne('/api/v1/me/classes/c1/attachments/a1').flush(
      new Blob(
        [
          JSON.stringify({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            code: 'my-class.not-found',
          }),
        ],
        {
          type: 'application/problem+json',
        },
      ),
      { status: 404, statusText: 'Not Found' },
    );
    const alert = () => element().querySelector('[role="alert"]');
    // The problem body is read from the blob asynchronously, outside Angular's pending tasks.
    for (let turn = 0; turn < 20 && alert() === null; turn++) {
      await new Promise((resolve) => setTimeout(resolve));
      await harness.fixture.whenStable();
    }

    expect(alert()?.textContent).toContain('Không tìm thấy lớp này trong các lớp của bạn.');
  });
});
