import { importTemplateCsv } from './classes-files';

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('importTemplateCsv', () => {
  it('holds only the header row the import expects, with a BOM for Excel', async () => {
    const blob = importTemplateCsv();
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const text = await readText(blob);
    expect(text.replace(/^\uFEFF/, '')).toBe(
      'Tên đăng nhập,Email,Họ và tên,Mã đơn vị,Chức vụ,Số điện thoại\r\n',
    );
  });
});
