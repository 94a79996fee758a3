import { PDF_ATTACHMENT_MAX_BYTES } from '@thuchoc/courses/contracts';
import { ProblemException } from '@thuchoc/shared/api-core';
import { assertPdfUpload, cleanFileName, isPdf } from './pdf-file';

const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`);

describe(isPdf.name, () => {
  it('accepts the PDF header with an end-of-file marker near the end', () => {
    expect(isPdf(pdf('1 0 obj << >> endobj'))).toBe(true);
    expect(isPdf(Buffer.concat([pdf('x'), Buffer.alloc(500, 0x0a)]))).toBe(true);
  });

  it('refuses other content whatever it is called', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(isPdf(png)).toBe(false);
    expect(isPdf(Buffer.from('<html><script>alert(1)</script></html>'))).toBe(false);
    expect(isPdf(Buffer.alloc(0))).toBe(false);
    expect(isPdf(Buffer.from(' %PDF-1.7\n%%EOF'))).toBe(false);
  });

  it('refuses a truncated PDF (no end-of-file marker at the end)', () => {
    expect(isPdf(Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'))).toBe(false);
    expect(isPdf(Buffer.concat([pdf('x'), Buffer.alloc(2000, 0x20)]))).toBe(false);
  });
});

describe(cleanFileName.name, () => {
  it('keeps a Vietnamese name, composed', () => {
    expect(cleanFileName('Bài giảng Nghị quyết 57.pdf')).toBe('Bài giảng Nghị quyết 57.pdf');
    expect(cleanFileName('Tư tưởng.pdf'.normalize('NFD'))).toBe('Tư tưởng.pdf');
  });

  it('strips directories, control and bidi characters', () => {
    expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\cb\\Tài liệu.pdf')).toBe('Tài liệu.pdf');
    expect(cleanFileName('bao\u0000cao\r\n.pdf')).toBe('baocao.pdf');
    expect(cleanFileName('hoso\u202Efdp.exe')).toBe('hosofdp.exe.pdf');
  });

  it('ends every name in .pdf and falls back when nothing is left', () => {
    expect(cleanFileName('giao-trinh')).toBe('giao-trinh.pdf');
    expect(cleanFileName('GIAO-TRINH.PDF')).toBe('GIAO-TRINH.PDF');
    for (const empty of ['', '   ', '..', 'a/b/', '\u0007'])
      expect(cleanFileName(empty)).toBe('tai-lieu.pdf');
  });

  it('shortens a very long name, keeping the extension', () => {
    const name = cleanFileName(`${'ạ'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('ạ.pdf')).toBe(true);
  });
});

describe(assertPdfUpload.name, () => {
  const refusal = (file: Parameters<typeof assertPdfUpload>[0]) => {
    try {
      assertPdfUpload(file);
      return null;
    } catch (error) {
      const problem = error as ProblemException;
      return { status: problem.getStatus(), code: problem.code };
    }
  };

  it('accepts a PDF and refuses a missing file, other content and an oversized file', () => {
    expect(refusal({ originalname: 'a.pdf', buffer: pdf('x') })).toBeNull();
    expect(refusal(undefined)).toEqual({ status: 400, code: 'attachment.missing' });
    expect(refusal({ originalname: 'a.pdf', buffer: Buffer.from('GIF89a') })).toEqual({
      status: 400,
      code: 'attachment.not-pdf',
    });
    const huge = Buffer.concat([pdf('x'), Buffer.alloc(PDF_ATTACHMENT_MAX_BYTES)]);
    expect(refusal({ originalname: 'a.pdf', buffer: huge })).toEqual({
      status: 413,
      code: 'attachment.too-large',
    });
  });
});
