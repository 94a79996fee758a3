import { HttpResponse } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import {
  QUESTION_DIFFICULTIES,
  QUESTION_TYPES,
  QuestionDifficulty,
  QuestionFileFormat,
  QuestionImportResult,
  QuestionResponse,
  QuestionSheetFormat,
  QuestionStatusFilter,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import {
  ProblemMessages,
  debouncedSearch,
  downloadFileName,
  narrowScreen,
  saveBlob,
} from '@thuchoc/shared/web-core';
import { ConfirmDialog, ConfirmDialogData, ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { QuestionHistoryDialog } from '../components/question-history-dialog';
import { QuestionImportDialog } from '../components/question-import-dialog';
import { QuestionTopicSummary } from '../components/question-topic-summary';
import { QuestionBankStore } from '../data-access/question-bank.store';
import { questionName } from '../data-access/question-text';
import { QuestionBankAccess, canEditBank } from '../question-bank-access';
import { QuestionEditorDialog, QuestionEditorData } from '../components/question-editor-dialog';

const NOTICE_DURATION_MS = 4000;
const SHEET_FORMATS: readonly QuestionSheetFormat[] = [QuestionFileFormat.Xlsx, QuestionFileFormat.Csv];
const STATUSES: readonly QuestionStatusFilter[] = Object.values(QuestionStatusFilter);

/**
 * `/<area>/courses/:courseId/questions`: a course's question bank — the topic ×
 * difficulty counts, the filtered list (cards on a phone) and, for centre
 * staff, adding, editing, archiving, restoring, importing; everyone may read
 * the version history and export.
 */
@Component({
  selector: 'th-question-bank-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    TranslocoPipe,
    ErrorAlert,
    QuestionTopicSummary,
  ],
  providers: [QuestionBankStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './question-bank-page.html',
  styleUrl: './question-bank-page.scss',
})
export class QuestionBankPage {
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly problems = inject(ProblemMessages);
  private readonly document = inject(DOCUMENT);

  /** From the route's `:courseId`. */
  readonly courseId = input.required<string>();
  /** From the route's data. */
  readonly access = input<QuestionBankAccess>('staff');

  protected readonly store = inject(QuestionBankStore);
  protected readonly canEdit = computed(() => canEditBank(this.access()));
  protected readonly isNarrow = narrowScreen();
  protected readonly search = debouncedSearch((q) => this.store.search({ ...this.store.filter(), q }));
  protected readonly types = QUESTION_TYPES;
  protected readonly difficulties = QUESTION_DIFFICULTIES;
  protected readonly statuses = STATUSES;
  protected readonly sheetFormats = SHEET_FORMATS;
  protected readonly columns = ['question', 'type', 'topic', 'difficulty', 'points', 'version', 'actions'];
  protected readonly topicNames = computed(() => (this.store.topics.value() ?? []).map((t) => t.topic));
  protected readonly isFiltered = computed(() => {
    const filter = this.store.filter();
    return (
      filter.q.trim() !== '' ||
      filter.type !== null ||
      filter.topic !== null ||
      filter.difficulty !== null ||
      filter.status !== QuestionStatusFilter.Active
    );
  });
  protected readonly actionError = signal<string | null>(null);
  protected readonly questionName = questionName;

  constructor() {
    effect(() => {
      const courseId = this.courseId();
      const withCourse = this.access() !== 'lecturer';
      untracked(() => this.store.open(courseId, { withCourse }));
    });
  }

  protected filterByType(type: QuestionType | ''): void {
    this.store.search({ ...this.store.filter(), type: type === '' ? null : type });
  }

  protected filterByTopic(topic: string | null): void {
    this.store.search({ ...this.store.filter(), topic: topic === '' ? null : topic });
  }

  protected filterByDifficulty(difficulty: QuestionDifficulty | ''): void {
    this.store.search({ ...this.store.filter(), difficulty: difficulty === '' ? null : difficulty });
  }

  protected filterByStatus(status: QuestionStatusFilter): void {
    this.store.search({ ...this.store.filter(), status });
  }

  protected changePage(event: PageEvent): void {
    this.store.goToPage(event.pageIndex, event.pageSize);
  }

  protected openEditor(question: QuestionResponse | null): void {
    const filterTopic = this.store.filter().topic;
    this.dialog
      .open<QuestionEditorDialog, QuestionEditorData, QuestionResponse>(QuestionEditorDialog, {
        injector: this.injector,
        data: { question, topics: this.topicNames(), defaultTopic: filterTopic ?? undefined },
        width: '760px',
        maxWidth: '100vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved === undefined) return;
        if (question === null) this.notify('questionBank.notices.created');
        else this.notify('questionBank.notices.saved', { version: saved.version });
      });
  }

  protected openHistory(question: QuestionResponse): void {
    this.dialog.open(QuestionHistoryDialog, {
      injector: this.injector,
      data: question,
      width: '760px',
      maxWidth: '100vw',
    });
  }

  protected openImport(): void {
    this.dialog
      .open<QuestionImportDialog, undefined, QuestionImportResult>(QuestionImportDialog, {
        injector: this.injector,
        width: '720px',
        maxWidth: '100vw',
      })
      .afterClosed()
      .subscribe();
  }

  protected archive(question: QuestionResponse): void {
    this.confirmThen(
      'questionBank.archiveConfirm',
      'questionBank.actions.archive',
      question,
      () => this.store.archive(question),
      'questionBank.notices.archived',
    );
  }

  protected restore(question: QuestionResponse): void {
    this.confirmThen(
      'questionBank.restoreConfirm',
      'questionBank.actions.restore',
      question,
      () => this.store.restore(question),
      'questionBank.notices.restored',
    );
  }

  protected download(format: QuestionSheetFormat): void {
    this.actionError.set(null);
    const course = this.store.course.value();
    const fallback = `ngan-hang-cau-hoi-${course?.code ?? this.courseId()}.${format}`;
    this.store.export(format).subscribe({
      next: (response: HttpResponse<Blob>) => {
        if (response.body !== null)
          saveBlob(this.document, response.body, downloadFileName(response, fallback));
      },
      error: (error: unknown) => this.actionError.set(this.problems.describe(error).message),
    });
  }

  private confirmThen(
    messageKey: string,
    confirmLabel: string,
    question: QuestionResponse,
    action: () => Observable<QuestionResponse>,
    noticeKey: string,
  ): void {
    const data: ConfirmDialogData = {
      message: this.transloco.translate(messageKey, { name: questionName(question) }),
      confirmLabel,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((isConfirmed) => {
        if (isConfirmed !== true) return;
        this.actionError.set(null);
        action().subscribe({
          next: () => this.notify(noticeKey),
          error: (error: unknown) => this.actionError.set(this.problems.describe(error).message),
        });
      });
  }

  private notify(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: NOTICE_DURATION_MS });
  }
}
