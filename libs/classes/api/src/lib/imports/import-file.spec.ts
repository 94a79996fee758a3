import * as ExcelJS from 'exceljs';
import { cellText, decodeText, readRows, streamRows, UnreadableFileError } from './import-file';

const text = 'Tên đăng nhập,Họ và tên\r\nhv01,Nguyễn Văn Đức\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeText(Buffer.from(text))).toBe(text);
  });

  it('reads UTF-16 in both byte orders, with or without a BOM', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
    expect(decodeText(le)).toBe(text);
  });

  it('refuses bytes that are not text', () => {
    expect(() => decodeText(Buffer.from([0xc3, 0x28, 0x41, 0x42]))).toThrow(UnreadableFileError);
  });
});

describe('readRows', () => {
  it('reads comma, semicolon and tab separated text with row numbers, skipping blank lines', async () => {
    for (const delimiter of [',', ';', '\t']) {
      const rows = await readRows(Buffer.from(`a${delimiter}b\n\n1${delimiter}"x${delimiter} y"\n`));
      expect(rows).toEqual([
        { row: 1, cells: ['a', 'b'] },
        { row: 3, cells: ['1', `x${delimiter} y`] },
      ]);
    }
  });

  it('reads the first sheet of a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('DS').addRows([
      ['Họ và tên', 'SĐT'],
      [{ richText: [{ text: 'Lê ' }, { text: 'Thị Hoa' }] }, 912345678],
    ]);
    workbook.addWorksheet('Khác').addRow(['bỏ qua']);
    const rows = await readRows(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, cells: ['Họ và tên', 'SĐT'] },
      { row: 2, cells: ['Lê Thị Hoa', '912345678'] },
    ]);
  });
});

describe('reading a large file', () => {
  // Unique, diacritic-heavy names: many multi-byte characters fall on the readers' chunk boundaries.
  const names = Array.from(
    { length: 3000 },
    (_, i) => `Nguyễn Thị Hồng Ánh Đặng Quỳnh Hương ${'ệ'.repeat(40)} ${i}`,
  );
  const expected = names.map((name, i) => ({ row: i + 2, cells: [`hv${i}`, name] }));

  it('reads a long UTF-8 and UTF-16 CSV exactly, one row at a time', async () => {
    const csv = `Tên đăng nhập,Họ và tên\r\n${names.map((name, i) => `hv${i},${name}`).join('\r\n')}\r\n`;
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    for (const bytes of [utf8, utf16]) {
      expect(bytes.length).toBeGreaterThan(8 * 64 * 1024);
      expect((await readRows(bytes)).slice(1)).toEqual(expected);
    }
  });

  it('reads a workbook whose text spans many zip chunks without breaking a character', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS');
    sheet.addRow(['Tên đăng nhập', 'Họ và tên']);
    names.forEach((name, i) => sheet.addRow([`hv${i}`, name]));
    const rows = await readRows(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows.slice(1).filter((row) => row.cells.join('').includes('\uFFFD'))).toEqual([]);
    expect(rows.slice(1)).toEqual(expected);
  });

  it('refuses bytes that are not text even far into the file, and an unclosed quote', async () => {
    const good = Buffer.from(`a,b\n${'x,y\n'.repeat(40_000)}`);
    await expect(readRows(Buffer.concat([good, Buffer.from([0xc3, 0x28, 0x0a])]))).rejects.toThrow(
      'The file is not valid UTF-8 text.',
    );
    await expect(readRows(Buffer.from('a,b\n1,"never closed\n'))).rejects.toThrow(UnreadableFileError);
  });

  it('stops reading when the reader stops asking', async () => {
    const rows = streamRows(Buffer.from(`a,b\n${'x,y\n'.repeat(40_000)}`));
    expect((await rows.next()).value).toEqual({ row: 1, cells: ['a', 'b'] });
    await rows.return(undefined);
    expect((await rows.next()).done).toBe(true);
  });
});

describe('cellText', () => {
  it('reads hyperlinks by their text and formulas by their result', () => {
    expect(cellText({ text: 'a@b.vn', hyperlink: 'mailto:a@b.vn' })).toBe('a@b.vn');
    expect(cellText({ formula: 'A1', result: 'Xã A' })).toBe('Xã A');
    expect(cellText(null)).toBe('');
  });
});
