import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LessonAttachment, LessonResponse, PDF_ATTACHMENT_MAX_BYTES } from '@thuchoc/courses/contracts';
import { FormSubmission, ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert, FieldErrorPipe } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { filter, switchMap } from 'rxjs';
import { CourseEditorStore } from '../data-access/course-editor.store';
import { LESSON_MINUTES_MAX, TITLE_MAX_LENGTH } from '../data-access/course-limits';
import { attachmentProblem, formatFileSize } from '../data-access/file-size';
import { saveBlob } from '../data-access/save-file';
import { Notices } from '../util/notices';
import { wholeNumber } from '../util/whole-number.validator';
import { askToConfirm } from './confirm-dialog';
import { RichTextEditor } from './rich-text-editor';

export interface LessonDialogData {
  lessonId: string;
}

const VIDEO_URL = /^https?:\/\/\S+$/i;

/**
 * A lesson's editor: title, formatted text, video link and duration, saved
 * together; its PDF attachments, each uploaded or deleted at once.
 * Closes with the saved lesson.
 */
@Component({
  selector: 'th-lesson-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    ErrorAlert,
    FieldErrorPipe,
    RichTextEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lesson-dialog.html',
  styleUrl: './lesson-dialog.scss',
})
export class LessonDialog {
  private readonly store = inject(CourseEditorStore);
  private readonly dialog = inject(MatDialog);
  private readonly dialogRef = inject<MatDialogRef<LessonDialog, LessonResponse>>(MatDialogRef);
  private readonly problems = inject(ProblemMessages);
  private readonly transloco = inject(TranslocoService);
  private readonly notices = inject(Notices);
  private readonly document = inject(DOCUMENT);
  private readonly lessonId = inject<LessonDialogData>(MAT_DIALOG_DATA).lessonId;

  /** The lesson as the server last answered: attachments change while the dialog is open. */
  protected readonly lesson = computed(() => this.store.lesson(this.lessonId));
  protected readonly maxSize = formatFileSize(PDF_ATTACHMENT_MAX_BYTES, this.transloco.getActiveLang());
  protected readonly uploadingName = signal<string | null>(null);
  protected readonly attachmentError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.lesson()?.title ?? '', [Validators.required, Validators.maxLength(TITLE_MAX_LENGTH)]],
    body: [this.lesson()?.body ?? ''],
    videoUrl: [this.lesson()?.videoUrl ?? '', Validators.pattern(VIDEO_URL)],
    durationMinutes: [
      this.lesson()?.durationMinutes ?? (null as number | null),
      [Validators.min(1), Validators.max(LESSON_MINUTES_MAX), wholeNumber],
    ],
  });
  protected readonly submission = new FormSubmission(this.form);

  protected submit(): void {
    this.submission.submit(
      () => {
        const value = this.form.getRawValue();
        return this.store.updateLesson(this.lessonId, {
          title: value.title.trim(),
          body: value.body,
          videoUrl: value.videoUrl.trim() || null,
          durationMinutes: value.durationMinutes,
        });
      },
      () => this.dialogRef.close(this.lesson() ?? undefined),
    );
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    // Cleared so choosing the same file again after an error still fires a change.
    input.value = '';
    if (file === null) return;
    this.attachmentError.set(null);
    const problem = attachmentProblem(file);
    if (problem !== null) {
      this.attachmentError.set(this.transloco.translate(`problems.${problem}`));
      return;
    }
    this.uploadingName.set(file.name);
    this.store.uploadAttachment(this.lessonId, file).subscribe({
      next: () => {
        this.uploadingName.set(null);
        this.notices.show('courses.lesson.uploaded', { name: file.name });
      },
      error: (error: unknown) => {
        this.uploadingName.set(null);
        this.attachmentError.set(this.problems.describe(error).message);
      },
    });
  }

  protected download(attachment: LessonAttachment): void {
    this.attachmentError.set(null);
    this.store.downloadAttachment(attachment).subscribe({
      next: (blob) => saveBlob(this.document, blob, attachment.fileName),
      error: (error: unknown) => this.attachmentError.set(this.problems.describe(error).message),
    });
  }

  protected remove(attachment: LessonAttachment): void {
    this.attachmentError.set(null);
    const message = this.transloco.translate('courses.lesson.confirmDeleteAttachment', {
      name: attachment.fileName,
    });
    askToConfirm(this.dialog, message)
      .pipe(
        filter(Boolean),
        switchMap(() => this.store.deleteAttachment(attachment)),
      )
      .subscribe({
        error: (error: unknown) => this.attachmentError.set(this.problems.describe(error).message),
      });
  }

  protected sizeOf(attachment: LessonAttachment): string {
    return formatFileSize(attachment.sizeBytes, this.transloco.getActiveLang());
  }
}
