import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { GradeComponent } from '@thuchoc/courses/contracts';
import { COURSE_ID, makeCourse, provideCoursesTesting } from '../testing/make-course';
import { CourseEditorStore } from '../data-access/course-editor.store';
import { GradingSchemeForm } from './grading-scheme-form';

describe(GradingSchemeForm.name, () => {
  let fixture: ComponentFixture<GradingSchemeForm>;
  let backend: HttpTestingController;

  const element = () => fixture.nativeElement as HTMLElement;
  const weightInput = (component: GradeComponent) =>
    element().querySelector<HTMLInputElement>(`input[name="${component}"]`) as HTMLInputElement;
  const total = () => element().querySelector('[data-testid="scheme-total"]')?.textContent ?? '';
  const saveButton = () =>
    element().querySelector<HTMLButtonElement>('button[type="submit"]') as HTMLButtonElement;

  async function typeWeight(component: GradeComponent, value: string): Promise<void> {
    const input = weightInput(component);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...provideCoursesTesting(), CourseEditorStore] });
    backend = TestBed.inject(HttpTestingController);
    const course = makeCourse();
    TestBed.inject(CourseEditorStore).course.set(course);
    fixture = TestBed.createComponent(GradingSchemeForm);
    fixture.componentRef.setInput('course', course);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('shows the stored weights and their total', () => {
    expect(weightInput(GradeComponent.Attendance).value).toBe('10');
    expect(weightInput(GradeComponent.Final).value).toBe('50');
    expect(total()).toContain('Tổng tỷ trọng: 100%');
    expect(total()).toContain('Tổng tỷ trọng đã đủ 100%.');
    expect(saveButton().disabled).toBe(false);
  });

  it('updates the total as weights are typed and refuses to save until it is 100', async () => {
    await typeWeight(GradeComponent.Final, '40');

    expect(total()).toContain('Tổng tỷ trọng: 90%');
    expect(total()).toContain('còn thiếu 10%');
    expect(saveButton().disabled).toBe(true);

    await typeWeight(GradeComponent.Attendance, '30');

    expect(total()).toContain('Tổng tỷ trọng: 110%');
    expect(total()).toContain('đang thừa 10%');
    expect(saveButton().disabled).toBe(true);
  });

  it('saves a scheme that sums to 100', async () => {
    await typeWeight(GradeComponent.Final, '40');
    await typeWeight(GradeComponent.Participation, '30');
    expect(saveButton().disabled).toBe(false);

    saveButton().click();
    await fixture.whenStable();

    const request = backend.expectOne({ method: 'PATCH', url: `/api/v1/courses/${COURSE_ID}` });
    expect(request.request.body).toEqual({
      gradingScheme: {
        components: [
          { component: GradeComponent.Attendance, weight: 10 },
          { component: GradeComponent.Participation, weight: 30 },
          { component: GradeComponent.Quizzes, weight: 20 },
          { component: GradeComponent.Final, weight: 40 },
        ],
      },
    });
  });
});
