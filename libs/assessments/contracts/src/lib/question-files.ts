import { QuestionDifficulty, QuestionType } from './questions';

export enum QuestionFileFormat {
  Xlsx = 'xlsx',
  Csv = 'csv',
  /** Moodle's GIFT text format (import only). */
  Gift = 'gift',
}

/** The formats of the spreadsheet layout: export, template and import. */
export type QuestionSheetFormat = QuestionFileFormat.Xlsx | QuestionFileFormat.Csv;

/** An import file is refused with 413 above this size. */
export const QUESTION_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Questions one import may hold; it is checked and written in one request, all or nothing. */
export const QUESTION_IMPORT_MAX_QUESTIONS = 2000;
/** How many problems a refused import lists; its `detail` gives the total. */
export const QUESTION_IMPORT_MAX_ERRORS = 200;

/** Topic of GIFT questions that come before any `$CATEGORY:` line. */
export const GIFT_DEFAULT_TOPIC = 'Chung';

/** One letter per option column, `Phương án A` … `Phương án J`. */
export const QUESTION_SHEET_OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] as const;

/**
 * The spreadsheet layout (XLSX and CSV alike): one header row with these
 * names, in this order, then one question per row. On import the columns are
 * found by name (case, diacritics and spacing ignored), so their order may differ.
 *
 * - `Loại câu hỏi`: a label of QUESTION_TYPE_LABELS (or the type's code).
 * - `Mức độ`: a label of QUESTION_DIFFICULTY_LABELS, 1–3, or the code.
 * - `Phương án A…J`: options of choice types, left to right; empty cells are skipped.
 * - `Đáp án đúng`: the correct letters (`B`, or `A, C`) for choice types;
 *   `Đúng` or `Sai` for true/false; the accepted answers separated by `|`
 *   for short answer; empty for essays.
 * - `Chấp nhận không dấu`: `Có` / `Không` (empty = Không), short answer only.
 * - `Điểm`: positive, decimal comma or point; empty = 1.
 * - `Tiêu đề`, `Giải thích`: optional.
 */
export const QUESTION_SHEET_HEADERS = {
  type: 'Loại câu hỏi',
  topic: 'Chủ đề',
  difficulty: 'Mức độ',
  title: 'Tiêu đề',
  stem: 'Nội dung câu hỏi',
  options: QUESTION_SHEET_OPTION_LETTERS.map((letter) => `Phương án ${letter}`),
  correct: 'Đáp án đúng',
  acceptWithoutDiacritics: 'Chấp nhận không dấu',
  points: 'Điểm',
  explanation: 'Giải thích',
} as const;

/** Separates a short-answer question's accepted answers in the `Đáp án đúng` cell. */
export const SHORT_ANSWER_SEPARATOR = '|';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  [QuestionType.SingleChoice]: 'Một lựa chọn',
  [QuestionType.MultipleChoice]: 'Nhiều lựa chọn',
  [QuestionType.TrueFalse]: 'Đúng/Sai',
  [QuestionType.ShortAnswer]: 'Trả lời ngắn',
  [QuestionType.Essay]: 'Tự luận',
};

export const QUESTION_DIFFICULTY_LABELS: Record<QuestionDifficulty, string> = {
  [QuestionDifficulty.Easy]: 'Dễ',
  [QuestionDifficulty.Medium]: 'Trung bình',
  [QuestionDifficulty.Hard]: 'Khó',
};

/** The multipart fields of an import besides the `file` part. */
export interface ImportQuestionsRequest {
  format: QuestionFileFormat;
}

/** A good file's questions were all inserted in one transaction. */
export interface QuestionImportResult {
  format: QuestionFileFormat;
  fileName: string;
  imported: number;
  byType: Record<QuestionType, number>;
  /** Imported questions per topic, by topic name. */
  topics: { topic: string; count: number }[];
}

export interface QuestionExportQuery {
  /** Defaults to xlsx. */
  format?: QuestionSheetFormat;
}
