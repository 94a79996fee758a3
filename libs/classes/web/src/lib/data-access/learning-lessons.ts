import { CourseModuleResponse, LessonResponse } from '@thuchoc/courses/contracts';

/** A lesson with its module and its neighbours in course order. */
export interface LessonLocation {
  lesson: LessonResponse;
  module: CourseModuleResponse;
  previous: LessonResponse | null;
  next: LessonResponse | null;
  /** 1-based place in the whole course. */
  number: number;
  total: number;
}

const byPosition = <T extends { position: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.position - b.position);

/** Modules in course order, each with its lessons in order. */
export function orderModules(modules: readonly CourseModuleResponse[]): CourseModuleResponse[] {
  return byPosition(modules).map((module) => ({ ...module, lessons: byPosition(module.lessons) }));
}

/** Where a lesson sits in the course; previous and next cross module boundaries. Null for an unknown id. */
export function locateLesson(
  modules: readonly CourseModuleResponse[],
  lessonId: string,
): LessonLocation | null {
  const sequence = orderModules(modules).flatMap((module) =>
    module.lessons.map((lesson) => ({ module, lesson })),
  );
  const index = sequence.findIndex((entry) => entry.lesson.id === lessonId);
  if (index < 0) return null;
  return {
    lesson: sequence[index].lesson,
    module: sequence[index].module,
    previous: sequence[index - 1]?.lesson ?? null,
    next: sequence[index + 1]?.lesson ?? null,
    number: index + 1,
    total: sequence.length,
  };
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = [
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
];
const YOUTUBE_PATH_PREFIXES = ['embed', 'shorts', 'live', 'v'];

/**
 * The 11-character video id of a YouTube link (watch, youtu.be, embed, shorts,
 * live), or null for anything else. Only a validated id may ever reach an
 * embed URL, so a crafted link cannot point the player frame elsewhere.
 */
export function youtubeVideoId(link: string | null): string | null {
  if (link === null) return null;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  let candidate: string | null | undefined = null;
  if (host === 'youtu.be') {
    candidate = segments[0];
  } else if (YOUTUBE_HOSTS.includes(host)) {
    candidate =
      segments[0] === 'watch'
        ? url.searchParams.get('v')
        : YOUTUBE_PATH_PREFIXES.includes(segments[0] ?? '')
          ? segments[1]
          : null;
  }
  return candidate !== undefined && candidate !== null && YOUTUBE_ID.test(candidate) ? candidate : null;
}

/** A file size for people: "820 kB", "1,5 MB" in Vietnamese, "1.5 MB" in English. */
export function formatFileSize(bytes: number, language: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [bytes / 1_000, 'kilobyte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
