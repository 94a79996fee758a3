import { HttpResponse } from '@angular/common/http';
import { DOCUMENT, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import {
  ClassResponse,
  EnrollmentImportResponse,
  IMPORT_MAX_BYTES,
  ImportRowProblem,
  ImportStatus,
} from '@thuchoc/classes/contracts';
import { ProblemMessages, downloadFileName, saveBlob } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import {
  IMPORT_TEMPLATE_COLUMNS,
  IMPORT_TEMPLATE_FILE_NAME,
  importTemplateCsv,
} from '../data-access/classes-files';
import { importProgress } from '../data-access/classes-import-progress';
import { ClassImportsStore } from '../data-access/classes-imports.store';

const BYTES_PER_MB = 1024 * 1024;

/** The counts an import reports, in the order they are shown. */
const COUNTS = [
  'totalRows',
  'createdUsers',
  'enrolled',
  'waitlisted',
  'alreadyEnrolled',
  'errorCount',
] as const;

/**
 * The import tab: upload a CSV/XLSX file of learners, follow its progress,
 * read its bad rows, fetch the error report and the activation sheet.
 */
@Component({
  selector: 'th-class-import',
  imports: [
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    MatTableModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  providers: [ClassImportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-import.html',
  styleUrl: './class-import.scss',
})
export class ClassImport implements OnInit {
  private readonly problems = inject(ProblemMessages);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  readonly detail = input.required<ClassResponse>();

  protected readonly store = inject(ClassImportsStore);
  protected readonly columns = IMPORT_TEMPLATE_COLUMNS.join(', ');
  protected readonly counts = COUNTS;
  protected readonly maxMegabytes = IMPORT_MAX_BYTES / BYTES_PER_MB;
  protected readonly completed = ImportStatus.Completed;
  protected readonly failed = ImportStatus.Failed;
  protected readonly errorColumns = ['row', 'learner', 'error', 'value'];
  protected readonly historyColumns = ['file', 'createdAt', 'status', 'result', 'show'];
  protected readonly actionError = signal<string | null>(null);
  protected readonly progress = computed(() => {
    const current = this.store.current();
    return current === null ? null : importProgress(current);
  });

  ngOnInit(): void {
    this.store.load(this.detail().id);
  }

  protected downloadTemplate(): void {
    saveBlob(this.document, importTemplateCsv(), IMPORT_TEMPLATE_FILE_NAME);
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.item(0) ?? null;
    // Cleared so that choosing the same file again, once fixed, starts a new import.
    input.value = '';
    if (file === null) return;
    this.actionError.set(null);
    if (file.size > IMPORT_MAX_BYTES) {
      this.actionError.set(this.transloco.translate('classes.import.tooLarge', { max: this.maxMegabytes }));
      return;
    }
    this.store.upload(file).subscribe({
      error: (error: unknown) => this.actionError.set(this.problems.describe(error).message),
    });
  }

  protected downloadErrorReport(entry: EnrollmentImportResponse): void {
    this.download(this.store.errorReport(entry), `bao-cao-loi-${entry.id}.csv`);
  }

  protected downloadActivationSheet(entry: EnrollmentImportResponse): void {
    this.download(this.store.activationSheet(entry), `phieu-kich-hoat-${entry.id}.xlsx`);
  }

  /** A row error by its code; the server's message for a code this version does not know. */
  protected rowError(problem: ImportRowProblem): string {
    return this.translatedOr(`classes.importErrors.${problem.error}`, problem.message);
  }

  /** A whole-file failure: a known problem code is translated, anything else shown as sent. */
  protected failureText(failure: string): string {
    return this.translatedOr(`problems.${failure}`, failure);
  }

  private translatedOr(key: string, fallback: string): string {
    const isKnown = key in this.transloco.getTranslation(this.transloco.getActiveLang());
    return isKnown ? this.transloco.translate(key) : fallback;
  }

  private download(request: Observable<HttpResponse<Blob>>, fallbackName: string): void {
    this.actionError.set(null);
    request.subscribe({
      next: (response) => {
        if (response.body !== null)
          saveBlob(this.document, response.body, downloadFileName(response, fallbackName));
      },
      error: (error: unknown) => this.actionError.set(this.problems.describe(error).message),
    });
  }
}
