import { makeLesson, makeModule } from '../learning/testing/learning-factories';
import { formatFileSize, locateLesson, orderModules, youtubeVideoId } from './learning-lessons';

// Given out of order on purpose: the course order is by position.
const MODULES = [
  makeModule({
    id: 'm2',
    position: 2,
    lessons: [makeLesson({ id: 'b2', position: 2 }), makeLesson({ id: 'b1', position: 1 })],
  }),
  makeModule({
    id: 'm1',
    position: 1,
    lessons: [makeLesson({ id: 'a1', position: 1 }), makeLesson({ id: 'a2', position: 2 })],
  }),
  makeModule({ id: 'm3', position: 3, lessons: [] }),
];

describe('learning lessons', () => {
  it('orders modules and their lessons by position', () => {
    expect(orderModules(MODULES).map((module) => [module.id, module.lessons.map((l) => l.id)])).toEqual([
      ['m1', ['a1', 'a2']],
      ['m2', ['b1', 'b2']],
      ['m3', []],
    ]);
  });

  it('finds previous and next lessons across module boundaries', () => {
    const last = locateLesson(MODULES, 'a2');
    expect(last).toMatchObject({ number: 2, total: 4, module: { id: 'm1' } });
    expect(last?.previous?.id).toBe('a1');
    expect(last?.next?.id).toBe('b1');

    const first = locateLesson(MODULES, 'b1');
    expect(first?.previous?.id).toBe('a2');
    expect(first?.next?.id).toBe('b2');
  });

  it('has no previous lesson at the start and no next one at the end', () => {
    expect(locateLesson(MODULES, 'a1')?.previous).toBeNull();
    expect(locateLesson(MODULES, 'b2')?.next).toBeNull();
  });

  it('does not find a lesson of another course', () => {
    expect(locateLesson(MODULES, 'elsewhere')).toBeNull();
    expect(locateLesson([], 'a1')).toBeNull();
  });

  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ?feature=shared', 'dQw4w9WgXcQ'],
    ['  https://youtu.be/a_b-c1234XY  ', 'a_b-c1234XY'],
  ])('reads the video id of %s', (link, id) => {
    expect(youtubeVideoId(link)).toBe(id);
  });

  it.each([
    ['a video elsewhere', 'https://vimeo.com/123456789'],
    ['a lookalike host', 'https://youtube.com.example.org/watch?v=dQw4w9WgXcQ'],
    ['a lookalike short host', 'https://notyoutu.be/dQw4w9WgXcQ'],
    ['an id too short', 'https://youtu.be/dQw4w9WgXc'],
    ['an id too long', 'https://www.youtube.com/watch?v=dQw4w9WgXcQQ'],
    ['an id with foreign characters', 'https://www.youtube.com/watch?v=dQw4w9W%22cQ'],
    ['an id carrying a path', 'https://www.youtube.com/embed/dQw4w9W/../x'],
    ['a channel page', 'https://www.youtube.com/@kenhtruyenhinh'],
    ['a watch link without id', 'https://www.youtube.com/watch'],
    ['a script link', 'javascript:alert(1)//youtu.be/dQw4w9WgXcQ'],
    ['another scheme', 'ftp://youtu.be/dQw4w9WgXcQ'],
    ['not a link', 'xem video trên YouTube'],
  ])('finds no video id in %s', (_case, link) => {
    expect(youtubeVideoId(link)).toBeNull();
  });

  it('finds no video id without a link', () => {
    expect(youtubeVideoId(null)).toBeNull();
  });

  it('writes file sizes the way each language does', () => {
    expect(formatFileSize(1_500_000, 'vi')).toMatch(/^1,5\sMB$/);
    expect(formatFileSize(1_500_000, 'en')).toMatch(/^1\.5\sMB$/);
    expect(formatFileSize(820_000, 'en')).toMatch(/^820\skB$/);
    expect(formatFileSize(12_400_000, 'en')).toMatch(/^12\sMB$/);
  });
});
