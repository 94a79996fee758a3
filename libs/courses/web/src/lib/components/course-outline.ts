import { ChangeDetectionStrategy, Component, Injector, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { CourseModuleResponse, CourseResponse, LessonResponse } from '@thuchoc/courses/contracts';
import { ProblemMessages } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, filter } from 'rxjs';
import { MoveDirection, movedPosition } from '../data-access/course-outline';
import { CourseEditorStore } from '../data-access/course-editor.store';
import { Notices } from '../util/notices';
import { askToConfirm } from './confirm-dialog';
import { LessonDialog, LessonDialogData } from './lesson-dialog';
import { MoveButtons } from './move-buttons';
import { TitleDialog, TitleDialogData } from './title-dialog';

interface LessonFact {
  key: string;
  params?: Record<string, unknown>;
}

/** The course's modules and their lessons: add, rename, reorder, delete, and open a lesson to edit it. */
@Component({
  selector: 'th-course-outline',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatTooltipModule,
    TranslocoPipe,
    ErrorAlert,
    MoveButtons,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './course-outline.html',
  styleUrl: './course-outline.scss',
})
export class CourseOutline {
  private readonly store = inject(CourseEditorStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly problems = inject(ProblemMessages);
  private readonly transloco = inject(TranslocoService);
  private readonly notices = inject(Notices);

  protected readonly modules = this.store.modules;
  /** True while a move or delete is on the wire, so a second click cannot race it. */
  protected readonly isBusy = signal(false);
  protected readonly actionError = signal<string | null>(null);

  protected addModule(): void {
    this.askForTitle({
      heading: 'courses.outline.addModule',
      label: 'courses.outline.moduleTitle',
      save: (title) => this.store.addModule(title),
    }).subscribe();
  }

  protected renameModule(module: CourseModuleResponse): void {
    this.askForTitle({
      heading: 'courses.outline.renameModule',
      label: 'courses.outline.moduleTitle',
      title: module.title,
      save: (title) => this.store.renameModule(module.id, title),
    }).subscribe();
  }

  protected moveModule(index: number, direction: MoveDirection): void {
    const module = this.modules()[index];
    const position = movedPosition(index, this.modules().length, direction);
    if (module === undefined || position === null) return;
    this.run(this.store.moveModule(module.id, position));
  }

  protected deleteModule(module: CourseModuleResponse): void {
    const message = this.transloco.translate('courses.outline.confirmDeleteModule', {
      title: module.title,
      count: module.lessons.length,
    });
    this.confirmThenRun(message, () => this.store.deleteModule(module.id));
  }

  /** A new lesson has only its title: its editor opens next. */
  protected addLesson(module: CourseModuleResponse): void {
    const known = new Set(module.lessons.map((lesson) => lesson.id));
    this.askForTitle({
      heading: 'courses.outline.addLesson',
      label: 'courses.outline.lessonTitle',
      save: (title) => this.store.addLesson(module.id, title),
    }).subscribe((course) => {
      const added = course.modules
        .find((candidate) => candidate.id === module.id)
        ?.lessons.find((lesson) => !known.has(lesson.id));
      if (added !== undefined) this.openLesson(added);
    });
  }

  protected moveLesson(module: CourseModuleResponse, index: number, direction: MoveDirection): void {
    const lesson = module.lessons[index];
    const position = movedPosition(index, module.lessons.length, direction);
    if (lesson === undefined || position === null) return;
    this.run(this.store.updateLesson(lesson.id, { position }));
  }

  protected deleteLesson(lesson: LessonResponse): void {
    const message = this.transloco.translate('courses.outline.confirmDeleteLesson', { title: lesson.title });
    this.confirmThenRun(message, () => this.store.deleteLesson(lesson.id));
  }

  protected openLesson(lesson: LessonResponse): void {
    this.dialog
      .open<LessonDialog, LessonDialogData, LessonResponse>(LessonDialog, {
        data: { lessonId: lesson.id },
        injector: this.injector,
        width: '800px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved !== undefined) this.notices.show('courses.lesson.saved', { title: saved.title });
      });
  }

  /** What a lesson's line says about it besides its title. */
  protected factsOf(lesson: LessonResponse): LessonFact[] {
    const facts: LessonFact[] = [];
    if (lesson.durationMinutes !== null)
      facts.push({ key: 'courses.outline.minutes', params: { count: lesson.durationMinutes } });
    if (lesson.attachments.length > 0)
      facts.push({ key: 'courses.outline.attachments', params: { count: lesson.attachments.length } });
    if (lesson.videoUrl !== null) facts.push({ key: 'courses.outline.hasVideo' });
    return facts;
  }

  /** Emits the changed course once the dialog saved; nothing when it was cancelled. */
  private askForTitle(data: TitleDialogData): Observable<CourseResponse> {
    this.actionError.set(null);
    return this.dialog
      .open<TitleDialog, TitleDialogData, CourseResponse>(TitleDialog, { data, maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((course): course is CourseResponse => course !== undefined));
  }

  private confirmThenRun(message: string, request: () => Observable<CourseResponse>): void {
    askToConfirm(this.dialog, message)
      .pipe(filter(Boolean))
      .subscribe(() => this.run(request()));
  }

  private run(request: Observable<CourseResponse>): void {
    this.isBusy.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: () => this.isBusy.set(false),
      error: (error: unknown) => {
        this.actionError.set(this.problems.describe(error).message);
        this.isBusy.set(false);
      },
    });
  }
}
