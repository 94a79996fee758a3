import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { LessonAttachment } from '@thuchoc/courses/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import {
  COURSE_ID,
  makeCourse,
  makeLesson,
  makeModule,
  problem,
  provideCoursesTesting,
} from '../testing/make-course';
import { CourseEditorStore } from '../data-access/course-editor.store';
import { LessonDialog } from './lesson-dialog';

const LESSON_ID = 'lesson-1';
const UPLOAD_URL = `/api/v1/courses/${COURSE_ID}/lessons/${LESSON_ID}/attachments`;
const ATTACHMENT: LessonAttachment = {
  id: 'attachment-1',
  fileName: 'nghi-quyet.pdf',
  sizeBytes: 350 * 1024,
  contentType: 'application/pdf',
  downloadPath: `/courses/${COURSE_ID}/attachments/attachment-1`,
};

/** jsdom's Blob has no `text()`, which every browser has; read it through a FileReader instead. */
function giveBlobsText(): void {
  if ('text' in Blob.prototype) return;
  Object.defineProperty(Blob.prototype, 'text', {
    value(this: Blob): Promise<string> {
      return new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(this);
      });
    },
  });
}

describe(LessonDialog.name, () => {
  let fixture: ComponentFixture<LessonDialog>;
  let backend: HttpTestingController;
  let store: CourseEditorStore;
  const close = jest.fn();

  const element = () => fixture.nativeElement as HTMLElement;
  const alertText = () => element().querySelector('.attachments [role="alert"]')?.textContent ?? '';

  /** The blob is read asynchronously; wait until the page shows the result. */
  async function waitFor(condition: () => boolean): Promise<void> {
    for (let attempt = 0; attempt < 50 && !condition(); attempt++) {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    }
  }

  async function chooseFile(file: File): Promise<void> {
    const input = element().querySelector<HTMLInputElement>('input[type="file"]');
    if (input === null) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [
        ...provideCoursesTesting(),
        CourseEditorStore,
        { provide: MAT_DIALOG_DATA, useValue: { lessonId: LESSON_ID } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(CourseEditorStore);
    store.course.set(makeCourse());
    fixture = TestBed.createComponent(LessonDialog);
    await fixture.whenStable();
  });

  beforeAll(giveBlobsText);

  afterEach(() => backend.verify());

  it('shows the size limit next to the upload button', () => {
    expect(element().textContent).toContain('Chỉ nhận tệp PDF, tối đa 20 MB mỗi tệp.');
  });

  it('refuses a file that is not a PDF without sending it', async () => {
    await chooseFile(new File(['x'], 'bai-thu-hoach.docx', { type: 'application/msword' }));

    backend.expectNone(UPLOAD_URL);
    expect(alertText()).toContain('Chỉ nhận tệp PDF.');
  });

  it('uploads a PDF as multipart field "file" and lists it from the answer', async () => {
    const file = new File(['%PDF-1.4\n%%EOF'], 'nghi-quyet.pdf', { type: 'application/pdf' });
    await chooseFile(file);

    const request = backend.expectOne({ method: 'POST', url: UPLOAD_URL });
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.flush(
      makeCourse({ modules: [makeModule({ lessons: [makeLesson({ attachments: [ATTACHMENT] })] })] }),
    );
    await fixture.whenStable();

    const list = element().querySelector('[data-testid="attachments"]')?.textContent ?? '';
    expect(list).toContain('nghi-quyet.pdf');
    expect(list).toContain('350 KB');
  });

  it('translates the server’s refusal of an upload', async () => {
    await chooseFile(new File(['not a pdf'], 'gia-mao.pdf', { type: 'application/pdf' }));

    backend
      .expectOne(UPLOAD_URL)
      .flush(problem(400, 'attachment.not-pdf'), { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    expect(alertText()).toContain('Chỉ nhận tệp PDF.');
  });

  it('translates a failed download, whose error body arrives as a blob', async () => {
    store.course.set(
      makeCourse({ modules: [makeModule({ lessons: [makeLesson({ attachments: [ATTACHMENT] })] })] }),
    );
    await fixture.whenStable();
    element().querySelector<HTMLButtonElement>('button[aria-label="Tải xuống nghi-quyet.pdf"]')?.click();

    backend
      .expectOne(`/api/v1/courses/${COURSE_ID}/attachments/${ATTACHMENT.id}`)
      .flush(new Blob([JSON.stringify(problem(404, 'attachment.not-found'))]), {
        status: 404,
        statusText: 'Not Found',
      });
    await waitFor(() => alertText() !== '');

    expect(alertText()).toContain('Không tìm thấy tệp đính kèm');
  });

  it('saves the lesson and closes with it', async () => {
    const title = element().querySelector<HTMLInputElement>('input[formControlName="title"]');
    if (title === null) throw new Error('no title field');
    title.value = 'Bài 1 (sửa)';
    title.dispatchEvent(new Event('input'));
    element().querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();

    const request = backend.expectOne({
      method: 'PATCH',
      url: `/api/v1/courses/${COURSE_ID}/lessons/${LESSON_ID}`,
    });
    expect(request.request.body).toEqual({
      title: 'Bài 1 (sửa)',
      body: '<p>Nội dung</p>',
      videoUrl: null,
      durationMinutes: 45,
    });
    request.flush(makeCourse({ modules: [makeModule({ lessons: [makeLesson({ title: 'Bài 1 (sửa)' })] })] }));
    await fixture.whenStable();

    expect(close).toHaveBeenCalledWith(expect.objectContaining({ title: 'Bài 1 (sửa)' }));
  });
});
