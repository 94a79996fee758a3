import {
  DEFAULT_QUESTION_POINTS,
  QUESTION_DIFFICULTY_LABELS,
  QUESTION_SHEET_HEADERS,
  QUESTION_SHEET_OPTION_LETTERS,
  QUESTION_TYPE_LABELS,
  QuestionContent,
  QuestionDifficulty,
  QuestionOption,
  QuestionType,
  SHORT_ANSWER_SEPARATOR,
  TRUE_FALSE_OPTIONS,
} from '@thuchoc/assessments/contracts';
import type { FileRow } from '@thuchoc/classes/api';
import type { FieldError } from '@thuchoc/shared/contracts';
import { foldVietnamese, restoreNeutralisedCell } from '@thuchoc/shared/util';
import { ImportedQuestion } from './imported-question';

type SheetField = Exclude<keyof typeof QUESTION_SHEET_HEADERS, 'options'>;

/** Where each field's column is: an index into a row's cells. */
export interface SheetColumns {
  fields: Partial<Record<SheetField, number>>;
  /** One entry per option letter, A first. */
  options: (number | undefined)[];
}

const REQUIRED_FIELDS: readonly SheetField[] = ['type', 'topic', 'difficulty', 'stem', 'correct'];
const SHEET_FIELDS = Object.keys(QUESTION_SHEET_HEADERS).filter(
  (field): field is SheetField => field !== 'options',
);

export class MissingColumnsError extends Error {
  constructor(readonly missing: string[]) {
    super(`The header row lacks: ${missing.join(', ')}.`);
  }
}

/** Header names and cell values compared folded: no case, diacritics, spaces or punctuation. */
const fold = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]/g, '');

/** Finds the layout's columns by header name; a missing required column throws MissingColumnsError. */
export function mapSheetColumns(header: readonly string[]): SheetColumns {
  const indexOf = new Map<string, number>();
  header.forEach((name, index) => {
    if (!indexOf.has(fold(name))) indexOf.set(fold(name), index);
  });
  const fields: SheetColumns['fields'] = {};
  for (const field of SHEET_FIELDS) {
    // The Vietnamese header, or the field's code (`stem`, `points`…).
    const index = indexOf.get(fold(QUESTION_SHEET_HEADERS[field])) ?? indexOf.get(fold(field));
    if (index !== undefined) fields[field] = index;
  }
  const missing = REQUIRED_FIELDS.filter((field) => fields[field] === undefined);
  if (missing.length > 0)
    throw new MissingColumnsError(missing.map((field) => QUESTION_SHEET_HEADERS[field]));
  return { fields, options: QUESTION_SHEET_HEADERS.options.map((label) => indexOf.get(fold(label))) };
}

/** Words each label may be written as, folded: the label, its code, and a few common variants. */
const TYPE_WORDS: Record<QuestionType, readonly string[]> = {
  [QuestionType.SingleChoice]: ['motdapan'],
  [QuestionType.MultipleChoice]: ['nhieudapan'],
  [QuestionType.TrueFalse]: [],
  [QuestionType.ShortAnswer]: [],
  [QuestionType.Essay]: [],
};
const DIFFICULTY_WORDS: Record<QuestionDifficulty, readonly string[]> = {
  [QuestionDifficulty.Easy]: ['1', 'nhanbiet'],
  [QuestionDifficulty.Medium]: ['2', 'tb', 'thonghieu'],
  [QuestionDifficulty.Hard]: ['3', 'vandung'],
};
const YES = ['co', 'x', '1', 'true', 'yes', 'c'];
const NO = ['', 'khong', '0', 'false', 'no', 'k'];
const TRUE_WORDS = ['dung', 'd', 't', 'true'];
const FALSE_WORDS = ['sai', 's', 'f', 'false'];

function parseLabel<T extends string>(
  value: string,
  labels: Record<T, string>,
  words: Record<T, readonly string[]>,
): T | undefined {
  const folded = fold(value);
  return (Object.keys(labels) as T[]).find(
    (key) => fold(labels[key]) === folded || fold(key) === folded || words[key].includes(folded),
  );
}

const list = (labels: Record<string, string>) => Object.values(labels).join(', ');

/**
 * Reads one data row of the layout into a question. What cannot be read is
 * reported against the row (`rows.<n>.<field>`); the question rules run later.
 */
