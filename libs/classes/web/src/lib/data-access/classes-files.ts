/** The columns of an enrollment file, in the order the import reads them. */
export const IMPORT_TEMPLATE_COLUMNS = [
  'Tên đăng nhập',
  'Email',
  'Họ và tên',
  'Mã đơn vị',
  'Chức vụ',
  'Số điện thoại',
] as const;

export const IMPORT_TEMPLATE_FILE_NAME = 'mau-danh-sach-hoc-vien.csv';

/** UTF-8 byte order mark: without it Excel reads the Vietnamese header as Latin-1. */
const BOM = '\uFEFF';

/** An empty enrollment file with only the header row, made in the browser. */
export function importTemplateCsv(): Blob {
  return new Blob([`${BOM}${IMPORT_TEMPLATE_COLUMNS.join(',')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
