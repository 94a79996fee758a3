import { parse } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** One line of the file: its row number as a spreadsheet shows it, and its cells as text. */
export interface FileRow {
  row: number;
  cells: string[];
}

export class UnreadableFileError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const isXlsx = (bytes: Buffer) => bytes.subarray(0, 4).equals(ZIP_MAGIC);

/** Rows of a CSV or XLSX file, header first. CSV may be UTF-8 (with or without BOM) or UTF-16. */
export async function readRows(bytes: Buffer): Promise<FileRow[]> {
  return isXlsx(bytes) ? readXlsx(bytes) : readCsv(decodeText(bytes));
}

/** Text of a CSV file: a BOM decides the encoding; without one, UTF-16 shows as zero bytes, else UTF-8. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2));
  const sample = bytes.subarray(0, 200);
  const zeros = (from: number) => sample.filter((byte, index) => index % 2 === from && byte === 0).length;
  if (sample.length >= 4 && zeros(1) > sample.length / 4) return strict('utf-16le', bytes);
  if (sample.length >= 4 && zeros(0) > sample.length / 4) return strict('utf-16be', bytes);
  return strict('utf-8', bytes);
}

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Buffer): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError(`The file is not valid ${encoding.toUpperCase()} text.`);
  }
}

/** Comma, semicolon (Excel in many locales) or tab (Excel's "Unicode text"), whichever the header uses most. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(text: string): FileRow[] {
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records
      .map(({ record, info }) => ({ row: info.lines, cells: record.map((cell) => cell.trim()) }))
      .filter((row) => row.cells.some((cell) => cell !== ''));
  } catch (error) {
    throw new UnreadableFileError(`The CSV file cannot be read: ${(error as Error).message}`);
  }
}

async function readXlsx(bytes: Buffer): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
      sharedStrings: 'cache',
      hyperlinks: 'cache',
      worksheets: 'emit',
      styles: 'cache',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.some((value) => value !== '')) rows.push({ row: row.number, cells: values });
      }
      break; // the first sheet holds the list
    }
  } catch (error) {
    throw new UnreadableFileError(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
  return rows;
}

/** A cell as text: rich text joined, hyperlinks by their text, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (cell.richText)
      return cell.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.result !== undefined) return cellText(cell.result);
  }
  return '';
}
