import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CourseAudience, CourseSummary } from '@thuchoc/courses/contracts';
import { LanguageStore } from '@thuchoc/shared/web-core';
import { firstValueFrom } from 'rxjs';
import { COURSE_ID, makeCourse, problem, provideCoursesTesting } from '../testing/make-course';
import { CoursesPage } from './courses-page';

const LIST_URL = '/api/v1/courses';

function summaryOf(): CourseSummary {
  const {
    id,
    code,
    title,
    audience,
    requiredHours,
    ownerUnitId,
    ownerUnitName,
    moduleCount,
    lessonCount,
    updatedAt,
  } = makeCourse();
  return {
    id,
    code,
    title,
    audience,
    requiredHours,
    ownerUnitId,
    ownerUnitName,
    moduleCount,
    lessonCount,
    updatedAt,
  };
}

describe(CoursesPage.name, () => {
  let fixture: ComponentFixture<CoursesPage>;
  let backend: HttpTestingController;
  let router: Router;

  const element = () => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector);
    if (input === null) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function fillCreateDialog(): Promise<HTMLElement> {
    element().querySelector<HTMLButtonElement>('.page-header button')?.click();
    await fixture.whenStable();
    const form = dialog();
    if (form === null) throw new Error('no dialog');
    type(form, 'input[formControlName="code"]', 'LLCT-DVM');
    type(form, 'input[name="title"]', 'Lý luận chính trị cho đảng viên mới');
    type(form, 'input[name="requiredHours"]', '40');
    // The first audience in the list: new party members.
    form.querySelector<HTMLElement>('mat-select')?.click();
    await fixture.whenStable();
    document.querySelector<HTMLElement>('mat-option')?.click();
    await fixture.whenStable();
    form.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    return form;
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...provideCoursesTesting(), provideRouter([])] });
    await firstValueFrom(TestBed.inject(LanguageStore).init());
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(CoursesPage);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('lists the first page of courses in a table', async () => {
    backend
      .expectOne(`${LIST_URL}?page=1&pageSize=20`)
      .flush({ items: [summaryOf()], total: 1, page: 1, pageSize: 20 });
    await fixture.whenStable();

    const table = element().querySelector('[data-testid="courses-table"]');
    expect(table?.textContent).toContain('Lý luận chính trị cho đảng viên mới');
    expect(table?.textContent).toContain('1 học phần · 1 bài học');
    expect(table?.querySelector('a')?.getAttribute('href')).toBe(`/${COURSE_ID}`);
  });

  it('asks the API for the chosen audience from the first page', async () => {
    backend.expectOne(`${LIST_URL}?page=1&pageSize=20`).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();

    element().querySelector<HTMLElement>('.filters mat-select')?.click();
    await fixture.whenStable();
    const thematic = [...document.querySelectorAll<HTMLElement>('mat-option')].find((option) =>
      option.textContent?.includes('Chuyên đề, nghị quyết'),
    );
    thematic?.click();
    await fixture.whenStable();

    backend
      .expectOne(`${LIST_URL}?audience=${CourseAudience.Thematic}&page=1&pageSize=20`)
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fixture.whenStable();
    expect(element().textContent).toContain('Không tìm thấy chương trình nào.');
  });

  it('creates a course and opens its editor', async () => {
    backend.expectOne(`${LIST_URL}?page=1&pageSize=20`).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await fillCreateDialog();

    const request = backend.expectOne({ method: 'POST', url: LIST_URL });
    expect(request.request.body).toEqual({
      code: 'LLCT-DVM',
      title: 'Lý luận chính trị cho đảng viên mới',
      audience: CourseAudience.NewPartyMembers,
      requiredHours: 40,
      description: undefined,
    });
    request.flush(makeCourse());
    await fixture.whenStable();

    expect(router.navigate).toHaveBeenCalledWith([COURSE_ID], expect.anything());
  });

  it('keeps the dialog open and says so when the code is taken', async () => {
    backend.expectOne(`${LIST_URL}?page=1&pageSize=20`).flush({ items: [], total: 0, page: 1, pageSize: 20 });
    const form = await fillCreateDialog();

    backend
      .expectOne({ method: 'POST', url: LIST_URL })
      .flush(problem(409, 'course.code-taken'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(form.querySelector('[role="alert"]')?.textContent).toContain('Mã chương trình này đã được dùng.');
    expect(router.navigate).not.toHaveBeenCalled();
  });
});
