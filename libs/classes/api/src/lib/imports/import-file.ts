import { parse } from 'csv-parse';
import * as ExcelJS from 'exceljs';
import { pipeline, Readable } from 'node:stream';

/** One line of the file: its row number as a spreadsheet shows it, and its cells as text. */
export interface FileRow {
  row: number;
  cells: string[];
}

export class UnreadableFileError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Bytes decoded at a time: a 50,000-row file is never held as one string. */
const TEXT_CHUNK_BYTES = 64 * 1024;

export const isXlsx = (bytes: Buffer) => bytes.subarray(0, 4).equals(ZIP_MAGIC);

/**
 * Rows of a CSV or XLSX file, header first, read one at a time: memory stays
 * flat whatever the size of the file. An unreadable file throws
 * UnreadableFileError from the iteration, at the row where it stops making sense.
 */
export function streamRows(bytes: Buffer): AsyncGenerator<FileRow> {
  return isXlsx(bytes) ? streamXlsx(bytes) : streamCsv(bytes);
}

/** Every row of a CSV or XLSX file, header first. CSV may be UTF-8 (with or without BOM) or UTF-16. */
export async function readRows(bytes: Buffer): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for await (const row of streamRows(bytes)) rows.push(row);
  return rows;
}

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A BOM decides the encoding; without one, UTF-16 shows as zero bytes, else UTF-8. */
function textEncodingOf(bytes: Buffer): { encoding: TextEncoding; offset: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', offset: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', offset: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', offset: 2 };
  const sample = bytes.subarray(0, 200);
  const zeros = (from: number) => sample.filter((byte, index) => index % 2 === from && byte === 0).length;
  if (sample.length >= 4 && zeros(1) > sample.length / 4) return { encoding: 'utf-16le', offset: 0 };
  if (sample.length >= 4 && zeros(0) > sample.length / 4) return { encoding: 'utf-16be', offset: 0 };
  return { encoding: 'utf-8', offset: 0 };
}

/** Text of a CSV file: a BOM decides the encoding; without one, UTF-16 shows as zero bytes, else UTF-8. */
export function decodeText(bytes: Buffer): string {
  return [...textChunks(bytes)].join('');
}

/** The file's text in pieces, decoded strictly: bytes that are not text throw UnreadableFileError. */
function* textChunks(bytes: Buffer): Generator<string> {
  const { encoding, offset } = textEncodingOf(bytes);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new UnreadableFileError(`The file is not valid ${encoding.toUpperCase()} text.`);
    }
  };
  for (let at = offset; at < bytes.length; at += TEXT_CHUNK_BYTES) {
    yield decode(bytes.subarray(at, at + TEXT_CHUNK_BYTES));
  }
  yield decode();
}

/** Comma, semicolon (Excel in many locales) or tab (Excel's "Unicode text"), whichever the header uses most. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

async function* streamCsv(bytes: Buffer): AsyncGenerator<FileRow> {
  const text = textChunks(bytes);
  // The delimiter comes from the header line: decode until it is complete.
  let head = '';
  for (let next = text.next(); ; next = text.next()) {
    if (next.done) break;
    head += next.value;
    if (/[\r\n]/.test(head)) break;
  }
  const parser = parse({
    delimiter: delimiterOf(head),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  const source = Readable.from(
    (function* () {
      if (head) yield head;
      for (const chunk of text) if (chunk) yield chunk;
    })(),
  );
  // Errors (undecodable bytes, broken CSV) surface from the iteration below; a consumer that stops early
  // destroys the parser, and the pipeline then ends the source.
  pipeline(source, parser, () => undefined);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const cells = record.map((cell) => cell.trim());
      if (cells.some((cell) => cell !== '')) yield { row: info.lines, cells };
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`The CSV file cannot be read: ${(error as Error).message}`);
  }
}

async function* streamXlsx(bytes: Buffer): AsyncGenerator<FileRow> {
  try {
    const reader = decodingUtf8AcrossChunks(
      new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
        sharedStrings: 'cache',
        hyperlinks: 'cache',
        worksheets: 'emit',
        styles: 'cache',
      }),
    );
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.some((value) => value !== '')) yield { row: row.number, cells: values };
      }
      break; // the first sheet holds the list
    }
  } catch (error) {
    throw new UnreadableFileError(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
}

/** The parts of exceljs 4.4's streaming reader that turn a zip entry's bytes into XML text. */
interface WorkbookReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseHyperlinks(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs's streaming reader decodes each inflated chunk of XML on its own, so
 * a character whose UTF-8 bytes straddle two chunks turns into U+FFFD: about
 * one Vietnamese name in 4,000 came out as "Đ��ng". Its SAX step takes text
 * as it is, so the entries are handed to it already decoded, with a decoder
 * that carries partial characters over to the next chunk.
 * (exceljs/exceljs#2063, #2316; a unit test guards this against upgrades.)
 */
function decodingUtf8AcrossChunks(reader: ExcelJS.stream.xlsx.WorkbookReader) {
  const internals = reader as unknown as WorkbookReaderInternals;
  if (
    typeof internals._parseSharedStrings !== 'function' ||
    typeof internals._parseWorksheet !== 'function' ||
    typeof internals._parseHyperlinks !== 'function'
  )
    throw new Error('exceljs changed: the UTF-8 fix of the XLSX reader no longer applies');
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseHyperlinks = internals._parseHyperlinks.bind(reader);
  internals._parseSharedStrings = (entry) => parseSharedStrings(entry.setEncoding('utf8'));
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Text(iterator), sheetNo);
  internals._parseHyperlinks = (iterator, sheetNo) => parseHyperlinks(utf8Text(iterator), sheetNo);
  return reader;
}

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
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
