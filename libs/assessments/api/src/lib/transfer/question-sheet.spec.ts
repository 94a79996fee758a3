import {
  QUESTION_SHEET_HEADERS,
  QuestionContent,
  QuestionDifficulty,
  QuestionFileFormat,
  QuestionType,
} from '@thuchoc/assessments/contracts';
import { UnreadableFileError } from '@thuchoc/classes/api';
import * as ExcelJS from 'exceljs';
import { checkImported } from './imported-question';
import {
  mapSheetColumns,
  MissingColumnsError,
  questionToRow,
  rowToQuestion,
  sheetHeader,
} from './question-sheet';
import { questionTemplate, readQuestionSheet, writeQuestionSheet } from './sheet-files';

const H = QUESTION_SHEET_HEADERS;
const COLUMNS = mapSheetColumns(sheetHeader());

/** A data row of the layout from the cells named, the rest empty. */
function row(cells: Partial<Record<string, string>>, number = 2) {
  return { row: number, cells: sheetHeader().map((header) => cells[header] ?? '') };
}

const read = (cells: Partial<Record<string, string>>) => rowToQuestion(row(cells), COLUMNS);
const base = { [H.topic]: 'Lịch sử Đảng', [H.difficulty]: 'Dễ', [H.stem]: 'Câu hỏi?' };

function makeQuestion(overrides: Partial<QuestionContent>): QuestionContent {
  return {
    type: QuestionType.SingleChoice,
    topic: 'Lịch sử Đảng',
    difficulty: QuestionDifficulty.Medium,
    title: null,
    stem: 'Đảng ra đời năm nào?',
    options: [],
    acceptedAnswers: [],
    acceptWithoutDiacritics: false,
    points: 1,
    explanation: null,
    ...overrides,
  };
}

/** One question of each type, with text that spreadsheets and CSV like to mangle. */
const BANK: QuestionContent[] = [
  makeQuestion({
    title: 'Năm thành lập',
    stem: 'Đảng Cộng sản Việt Nam ra đời năm nào?\nChọn một phương án.',
    options: [
      { text: '1930', isCorrect: true },
      { text: '=1+1', isCorrect: false },
      { text: '-1945', isCorrect: false },
    ],
    points: 0.5,
    explanation: 'Hội nghị hợp nhất, "Hương Cảng", 1930; xem giáo trình.',
  }),
  makeQuestion({
    type: QuestionType.MultipleChoice,
    difficulty: QuestionDifficulty.Hard,
    stem: '@Những văn kiện nào, theo "Văn kiện Đảng toàn tập"?',
    options: [
      { text: 'Chánh cương vắn tắt', isCorrect: true },
      { text: 'Sách lược vắn tắt', isCorrect: true },
      { text: 'Luận cương chính trị', isCorrect: false },
    ],
  }),
  makeQuestion({
    type: QuestionType.TrueFalse,
    stem: 'Tuyên ngôn Độc lập được đọc ngày 2/9/1945.',
    options: [
      { text: 'Đúng', isCorrect: false },
      { text: 'Sai', isCorrect: true },
    ],
  }),
  makeQuestion({
    type: QuestionType.ShortAnswer,
    topic: 'Tư tưởng Hồ Chí Minh',
    stem: 'Tổng Bí thư đầu tiên của Đảng là ai?',
    acceptedAnswers: ['Trần Phú', 'Đồng chí Trần Phú, Tổng Bí thư'],
    acceptWithoutDiacritics: true,
  }),
  makeQuestion({ type: QuestionType.Essay, stem: 'Liên hệ thực tiễn.', points: 10 }),
];

