import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { LessonAttachment } from '@thuchoc/courses/contracts';
import { LanguageStore, ProblemMessages, activityHeartbeat } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LearnerClassStore } from '../data-access/learning-learner.store';
import { locateLesson, youtubeVideoId } from '../data-access/learning-lessons';
import { FileSizePipe } from './file-size.pipe';
import { saveBlob } from './save-blob';

/**
 * Time on a lesson counts like presence in a live session (attendance's
 * HEARTBEAT_INTERVAL_SECONDS and IDLE_CUTOFF_SECONDS): classes cannot import
 * attendance, which comes after it, so the numbers are repeated here.
 */
export const LESSON_HEARTBEAT_INTERVAL_MS = 20_000;
export const LESSON_IDLE_CUTOFF_MS = 300_000;

/**
 * `/learner/classes/:classId/lessons/:lessonId`: one lesson, its video and
 * PDFs, and the way to the next. While it is on screen and in use, heartbeats
 * record the time spent on it.
 */
@Component({
  selector: 'th-lesson-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    ErrorAlert,
    FileSizePipe,
  ],
  providers: [LearnerClassStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lesson-page.html',
  styleUrl: './lesson-page.scss',
})
export class LessonPage {
  private readonly document = inject(DOCUMENT);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly problems = inject(ProblemMessages);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  /** From the route. */
  readonly classId = input.required<string>();
  /** From the route. */
  readonly lessonId = input.required<string>();

  protected readonly store = inject(LearnerClassStore);
  protected readonly language = inject(LanguageStore).language;
  protected readonly location = computed(() => locateLesson(this.store.modules(), this.lessonId()));
  /**
   * The privacy-enhanced YouTube player for a YouTube video. Trusted only
   * because the URL is a constant plus an id that matched [A-Za-z0-9_-]{11}.
   */
  protected readonly embedUrl = computed(() => {
    const videoId = youtubeVideoId(this.location()?.lesson.videoUrl ?? null);
    return videoId === null
      ? null
      : this.sanitizer.bypassSecurityTrustResourceUrl(`https://www.youtube-nocookie.com/embed/${videoId}`);
  });
  /** The verified time on a lesson, as the last heartbeat's answer gave it. */
  private readonly recorded = signal<{ lessonId: string; seconds: number } | null>(null);
  protected readonly recordedMinutes = computed(() => {
    const recorded = this.recorded();
    return recorded?.lessonId === this.lessonId() ? Math.floor(recorded.seconds / 60) : null;
  });
  /** The attachment being downloaded. */
  protected readonly downloadingId = signal<string | null>(null);
  protected readonly downloadError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const classId = this.classId();
      untracked(() => this.store.load(classId));
    });
    activityHeartbeat({
      intervalMs: LESSON_HEARTBEAT_INTERVAL_MS,
      idleCutoffMs: LESSON_IDLE_CUTOFF_MS,
      isEnabled: computed(() => this.location() !== null),
      beat: () => this.beat(),
    });
    // Prev/next keep this page; bring the new lesson's title into view instead of the old scroll position.
    afterRenderEffect(() => {
      this.lessonId();
      this.heading()?.nativeElement.scrollIntoView({ block: 'start' });
    });
  }

  /** Best effort: a lost beat only means a little less time recorded, so failures stay quiet. */
  private beat(): void {
    const lessonId = this.lessonId();
    this.store.lessonHeartbeat(lessonId).subscribe({
      next: (answer) => this.recorded.set({ lessonId, seconds: answer.seconds }),
      error: () => undefined,
    });
  }

  protected download(attachment: LessonAttachment): void {
    this.downloadingId.set(attachment.id);
    this.downloadError.set(null);
    this.store.attachment(this.classId(), attachment.id).subscribe({
      next: (blob) => {
        saveBlob(this.document, blob, attachment.fileName);
        this.downloadingId.set(null);
      },
      error: (error: unknown) => {
        this.downloadError.set(this.problems.describe(error).message);
        this.downloadingId.set(null);
      },
    });
  }
}
