import { PDF_ATTACHMENT_MAX_BYTES } from '@thuchoc/courses/contracts';

const KIB = 1024;
const MIB = KIB * KIB;

/** A file size for people: "20 MB", "1,5 MB", "350 KB" in the reader's number format. */
export function formatFileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string): string =>
    `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${unit}`;
  if (bytes >= MIB) return format(bytes / MIB, 'MB');
  if (bytes >= KIB) return format(bytes / KIB, 'KB');
  return format(bytes, 'B');
}

export type AttachmentProblem = 'attachment.not-pdf' | 'attachment.too-large';

/**
 * Checks a chosen file before sending it, with the API's own problem codes so
 * the same translated message shows either way. The server checks the content too.
 */
export function attachmentProblem(file: Pick<File, 'name' | 'type' | 'size'>): AttachmentProblem | null {
  const isPdf = file.type === 'application/pdf' || (file.type === '' && /\.pdf$/i.test(file.name));
  if (!isPdf) return 'attachment.not-pdf';
  if (file.size > PDF_ATTACHMENT_MAX_BYTES) return 'attachment.too-large';
  return null;
}