describe(mapSheetColumns.name, () => {
  it('finds columns by name in any order, ignoring case, diacritics and spacing', () => {
    const columns = mapSheetColumns([
      'noi dung CAU HOI',
      'Loại câu hỏi',
      ' chủ đề ',
      'MỨC ĐỘ',
      'Đáp án đúng',
      'Phương án B',
    ]);
    expect(columns.fields).toEqual({ stem: 0, type: 1, topic: 2, difficulty: 3, correct: 4 });
    expect(columns.options.slice(0, 3)).toEqual([undefined, 5, undefined]);
  });

  it('names every missing required column', () => {
    let error: unknown;
    try {
      mapSheetColumns([H.type, H.topic, 'Ghi chú']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingColumnsError);
    expect((error as MissingColumnsError).missing).toEqual([H.difficulty, H.stem, H.correct]);
  });
});

describe(rowToQuestion.name, () => {
  it('reads a single-choice row: options up to the last filled column, correct by letter', () => {
    const { content, errors, at } = read({
      ...base,
      [H.type]: 'Một lựa chọn',
      [H.options[0]]: '1925',
      [H.options[1]]: '1930',
      [H.options[2]]: '1945',
      [H.correct]: 'b',
      [H.points]: '0,5',
      [H.title]: 'Năm',
      [H.explanation]: 'Vì…',
    });
    expect(at).toBe('rows.2');
    expect(errors).toEqual([]);
    expect(content).toEqual({
      type: QuestionType.SingleChoice,
      topic: 'Lịch sử Đảng',
      difficulty: QuestionDifficulty.Easy,
      title: 'Năm',
      stem: 'Câu hỏi?',
      options: [
        { text: '1925', isCorrect: false },
        { text: '1930', isCorrect: true },
        { text: '1945', isCorrect: false },
      ],
      acceptedAnswers: [],
      acceptWithoutDiacritics: false,
      points: 0.5,
      explanation: 'Vì…',
    });
  });

  it('reads several correct letters, type and difficulty by label, code or number', () => {
    const { content } = read({
      ...base,
      [H.type]: 'multiple-choice',
      [H.difficulty]: '3',
      [H.options[0]]: 'a',
      [H.options[1]]: 'b',
      [H.options[2]]: 'c',
      [H.correct]: 'A; C',
    });
    expect(content?.type).toBe(QuestionType.MultipleChoice);
    expect(content?.difficulty).toBe(QuestionDifficulty.Hard);
    expect(content?.options.map((option) => option.isCorrect)).toEqual([true, false, true]);
    expect(read({ ...base, [H.type]: 'NHIEU LUA CHON', [H.difficulty]: 'thông hiểu' }).content).toMatchObject(
      {
        type: QuestionType.MultipleChoice,
        difficulty: QuestionDifficulty.Medium,
      },
    );
  });

  it('builds the true/false options from the Đúng/Sai answer', () => {
    for (const [answer, isTrue] of [
      ['Đúng', true],
      ['sai', false],
      ['T', true],
      ['FALSE', false],
    ] as const) {
      const { content, errors } = read({ ...base, [H.type]: 'Đúng/Sai', [H.correct]: answer });
      expect(errors).toEqual([]);
      expect(content?.options).toEqual([
        { text: 'Đúng', isCorrect: isTrue },
        { text: 'Sai', isCorrect: !isTrue },
      ]);
    }
    expect(read({ ...base, [H.type]: 'Đúng/Sai', [H.correct]: 'Có' }).errors).toEqual([
      { field: 'rows.2.correct', messages: ['Câu Đúng/Sai ghi đáp án là Đúng hoặc Sai.'] },
    ]);
  });

  it('splits short answers at |, reads the diacritics flag, and leaves essays without answers', () => {
    const short = read({
      ...base,
      [H.type]: 'Trả lời ngắn',
      [H.correct]: 'Trần Phú | Đồng chí Trần Phú',
      [H.acceptWithoutDiacritics]: 'có',
    });
    expect(short.content).toMatchObject({
      acceptedAnswers: ['Trần Phú', 'Đồng chí Trần Phú'],
      acceptWithoutDiacritics: true,
    });
    expect(read({ ...base, [H.type]: 'Tự luận' }).content).toMatchObject({
      type: QuestionType.Essay,
      options: [],
      acceptedAnswers: [],
      points: 1,
    });
  });

  it('reports what it cannot read against the row and field', () => {
    const { content, errors } = read({ ...base, [H.type]: 'Câu đố' });
    expect(content).toBeNull();
    expect(errors.map((error) => error.field)).toEqual(['rows.2.type']);
    const bad = read({
      ...base,
      [H.type]: 'Một lựa chọn',
      [H.difficulty]: 'rất khó',
      [H.acceptWithoutDiacritics]: 'có lẽ',
      [H.options[0]]: 'a',
      [H.options[1]]: 'b',
      [H.correct]: 'C',
    });
    expect(bad.errors.map((error) => error.field)).toEqual([
      'rows.2.difficulty',
      'rows.2.acceptWithoutDiacritics',
      'rows.2.correct',
    ]);
    expect(bad.content).toBeNull();
    expect(checkImported([bad]).errors).toEqual(bad.errors);
  });

  it('hands an empty option between filled ones, and unreadable points, to the rules to name', () => {
    const { questions, errors } = checkImported([
      read({
        ...base,
        [H.type]: 'Một lựa chọn',
        [H.options[0]]: 'a',
        [H.options[2]]: 'c',
        [H.correct]: 'A',
        [H.points]: 'một',
      }),
    ]);
    expect(questions).toHaveLength(1);
    expect(errors.map((error) => error.field)).toEqual(['rows.2.points', 'rows.2.options.1.text']);
  });

  it('reads back every question questionToRow writes', () => {
    for (const question of BANK) {
      const cells = questionToRow(question).map(String);
      const { content, errors } = rowToQuestion({ row: 7, cells }, COLUMNS);
      expect(errors).toEqual([]);
      expect(content).toEqual(question);
    }
  });
});

describe('spreadsheet files', () => {
  it.each([QuestionFileFormat.Xlsx, QuestionFileFormat.Csv] as const)(
    'writes a %s file that reads back to the same questions, formulas neutralised on the way',
    async (format) => {
      const bytes = await writeQuestionSheet(format, BANK);
      const checked = checkImported(await readQuestionSheet(bytes, format));
      expect(checked.errors).toEqual([]);
      expect(checked.questions).toEqual(BANK);
      if (format === QuestionFileFormat.Csv) {
        const text = bytes.toString('utf8');
        expect(text.startsWith(`\uFEFF${H.type},${H.topic}`)).toBe(true);
        expect(text).toContain(",'=1+1,");
      }
    },
  );

  it('writes text cells of a workbook as text, never as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeQuestionSheet(QuestionFileFormat.Xlsx, BANK)) as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe(H.type);
    expect(sheet.getRow(2).getCell(7).value).toBe("'=1+1");
    expect(sheet.getRow(2).getCell(QUESTION_SHEET_HEADERS.options.length + 8).value).toBe(0.5);
  });

  it.each([QuestionFileFormat.Xlsx, QuestionFileFormat.Csv] as const)(
    'offers a %s template whose examples import as they are, one of each type',
    async (format) => {
      const checked = checkImported(await readQuestionSheet(await questionTemplate(format), format));
      expect(checked.errors).toEqual([]);
      expect(checked.questions.map((question) => question.type)).toEqual([
        QuestionType.SingleChoice,
        QuestionType.MultipleChoice,
        QuestionType.TrueFalse,
        QuestionType.ShortAnswer,
        QuestionType.Essay,
      ]);
    },
  );

  it('puts the instructions on a second sheet of the XLSX template', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await questionTemplate(QuestionFileFormat.Xlsx)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Câu hỏi', 'Hướng dẫn']);
  });

  it('refuses a file that is not of the format named, or has no rows', async () => {
    const csv = Buffer.from(`${sheetHeader().join(',')}\r\n`);
    const xlsx = await writeQuestionSheet(QuestionFileFormat.Xlsx, BANK);
    await expect(readQuestionSheet(csv, QuestionFileFormat.Xlsx)).rejects.toThrow(UnreadableFileError);
    await expect(readQuestionSheet(xlsx, QuestionFileFormat.Csv)).rejects.toThrow(UnreadableFileError);
    await expect(readQuestionSheet(Buffer.from(''), QuestionFileFormat.Csv)).rejects.toThrow(
      'The file has no rows.',
    );
    await expect(readQuestionSheet(csv, QuestionFileFormat.Csv)).resolves.toEqual([]);
  });

  it('reads a semicolon-separated CSV saved by Excel, with its columns in another order', async () => {
    const text = [
      `${H.stem};${H.type};${H.topic};${H.difficulty};${H.correct}`,
      'Ai là Tổng Bí thư đầu tiên?;Trả lời ngắn;Lịch sử;Dễ;Trần Phú',
    ].join('\r\n');
    const checked = checkImported(
      await readQuestionSheet(Buffer.from(text, 'utf16le'), QuestionFileFormat.Csv),
    );
    expect(checked.errors).toEqual([]);
    expect(checked.questions[0]).toMatchObject({
      type: QuestionType.ShortAnswer,
      acceptedAnswers: ['Trần Phú'],
      points: 1,
    });
  });
});