export function rowToQuestion(row: FileRow, columns: SheetColumns): ImportedQuestion {
  const at = `rows.${row.row}`;
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) =>
    errors.push({ field: `${at}.${field}`, messages: [message] });
  const cellAt = (index: number | undefined) =>
    index === undefined ? '' : restoreNeutralisedCell((row.cells[index] ?? '').trim());
  const cell = (field: SheetField) => cellAt(columns.fields[field]);

  const type = parseLabel(cell('type'), QUESTION_TYPE_LABELS, TYPE_WORDS);
  if (!type)
    fail('type', `Loại câu hỏi "${cell('type')}" không hợp lệ; dùng: ${list(QUESTION_TYPE_LABELS)}.`);
  const difficulty = parseLabel(cell('difficulty'), QUESTION_DIFFICULTY_LABELS, DIFFICULTY_WORDS);
  if (!difficulty)
    fail(
      'difficulty',
      `Mức độ "${cell('difficulty')}" không hợp lệ; dùng: ${list(QUESTION_DIFFICULTY_LABELS)}.`,
    );
  const acceptWithoutDiacritics = fold(cell('acceptWithoutDiacritics'));
  if (!YES.includes(acceptWithoutDiacritics) && !NO.includes(acceptWithoutDiacritics))
    fail('acceptWithoutDiacritics', 'Cột "Chấp nhận không dấu" ghi Có hoặc Không.');

  if (!type) return { at, content: null, errors };

  // Options up to the last filled column; an empty one in between stays, for the rules to name.
  const options = columns.options.map(cellAt);
  while (options.length > 0 && options[options.length - 1] === '') options.pop();
  const answer = readCorrect(type, cell('correct'), options);
  // The rules cannot judge a question whose answer cannot be read: they would only add noise.
  if ('error' in answer) {
    fail('correct', answer.error);
    return { at, content: null, errors };
  }
  const points = cell('points');
  return {
    at,
    content: {
      type,
      topic: cell('topic'),
      difficulty: difficulty ?? QuestionDifficulty.Medium,
      title: cell('title') || null,
      stem: cell('stem'),
      options: answer.options,
      acceptedAnswers: answer.acceptedAnswers,
      acceptWithoutDiacritics: YES.includes(acceptWithoutDiacritics),
      points: points === '' ? DEFAULT_QUESTION_POINTS : Number(points.replace(',', '.')),
      explanation: cell('explanation') || null,
    },
    errors,
  };
}

type CorrectAnswer = { options: QuestionOption[]; acceptedAnswers: string[] } | { error: string };

/** The `Đáp án đúng` cell: letters, Đúng/Sai, or accepted answers, by the question's type. */
function readCorrect(type: QuestionType, value: string, options: readonly string[]): CorrectAnswer {
  const unmarked = options.map((text) => ({ text, isCorrect: false }));
  switch (type) {
    case QuestionType.SingleChoice:
    case QuestionType.MultipleChoice: {
      const letters = value
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter(Boolean);
      const known = new Set<string>(QUESTION_SHEET_OPTION_LETTERS.slice(0, options.length));
      const unknown = letters.filter((letter) => !known.has(letter));
      if (unknown.length > 0)
        return { error: `Đáp án "${unknown.join(', ')}" không phải chữ cái của một phương án có nội dung.` };
      const correct = new Set(letters);
      return {
        options: options.map((text, index) => ({
          text,
          isCorrect: correct.has(QUESTION_SHEET_OPTION_LETTERS[index]),
        })),
        acceptedAnswers: [],
      };
    }
    case QuestionType.TrueFalse: {
      const folded = fold(value);
      const isTrue = TRUE_WORDS.includes(folded);
      if (!isTrue && !FALSE_WORDS.includes(folded))
        return { error: 'Câu Đúng/Sai ghi đáp án là Đúng hoặc Sai.' };
      const chosen = isTrue ? TRUE_FALSE_OPTIONS[0] : TRUE_FALSE_OPTIONS[1];
      const texts = options.length > 0 ? options : TRUE_FALSE_OPTIONS;
      return {
        options: texts.map((text) => ({ text, isCorrect: fold(text) === fold(chosen) })),
        acceptedAnswers: [],
      };
    }
    case QuestionType.ShortAnswer:
    case QuestionType.Essay:
      return {
        options: unmarked,
        acceptedAnswers:
          value === '' ? [] : value.split(SHORT_ANSWER_SEPARATOR).map((answer) => answer.trim()),
      };
  }
}

/** The header row of the layout, in order. */
export function sheetHeader(): string[] {
  const h = QUESTION_SHEET_HEADERS;
  return [
    h.type,
    h.topic,
    h.difficulty,
    h.title,
    h.stem,
    ...h.options,
    h.correct,
    h.acceptWithoutDiacritics,
    h.points,
    h.explanation,
  ];
}

/** A question as one row of the layout; `rowToQuestion` reads it back to the same question. */
export function questionToRow(question: QuestionContent): (string | number)[] {
  // True/false options are implied by the Đúng/Sai answer.
  const options =
    question.type === QuestionType.TrueFalse ? [] : question.options.map((option) => option.text);
  return [
    QUESTION_TYPE_LABELS[question.type],
    question.topic,
    QUESTION_DIFFICULTY_LABELS[question.difficulty],
    question.title ?? '',
    question.stem,
    ...QUESTION_SHEET_OPTION_LETTERS.map((_, index) => options[index] ?? ''),
    correctCell(question),
    question.type === QuestionType.ShortAnswer ? (question.acceptWithoutDiacritics ? 'Có' : 'Không') : '',
    question.points,
    question.explanation ?? '',
  ];
}

function correctCell(question: QuestionContent): string {
  switch (question.type) {
    case QuestionType.SingleChoice:
    case QuestionType.MultipleChoice:
      return question.options
        .flatMap((option, index) => (option.isCorrect ? [QUESTION_SHEET_OPTION_LETTERS[index]] : []))
        .join(', ');
    case QuestionType.TrueFalse:
      return question.options.find((option) => option.isCorrect)?.text ?? '';
    case QuestionType.ShortAnswer:
      return question.acceptedAnswers.join(` ${SHORT_ANSWER_SEPARATOR} `);
    case QuestionType.Essay:
      return '';
  }
}
