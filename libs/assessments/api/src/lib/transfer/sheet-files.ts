import {
  QUESTION_SHEET_HEADERS,
  QuestionContent,
  QuestionDifficulty,
  QuestionFileFormat,
  QuestionSheetFormat,
  QuestionType,
  TRUE_FALSE_OPTIONS,
} from '@thuchoc/assessments/contracts';
import { isXlsx, readRows, UnreadableFileError } from '@thuchoc/classes/api';
import { neutraliseCell, toCsv } from '@thuchoc/shared/util';
import * as ExcelJS from 'exceljs';
import { ImportedQuestion } from './imported-question';
import { mapSheetColumns, questionToRow, rowToQuestion, sheetHeader } from './question-sheet';

export const SHEET_CONTENT_TYPES: Record<QuestionSheetFormat, string> = {
  [QuestionFileFormat.Xlsx]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [QuestionFileFormat.Csv]: 'text/csv; charset=utf-8',
};

/**
 * The questions of an XLSX workbook (first sheet) or a CSV file (UTF-8 or
 * UTF-16, comma, semicolon or tab) in the layout. Throws UnreadableFileError
 * for a file that is not of its format, or MissingColumnsError.
 */
export async function readQuestionSheet(
  bytes: Buffer,
  format: QuestionSheetFormat,
): Promise<ImportedQuestion[]> {
  if (format === QuestionFileFormat.Xlsx && !isXlsx(bytes))
    throw new UnreadableFileError('The file is not an XLSX workbook.');
  if (format === QuestionFileFormat.Csv && isXlsx(bytes))
    throw new UnreadableFileError('The file is an XLSX workbook, not CSV text.');
  const [header, ...rows] = await readRows(bytes);
  if (!header) throw new UnreadableFileError('The file has no rows.');
  const columns = mapSheetColumns(header.cells);
  return rows.map((row) => rowToQuestion(row, columns));
}

/** Questions in the layout, header first; text cells are neutralised (they came from people). */
export async function writeQuestionSheet(
  format: QuestionSheetFormat,
  questions: readonly QuestionContent[],
): Promise<Buffer> {
  return writeSheet(format, questions, false);
}

/** The layout's header with one example question of each type, and (XLSX) a sheet of instructions. */
export function questionTemplate(format: QuestionSheetFormat): Promise<Buffer> {
  return writeSheet(format, TEMPLATE_EXAMPLES, true);
}

async function writeSheet(
  format: QuestionSheetFormat,
  questions: readonly QuestionContent[],
  hasInstructions: boolean,
): Promise<Buffer> {
  const rows = questions.map(questionToRow);
  if (format === QuestionFileFormat.Csv) return Buffer.from(toCsv([sheetHeader(), ...rows]), 'utf8');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ThucHoc';
  const sheet = workbook.addWorksheet('Câu hỏi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(sheetHeader()).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell))).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  }
  sheet.columns = sheetHeader().map((name) => ({ width: name === QUESTION_SHEET_HEADERS.stem ? 60 : 18 }));
  if (hasInstructions) {
    const help = workbook.addWorksheet('Hướng dẫn');
    help.columns = [{ width: 24 }, { width: 100 }];
    help.addRow(['Cột', 'Cách ghi']).font = { bold: true };
    INSTRUCTIONS.forEach((row) => (help.addRow(row).alignment = { wrapText: true, vertical: 'top' }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const H = QUESTION_SHEET_HEADERS;
const INSTRUCTIONS: [string, string][] = [
  [H.type, 'Một lựa chọn, Nhiều lựa chọn, Đúng/Sai, Trả lời ngắn hoặc Tự luận.'],
  [H.topic, 'Chủ đề của câu hỏi; đề kiểm tra rút câu hỏi theo chủ đề.'],
  [H.difficulty, 'Dễ, Trung bình hoặc Khó (hoặc 1, 2, 3).'],
  [H.title, 'Tên ngắn của câu hỏi (không bắt buộc).'],
  [H.stem, 'Nội dung câu hỏi (chữ thường, không định dạng).'],
  [
    `${H.options[0]} … ${H.options[H.options.length - 1]}`,
    'Các phương án của câu một lựa chọn và nhiều lựa chọn, điền liền từ A; để trống với các loại khác.',
  ],
  [
    H.correct,
    'Một lựa chọn: một chữ cái (B). Nhiều lựa chọn: các chữ cái (A, C). Đúng/Sai: Đúng hoặc Sai. ' +
      'Trả lời ngắn: các đáp án được chấp nhận, ngăn cách bằng dấu |. Tự luận: để trống.',
  ],
  [
    H.acceptWithoutDiacritics,
    'Chỉ với câu trả lời ngắn: Có để chấp nhận cả đáp án gõ không dấu (đ viết d). Mặc định: Không.',
  ],
  [H.points, 'Số điểm, lớn hơn 0, tối đa 100 (ví dụ 0,5). Để trống: 1 điểm.'],
  [H.explanation, 'Giải thích đáp án (không bắt buộc).'],
  ['', 'Một tệp có dòng sai sẽ không được nhập câu nào; sửa các dòng được báo lỗi rồi nhập lại.'],
];

const example = (overrides: Partial<QuestionContent> & Pick<QuestionContent, 'type' | 'stem'>) => ({
  topic: 'Ví dụ',
  difficulty: QuestionDifficulty.Easy,
  title: null,
  options: [],
  acceptedAnswers: [],
  acceptWithoutDiacritics: false,
  points: 1,
  explanation: null,
  ...overrides,
});

const TEMPLATE_EXAMPLES: QuestionContent[] = [
  example({
    type: QuestionType.SingleChoice,
    stem: 'Đảng Cộng sản Việt Nam được thành lập năm nào?',
    options: [
      { text: '1925', isCorrect: false },
      { text: '1930', isCorrect: true },
      { text: '1945', isCorrect: false },
      { text: '1954', isCorrect: false },
    ],
    explanation: 'Hội nghị hợp nhất các tổ chức cộng sản họp đầu năm 1930 tại Hương Cảng (Trung Quốc).',
  }),
  example({
    type: QuestionType.MultipleChoice,
    difficulty: QuestionDifficulty.Medium,
    stem: 'Những văn kiện nào được thông qua tại Hội nghị thành lập Đảng?',
    options: [
      { text: 'Chánh cương vắn tắt', isCorrect: true },
      { text: 'Sách lược vắn tắt', isCorrect: true },
      { text: 'Luận cương chính trị tháng 10/1930', isCorrect: false },
      { text: 'Điều lệ vắn tắt', isCorrect: true },
    ],
  }),
  example({
    type: QuestionType.TrueFalse,
    stem: 'Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập ngày 2/9/1945 tại Quảng trường Ba Đình.',
    options: [
      { text: TRUE_FALSE_OPTIONS[0], isCorrect: true },
      { text: TRUE_FALSE_OPTIONS[1], isCorrect: false },
    ],
  }),
  example({
    type: QuestionType.ShortAnswer,
    difficulty: QuestionDifficulty.Medium,
    stem: 'Ai là Tổng Bí thư đầu tiên của Đảng?',
    acceptedAnswers: ['Trần Phú', 'Đồng chí Trần Phú'],
    acceptWithoutDiacritics: true,
  }),
  example({
    type: QuestionType.Essay,
    difficulty: QuestionDifficulty.Hard,
    stem: 'Liên hệ thực tiễn việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở cơ quan, đơn vị của đồng chí.',
    points: 5,
  }),
];
