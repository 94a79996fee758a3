import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { PDF_ATTACHMENT_MAX_BYTES } from '@thuchoc/courses/contracts';
import { Observable } from 'rxjs';
import { attachmentTooLarge } from './pdf-file';

const MulterInterceptor = FileInterceptor('file', {
  limits: { fileSize: PDF_ATTACHMENT_MAX_BYTES, files: 1 },
  // Browsers send the raw UTF-8 bytes of a Vietnamese file name, not RFC 8187.
  defParamCharset: 'utf8',
});

/**
 * Receives the multipart field `file` into memory, stopping at the PDF size
 * limit; an oversized upload answers 413 `attachment.too-large`.
 */
@Injectable()
export class PdfUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterInterceptor();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw error instanceof PayloadTooLargeException ? attachmentTooLarge() : error;
    }
  }
}
