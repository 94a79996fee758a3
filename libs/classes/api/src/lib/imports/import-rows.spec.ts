import { ImportRowError } from '@thuchoc/classes/contracts';
import { UnreadableFileError } from './import-file';
import { checkRows, mapColumns, MissingColumnsError, normalisePhone, scanImportFile } from './import-rows';

const header = ['Tên đăng nhập', 'Email', 'Họ và tên', 'Mã đơn vị', 'Chức vụ', 'Số điện thoại'];
const row = (n: number, cells: string[]) => ({ row: n, cells });

describe('mapColumns', () => {
  it('finds columns by their Vietnamese or English names, in any order and case', () => {
    expect(mapColumns(['HỌ VÀ TÊN', 'Username', 'Mã đơn vị', 'SĐT'])).toEqual({
      fullName: 0,
      username: 1,
      unitCode: 2,
      phone: 3,
    });
  });

  it('names the columns a file lacks', () => {
    expect(() => mapColumns(['Họ tên', 'Chức vụ'])).toThrow(MissingColumnsError);
    try {
      mapColumns(['Chức vụ']);
    } catch (error) {
      expect((error as MissingColumnsError).missing).toEqual([
        'Tên đăng nhập hoặc Email',
        'Họ và tên',
        'Mã đơn vị',
      ]);
    }
  });
});

describe('normalisePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['912345678', '0912345678'],
    ['091.234.5678', '0912345678'],
  ])('reads %p as %p', (raw, phone) => expect(normalisePhone(raw)).toBe(phone));

  it.each(['12345', 'abc', '09123456789012'])('refuses %p', (raw) => expect(normalisePhone(raw)).toBeNull());
});

describe('checkRows', () => {
  const columns = mapColumns(header);

  it('keeps good rows and says why each bad one is refused', () => {
    const outcomes = checkRows(
      [
        row(2, ['hv01', '', 'Nguyễn  Văn An', 'dni-dx', 'Đảng viên', '0912345678']),
        row(3, ['', '', 'Không Định Danh', 'DNI', '', '']),
        row(4, ['hv 02', '', 'Sai Tên', 'DNI', '', '']),
        row(5, ['hv03', 'sai-email', 'Sai Email', 'DNI', '', '']),
        row(6, ['hv04', '', '', 'DNI', '', '']),
        row(7, ['hv05', '', 'Thiếu Đơn Vị', '', '', '']),
        row(8, ['hv06', '', 'Sai Số', 'DNI', '', '12']),
        row(9, ['HV01', '', 'Trùng Dòng', 'DNI', '', '']),
        row(10, ['', 'an@example.vn', 'Chỉ Có Email', 'DNI', '', '']),
      ],
      columns,
    );
    expect(outcomes[0]).toEqual({
      kind: 'accepted',
      candidate: {
        row: 2,
        username: 'hv01',
        hasUsername: true,
        email: null,
        fullName: 'Nguyễn Văn An',
        unitCode: 'DNI-DX',
        position: 'Đảng viên',
        phone: '0912345678',
      },
    });
    expect(
      outcomes.slice(1, 8).map((o) => (o.kind === 'accepted' ? null : [o.failure.row, o.failure.error])),
    ).toEqual([
      [3, ImportRowError.MissingIdentifier],
      [4, ImportRowError.InvalidUsername],
      [5, ImportRowError.InvalidEmail],
      [6, ImportRowError.MissingFullName],
      [7, ImportRowError.UnknownUnit],
      [8, ImportRowError.InvalidPhone],
      [9, ImportRowError.DuplicateInFile],
    ]);
    expect(outcomes[8]).toMatchObject({
      kind: 'accepted',
      candidate: { username: 'an@example.vn', hasUsername: false },
    });
  });
});

describe('scanImportFile', () => {
  const csv = (lines: string[]) => Buffer.from(`${[header.join(','), ...lines].join('\n')}\n`);

  it('counts the data rows after checking the header', async () => {
    expect(await scanImportFile(csv(['hv1,,Lê Văn A,X,,', '', 'hv2,,Lê Văn B,X,,']))).toEqual({
      dataRows: 2,
    });
    await expect(scanImportFile(Buffer.from('Chức vụ\nA\n'))).rejects.toThrow(MissingColumnsError);
    await expect(scanImportFile(Buffer.from('\n\n'))).rejects.toThrow(UnreadableFileError);
  });

  it('stops one row past the limit', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `hv${i},,Lê Văn A,X,,`);
    expect(await scanImportFile(csv(lines), 10)).toEqual({ dataRows: 11 });
  });
});
