import { PDF_ATTACHMENT_MAX_BYTES } from '@thuchoc/courses/contracts';
import { FileUploadInterceptor } from '@thuchoc/shared/api-core';
import { attachmentTooLarge } from './pdf-file';

/** The multipart field `file`, up to the PDF size limit; an oversized upload answers 413 `attachment.too-large`. */
export const PdfUploadInterceptor = FileUploadInterceptor({
  field: 'file',
  maxBytes: PDF_ATTACHMENT_MAX_BYTES,
  tooLarge: attachmentTooLarge,
});
