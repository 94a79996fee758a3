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
import { LanguageStore, ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { LearnerClassStore } from '../data-access/learning-learner.store';
import { locateLesson, youtubeVideoId } from '../data-access/learning-lessons';
import { FileSizePipe } from './file-size.pipe';
import { saveBlob } from './save-blob';

/** `/learner/classes/:classId/lessons/:lessonId`: one lesson, its video and PDFs, and the way to the next. */
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
  /** The attachment being downloaded. */
  protected readonly downloadingId = signal<string | null>(null);
  protected readonly downloadError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const classId = this.classId();
      untracked(() => this.store.load(classId));
    });
    // Prev/next keep this page; bring the new lesson's title into view instead of the old scroll position.
    afterRenderEffect(() => {
      this.lessonId();
      this.heading()?.nativeElement.scrollIntoView({ block: 'start' });
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
