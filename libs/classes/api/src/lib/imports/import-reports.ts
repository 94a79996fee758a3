import { ActivationSheetRow, ImportRowProblem } from '@thuchoc/classes/contracts';
import { neutraliseCell, toCsv } from '@thuchoc/shared/util';
import * as ExcelJS from 'exceljs';

/** Every bad row of an import as CSV (UTF-8 with BOM, formula cells neutralised). */
export function errorReportCsv(problems: readonly ImportRowProblem[]): Buffer {
  return Buffer.from(
    toCsv([
      ['Dòng', 'Tên đăng nhập / Email', 'Họ và tên', 'Mã lỗi', 'Lỗi', 'Giá trị'],
      ...problems.map((p) => [p.row, p.identifier, p.fullName, p.error, p.message, p.value]),
    ]),
    'utf8',
  );
}

/**
 * The printable sheet of one-time activation links, one learner per row, to
 * hand out in class. Text cells are neutralised: names come from an uploaded file.
 */
export async function activationSheetXlsx(
  className: string,
  rows: readonly ActivationSheetRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ThucHoc';
  const sheet = workbook.addWorksheet('Kích hoạt tài khoản', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    headerFooter: { oddFooter: 'Trang &P / &N' },
  });
  sheet.addRow([neutraliseCell(`Danh sách kích hoạt tài khoản – ${className}`)]).font = {
    bold: true,
    size: 14,
  };
  sheet.addRow([
    'Mỗi học viên mở liên kết của mình một lần để tự đặt mật khẩu, rồi đăng nhập bằng tên đăng nhập.',
  ]);
  const header = sheet.addRow([
    'STT',
    'Họ và tên',
    'Tên đăng nhập',
    'Đơn vị',
    'Liên kết kích hoạt (dùng một lần)',
  ]);
  header.font = { bold: true };
  sheet.columns = [{ width: 6 }, { width: 28 }, { width: 24 }, { width: 30 }, { width: 80 }];
  rows.forEach((row, index) => {
    const added = sheet.addRow([
      index + 1,
      neutraliseCell(row.fullName),
      neutraliseCell(row.username),
      neutraliseCell(row.unitName),
      { text: row.activationUrl, hyperlink: row.activationUrl },
    ]);
    added.getCell(5).font = { color: { argb: 'FF1A56A6' }, underline: true };
  });
  sheet.pageSetup.printTitlesRow = '3:3';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
