import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import { CourseEditorStore } from '../data-access/course-editor.store';
import {
  COURSE_ID,
  makeCourse,
  makeLesson,
  makeModule,
  problem,
  provideCoursesTesting,
} from '../testing/make-course';
import { CourseOutline } from './course-outline';

const COURSE_URL = `/api/v1/courses/${COURSE_ID}`;

describe(CourseOutline.name, () => {
  let fixture: ComponentFixture<CourseOutline>;
  let backend: HttpTestingController;

  const element = () => fixture.nativeElement as HTMLElement;
  const modules = () => [...element().querySelectorAll<HTMLElement>('[data-testid="module"]')];
  const buttonIn = (root: HTMLElement, label: string) => {
    const button = root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
    if (button === null) throw new Error(`no button ${label}`);
    return button;
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...provideCoursesTesting(), CourseEditorStore] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    backend = TestBed.inject(HttpTestingController);
    // Sent out of order: the outline shows them by position.
    TestBed.inject(CourseEditorStore).course.set(
      makeCourse({
        modules: [
          makeModule({ id: 'module-2', title: 'Tư tưởng Hồ Chí Minh', position: 2, lessons: [] }),
          makeModule({
            lessons: [
              makeLesson({ id: 'lesson-2', title: 'Chủ nghĩa duy vật lịch sử', position: 2 }),
              makeLesson({ id: 'lesson-1', title: 'Chủ nghĩa duy vật biện chứng', position: 1 }),
            ],
          }),
        ],
      }),
    );
    fixture = TestBed.createComponent(CourseOutline);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('numbers modules and lessons in position order, and cannot move the ends further', () => {
    const [first, second] = modules();
    expect(first.textContent).toContain('Học phần 1');
    expect(first.textContent).toContain('Học phần I');
    expect(second.textContent).toContain('Học phần 2');
    expect(second.textContent).toContain('Học phần này chưa có bài học nào.');
    expect(first.querySelector('[data-testid="lesson"]')?.textContent).toContain(
      'Bài 1. Chủ nghĩa duy vật biện chứng',
    );
    expect(buttonIn(first, 'Chuyển lên').disabled).toBe(true);
    expect(buttonIn(second, 'Chuyển xuống').disabled).toBe(true);
  });

  it('moves a module down by asking for its next 1-based position', async () => {
    buttonIn(modules()[0], 'Chuyển xuống').click();
    await fixture.whenStable();

    const request = backend.expectOne({ method: 'PATCH', url: `${COURSE_URL}/modules/module-1` });
    expect(request.request.body).toEqual({ position: 2 });
  });

  it('deletes a lesson only once the user confirms, and shows a refusal translated', async () => {
    const lesson = modules()[0].querySelector<HTMLElement>('[data-testid="lesson"]') as HTMLElement;
    buttonIn(lesson, 'Xoá bài học').click();
    await fixture.whenStable();
    const confirm = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(confirm?.textContent).toContain(
      'Xoá bài học “Chủ nghĩa duy vật biện chứng” cùng các tệp đính kèm?',
    );
    backend.expectNone(`${COURSE_URL}/lessons/lesson-1`);

    const confirmButton = [...(confirm?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent?.trim() === 'Xoá',
    );
    confirmButton?.click();
    await fixture.whenStable();

    backend
      .expectOne({ method: 'DELETE', url: `${COURSE_URL}/lessons/lesson-1` })
      .flush(problem(404, 'lesson.not-found'), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Không tìm thấy bài học này');
  });
});
