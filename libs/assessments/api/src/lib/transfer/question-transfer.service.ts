import { Injectable } from '@nestjs/common';
import {
  QUESTION_IMPORT_MAX_ERRORS,
  QUESTION_IMPORT_MAX_QUESTIONS,
  QUESTION_TYPES,
  QuestionBankLedgerType,
  questionBankChain,
  QuestionContent,
  QuestionFileFormat,
  QuestionImportResult,
  QuestionSheetFormat,
} from '@thuchoc/assessments/contracts';
import { UnreadableFileError } from '@thuchoc/classes/api';
import { Principal } from '@thuchoc/identity/api';
import { LedgerService } from '@thuchoc/integrity/api';
import { badRequest } from '@thuchoc/shared/api-core';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QuestionBankAccess } from '../access/question-bank-access';
import { zeroCounts } from '../questions/dto/question-response.dto';
import { QuestionsService } from '../questions/questions.service';
import { parseGift } from './gift-parser';
import { checkImported, ImportedQuestion } from './imported-question';
import { DownloadFile } from './question-downloads';
import { UploadedQuestionFile } from './question-import.interceptor';
import { MissingColumnsError } from './question-sheet';
import { questionTemplate, readQuestionSheet, SHEET_CONTENT_TYPES, writeQuestionSheet } from './sheet-files';

const fileProblem = (code: string, detail: string, message: string) =>
  badRequest(code, detail, [{ field: 'file', messages: [message] }]);

/**
 * Imports (XLSX, CSV, GIFT) and exports (XLSX, CSV) of a course's bank. An
 * import is all or nothing: every question is read and checked first; one bad
 * question refuses the file with every problem listed by row or question
 * number, and a good file is inserted in one transaction, recorded on the
 * ledger with the file's SHA-256.
 */
@Injectable()
export class QuestionTransferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: QuestionBankAccess,
    private readonly questions: QuestionsService,
    private readonly ledger: LedgerService,
  ) {}

  async import(
    principal: Principal,
    courseId: string,
    format: QuestionFileFormat,
    file: UploadedQuestionFile | undefined,
  ): Promise<QuestionImportResult> {
    await this.access.assert(principal, courseId, 'write');
    if (!file) {
      throw fileProblem(
        'question-import.file-missing',
        'Send the file in the multipart field "file".',
        'Chưa chọn tệp.',
      );
    }
    const items = await readImport(file.buffer, format);
    if (items.length === 0) {
      throw fileProblem('question-import.empty', 'The file holds no questions.', 'Tệp không có câu hỏi nào.');
    }
    if (items.length > QUESTION_IMPORT_MAX_QUESTIONS) {
      throw fileProblem(
        'question-import.too-many',
        `An import may hold at most ${QUESTION_IMPORT_MAX_QUESTIONS} questions; this file holds ${items.length}.`,
        `Mỗi lần nhập tối đa ${QUESTION_IMPORT_MAX_QUESTIONS} câu hỏi (tệp có ${items.length}).`,
      );
    }
    const checked = checkImported(items);
    if (checked.errors.length > 0) {
      throw badRequest(
        'question-import.invalid',
        `${checked.badQuestions} of ${items.length} questions break the rules (${checked.errors.length} problems); ` +
          'nothing was imported.',
        checked.errors.slice(0, QUESTION_IMPORT_MAX_ERRORS),
      );
    }
    const result = summarise(format, cleanFileName(file.originalname), checked.questions);
    await this.dataSource.transaction(async (tx) => {
      await this.questions.insertMany(tx, courseId, principal.userId, checked.questions);
      await this.ledger.record(tx, {
        chain: questionBankChain(courseId),
        type: QuestionBankLedgerType.QuestionsImported,
        subjectIds: { courseId },
        actorId: principal.userId,
        payload: {
          format,
          fileName: result.fileName,
          fileSha256: createHash('sha256').update(file.buffer).digest('hex'),
          imported: result.imported,
          byType: result.byType,
        },
      });
    });
    return result;
  }

  /** The course's active questions in the spreadsheet layout. */
  async export(principal: Principal, courseId: string, format: QuestionSheetFormat): Promise<DownloadFile> {
    const course = await this.access.assert(principal, courseId, 'read');
    return {
      fileName: `ngan-hang-cau-hoi-${course.code}.${format}`,
      type: SHEET_CONTENT_TYPES[format],
      bytes: await writeQuestionSheet(format, await this.questions.activeContents(courseId)),
    };
  }

  /** The layout with one example of each question type, to fill in and import. */
  async template(principal: Principal, courseId: string, format: QuestionSheetFormat): Promise<DownloadFile> {
    await this.access.assert(principal, courseId, 'read');
    return {
      fileName: `mau-nhap-cau-hoi.${format}`,
      type: SHEET_CONTENT_TYPES[format],
      bytes: await questionTemplate(format),
    };
  }
}

/** The file's questions, read but not yet checked; a file that cannot be read is a 400. */
async function readImport(bytes: Buffer, format: QuestionFileFormat): Promise<ImportedQuestion[]> {
  try {
    return format === QuestionFileFormat.Gift
      ? parseGift(decodeUtf8(bytes))
      : await readQuestionSheet(bytes, format);
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw fileProblem('question-import.unreadable', error.message, `Không đọc được tệp: ${error.message}`);
    }
    if (error instanceof MissingColumnsError) {
      throw fileProblem(
        'question-import.columns-missing',
        error.message,
        `Thiếu cột: ${error.missing.join(', ')}.`,
      );
    }
    throw error;
  }
}

/** GIFT files are UTF-8 (a BOM is dropped); anything else is refused rather than guessed. */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError('The file is not valid UTF-8 text.');
  }
}

/** The name a client sent, safe to store and show: no directory part, no control characters, NFC. */
function cleanFileName(sent: string): string {
  const name = Array.from(
    (sent.split(/[/\\]/).pop() ?? '')
      .normalize('NFC')
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .trim(),
  );
  return name.slice(0, 200).join('') || 'cau-hoi';
}

function summarise(
  format: QuestionFileFormat,
  fileName: string,
  questions: readonly QuestionContent[],
): QuestionImportResult {
  const byType = zeroCounts(QUESTION_TYPES);
  const byTopic = new Map<string, number>();
  for (const question of questions) {
    byType[question.type] += 1;
    byTopic.set(question.topic, (byTopic.get(question.topic) ?? 0) + 1);
  }
  return {
    format,
    fileName,
    imported: questions.length,
    byType,
    topics: [...byTopic].map(([topic, count]) => ({ topic, count })),
  };
}
