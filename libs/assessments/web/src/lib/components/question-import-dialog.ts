import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import {
  QUESTION_IMPORT_MAX_BYTES,
  QUESTION_IMPORT_MAX_ERRORS,
  QUESTION_TYPES,
  QuestionFileFormat,
  QuestionImportResult,
  QuestionSheetFormat,
} from '@thuchoc/assessments/contracts';
import { ProblemMessages, downloadFileName, saveBlob } from '@thuchoc/shared/web-core';
import { ErrorAlert } from '@thuchoc/shared/web-ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ImportProblem, importProblems } from '../data-access/import-problems';
import { QuestionBankStore } from '../data-access/question-bank.store';

const BYTES_PER_MB = 1024 * 1024;
const FORMATS: readonly QuestionFileFormat[] = Object.values(QuestionFileFormat);
/** What the file picker offers for each format. */
const ACCEPT: Readonly<Record<QuestionFileFormat, string>> = {
  [QuestionFileFormat.Xlsx]: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [QuestionFileFormat.Csv]: '.csv,text/csv',
  [QuestionFileFormat.Gift]: '.gift,.txt,text/plain',
};

/**
 * Imports a file of questions, all or nothing: on success the counts by type
 * and topic; on refusal every problem by sheet row or GIFT question number,
 * with nothing imported. The template of the spreadsheet formats is here too.
 */
@Component({
  selector: 'th-question-import-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
    ErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './question-import-dialog.html',
  styleUrl: './question-import-dialog.scss',
})
export class QuestionImportDialog {
  private readonly store = inject(QuestionBankStore);
  private readonly problemMessages = inject(ProblemMessages);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  protected readonly formats = FORMATS;
  protected readonly types = QUESTION_TYPES;
  protected readonly format = signal<QuestionFileFormat>(QuestionFileFormat.Xlsx);
  protected readonly accept = computed(() => ACCEPT[this.format()]);
  protected readonly isSheet = computed(() => this.format() !== QuestionFileFormat.Gift);
  protected readonly file = signal<File | null>(null);
  protected readonly isUploading = signal(false);
  protected readonly result = signal<QuestionImportResult | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly problems = signal<ImportProblem[]>([]);
  /** The API lists at most this many problems; the file may hold more. */
  protected readonly hasMoreProblems = computed(() => this.problems().length >= QUESTION_IMPORT_MAX_ERRORS);

  protected chooseFormat(format: QuestionFileFormat): void {
    this.format.set(format);
    this.file.set(null);
    this.clearOutcome();
  }

  protected pick(input: HTMLInputElement): void {
    const file = input.files?.item(0) ?? null;
    // Cleared so that choosing the same file again, once fixed, is noticed.
    input.value = '';
    this.clearOutcome();
    if (file === null) return;
    if (file.size > QUESTION_IMPORT_MAX_BYTES) {
      this.file.set(null);
      this.error.set(
        this.transloco.translate('questionBank.import.tooLarge', {
          max: QUESTION_IMPORT_MAX_BYTES / BYTES_PER_MB,
        }),
      );
      return;
    }
    this.file.set(file);
  }

  protected upload(): void {
    const file = this.file();
    if (file === null || this.isUploading()) return;
    this.clearOutcome();
    this.isUploading.set(true);
    this.store.import(this.format(), file).subscribe({
      next: (result) => {
        this.result.set(result);
        this.file.set(null);
        this.isUploading.set(false);
      },
      error: (error: unknown) => {
        this.error.set(this.problemMessages.describe(error).message);
        this.problems.set(importProblems(error));
        this.isUploading.set(false);
      },
    });
  }

  protected downloadTemplate(): void {
    const format = this.format() as QuestionSheetFormat;
    this.store.template(format).subscribe({
      next: (response) => {
        if (response.body !== null)
          saveBlob(
            this.document,
            response.body,
            downloadFileName(response, `mau-ngan-hang-cau-hoi.${format}`),
          );
      },
      error: (error: unknown) => this.error.set(this.problemMessages.describe(error).message),
    });
  }

  /** A field's name in the reader's language; a field this version does not know, as the API named it. */
  protected fieldLabel(field: string): string {
    const key = `questionBank.fields.${field}`;
    const isKnown = key in this.transloco.getTranslation(this.transloco.getActiveLang());
    return isKnown ? this.transloco.translate(key) : field;
  }

  private clearOutcome(): void {
    this.result.set(null);
    this.error.set(null);
    this.problems.set([]);
  }
}
