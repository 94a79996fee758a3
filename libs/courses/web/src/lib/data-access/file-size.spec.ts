import { PDF_ATTACHMENT_MAX_BYTES } from '@thuchoc/courses/contracts';
import { attachmentProblem, formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('uses the reader’s decimal separator', () => {
    expect(formatFileSize(1.5 * 1024 * 1024, 'vi')).toBe('1,5 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });

  it('picks a unit that keeps the number short', () => {
    expect(formatFileSize(PDF_ATTACHMENT_MAX_BYTES, 'vi')).toBe('20 MB');
    expect(formatFileSize(350 * 1024, 'vi')).toBe('350 KB');
    expect(formatFileSize(900, 'vi')).toBe('900 B');
  });
});

describe('attachmentProblem', () => {
  it('accepts a PDF up to the limit', () => {
    expect(
      attachmentProblem({ name: 'tai-lieu.pdf', type: 'application/pdf', size: PDF_ATTACHMENT_MAX_BYTES }),
    ).toBeNull();
  });

  it('accepts a .pdf whose type the browser did not know', () => {
    expect(attachmentProblem({ name: 'TAI-LIEU.PDF', type: '', size: 100 })).toBeNull();
  });

  it('refuses other files with the API’s own codes', () => {
    expect(attachmentProblem({ name: 'bai.docx', type: 'application/msword', size: 100 })).toBe(
      'attachment.not-pdf',
    );
    expect(
      attachmentProblem({ name: 'lon.pdf', type: 'application/pdf', size: PDF_ATTACHMENT_MAX_BYTES + 1 }),
    ).toBe('attachment.too-large');
  });
});
