import { CourseModuleResponse, LessonResponse } from '@thuchoc/courses/contracts';
import { movedPosition, sortedOutline } from './course-outline';

function makeLesson(overrides: Partial<LessonResponse>): LessonResponse {
  return {
    id: 'lesson',
    moduleId: 'module',
    title: 'Bài học',
    position: 1,
    body: '',
    videoUrl: null,
    durationMinutes: null,
    attachments: [],
    ...overrides,
  };
}

describe('movedPosition', () => {
  it('gives the 1-based position one step up or down', () => {
    expect(movedPosition(1, 3, 'up')).toBe(1);
    expect(movedPosition(1, 3, 'down')).toBe(3);
  });

  it('gives null at either end of the list', () => {
    expect(movedPosition(0, 3, 'up')).toBeNull();
    expect(movedPosition(2, 3, 'down')).toBeNull();
  });
});

describe('sortedOutline', () => {
  it('orders modules and the lessons of each by position, without touching its input', () => {
    const modules: CourseModuleResponse[] = [
      {
        id: 'b',
        title: 'Học phần II',
        position: 2,
        lessons: [makeLesson({ id: 'b2', position: 2 }), makeLesson({ id: 'b1', position: 1 })],
      },
      { id: 'a', title: 'Học phần I', position: 1, lessons: [] },
    ];

    const sorted = sortedOutline(modules);

    expect(sorted.map((module) => module.id)).toEqual(['a', 'b']);
    expect(sorted[1].lessons.map((lesson) => lesson.id)).toEqual(['b1', 'b2']);
    expect(modules[0].lessons[0].id).toBe('b2');
  });
});
