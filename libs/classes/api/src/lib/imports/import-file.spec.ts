import * as ExcelJS from 'exceljs';
import { cellText, decodeText, readRows, UnreadableFileError } from './import-file';

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

describe('cellText', () => {
  it('reads hyperlinks by their text and formulas by their result', () => {
    expect(cellText({ text: 'a@b.vn', hyperlink: 'mailto:a@b.vn' })).toBe('a@b.vn');
    expect(cellText({ formula: 'A1', result: 'Xã A' })).toBe('Xã A');
    expect(cellText(null)).toBe('');
  });
});
