import { EXCUSE_ATTACHMENT_MAX_BYTES } from '@thuchoc/attendance/contracts';
import { FileUploadInterceptor } from '@thuchoc/shared/api-core';
import { attachmentTooLarge } from './excuse-attachment';

/** The optional multipart field `attachment`; an oversized upload answers 413 `attendance.attachment-type`. */
export const ExcuseUploadInterceptor = FileUploadInterceptor({
  field: 'attachment',
  maxBytes: EXCUSE_ATTACHMENT_MAX_BYTES,
  tooLarge: attachmentTooLarge,
});
