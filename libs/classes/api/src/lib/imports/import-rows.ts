import { ImportRowError } from '@thuchoc/classes/contracts';
import { foldVietnamese } from '@thuchoc/shared/util';
import { FileRow, streamRows, UnreadableFileError } from './import-file';

export type ImportField = 'username' | 'email' | 'fullName' | 'unitCode' | 'position' | 'phone';

/** Header names people write, folded (no diacritics, no spaces or punctuation). */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  username: ['tendangnhap', 'username', 'taikhoan', 'login'],
  email: ['email', 'thudientu', 'mail'],
  fullName: ['hovaten', 'hoten', 'fullname', 'name', 'hotenhocvien'],
  unitCode: ['madonvi', 'unitcode', 'unit', 'madv'],
  position: ['chucvu', 'position', 'chucdanh'],
  phone: ['sodienthoai', 'dienthoai', 'phone', 'sdt'],
};

export type ColumnMap = Partial<Record<ImportField, number>>;

export class MissingColumnsError extends Error {
  constructor(readonly missing: string[]) {
    super(`The header lacks: ${missing.join(', ')}.`);
  }
}

const foldHeader = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]/g, '');

/** Finds the columns by header name; needs username or e-mail, full name and unit code. */
export function mapColumns(header: string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((name, index) => {
    const folded = foldHeader(name);
    for (const [field, names] of Object.entries(HEADER_NAMES) as [ImportField, readonly string[]][]) {
      if (map[field] === undefined && names.includes(folded)) map[field] = index;
    }
  });
  const missing: string[] = [];
  if (map.username === undefined && map.email === undefined) missing.push('Tên đăng nhập hoặc Email');
  if (map.fullName === undefined) missing.push('Họ và tên');
  if (map.unitCode === undefined) missing.push('Mã đơn vị');
  if (missing.length > 0) throw new MissingColumnsError(missing);
  return map;
}

/** A row that passed the checks that need no database. */
export interface ImportCandidate {
  row: number;
  /** Lower-cased login; for e-mail-only rows, the e-mail itself. */
  username: string;
  hasUsername: boolean;
  email: string | null;
  fullName: string;
  unitCode: string;
  position: string | null;
  phone: string | null;
}

export interface ImportRowFailure {
  row: number;
  error: ImportRowError;
  value: string | null;
  identifier: string | null;
  fullName: string | null;
}

export type RowOutcome =
  { kind: 'accepted'; candidate: ImportCandidate } | { kind: 'refused'; failure: ImportRowFailure };

const USERNAME = /^[a-z0-9._-]{3,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Vietnamese numbers: 10 digits from 0, or +84 then 9; a leading 0 lost by a spreadsheet is restored. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  if (/^\+84\d{9}$/.test(digits)) return `0${digits.slice(3)}`;
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  if (/^0\d{9}$/.test(digits)) return digits;
  if (/^[1-9]\d{8}$/.test(digits)) return `0${digits}`;
  return null;
}

/** Checks every data row on its own and against earlier rows of the same file. */
export function checkRows(rows: readonly FileRow[], columns: ColumnMap): RowOutcome[] {
  const checker = new RowChecker(columns);
  return rows.map((row) => checker.check(row));
}

/**
 * Checks data rows one at a time, in file order, remembering only the logins
 * and e-mails seen so far (for duplicates within the file): an import streams
 * its file through one of these instead of holding every row.
 */
export class RowChecker {
  private readonly seen = new Set<string>();

  constructor(private readonly columns: ColumnMap) {}

  check(row: FileRow): RowOutcome {
    const cell = (field: ImportField) => {
      const index = this.columns[field];
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const rawUsername = cell('username').toLowerCase();
    const rawEmail = cell('email');
    const email = rawEmail.toLowerCase() || null;
    const fullName = cell('fullName').replace(/\s+/g, ' ');
    const identifier = rawUsername || email;
    const fail = (error: ImportRowError, value: string | null): RowOutcome => ({
      kind: 'refused',
      failure: { row: row.row, error, value, identifier, fullName: fullName || null },
    });
    if (!identifier) return fail(ImportRowError.MissingIdentifier, null);
    if (rawUsername && !USERNAME.test(rawUsername)) return fail(ImportRowError.InvalidUsername, rawUsername);
    if (email && !EMAIL.test(email)) return fail(ImportRowError.InvalidEmail, rawEmail);
    if (fullName.length < 2 || fullName.length > 200)
      return fail(ImportRowError.MissingFullName, fullName || null);
    const unitCode = cell('unitCode');
    if (!unitCode) return fail(ImportRowError.UnknownUnit, null);
    const rawPhone = cell('phone');
    const phone = rawPhone ? normalisePhone(rawPhone) : null;
    if (rawPhone && !phone) return fail(ImportRowError.InvalidPhone, rawPhone);
    const keys = [rawUsername && `u:${rawUsername}`, email && `e:${email}`].filter(Boolean) as string[];
    if (keys.some((key) => this.seen.has(key))) return fail(ImportRowError.DuplicateInFile, identifier);
    keys.forEach((key) => this.seen.add(key));
    return {
      kind: 'accepted',
      candidate: {
        row: row.row,
        username: rawUsername || (email as string),
        hasUsername: rawUsername !== '',
        email,
        fullName,
        unitCode: unitCode.toUpperCase(),
        position: cell('position') || null,
        phone,
      },
    };
  }
}

/**
 * Reads a whole file once without keeping its rows: throws UnreadableFileError
 * or MissingColumnsError for a file that cannot be imported, else says how
 * many data rows it has (stopping early past `maxRows`).
 */
export async function scanImportFile(bytes: Buffer, maxRows = Infinity): Promise<{ dataRows: number }> {
  let header = true;
  let dataRows = 0;
  for await (const row of streamRows(bytes)) {
    if (header) {
      mapColumns(row.cells);
      header = false;
    } else if (++dataRows > maxRows) {
      break;
    }
  }
  if (header) throw new UnreadableFileError('The file has no rows.');
  return { dataRows };
}
