import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { EXCUSE_ATTACHMENT_MAX_BYTES } from '@thuchoc/attendance/contracts';
import { Observable } from 'rxjs';
import { attachmentTooLarge } from './excuse-attachment';

const MulterInterceptor = FileInterceptor('attachment', {
  limits: { fileSize: EXCUSE_ATTACHMENT_MAX_BYTES, files: 1 },
  // Browsers send the raw UTF-8 bytes of a Vietnamese file name, not RFC 8187.
  defParamCharset: 'utf8',
});

/**
 * Receives the optional multipart field `attachment` into memory, stopping at
 * the size limit; an oversized upload answers 413 `attendance.attachment-type`.
 */
@Injectable()
export class ExcuseUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterInterceptor();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      throw error instanceof PayloadTooLargeException ? attachmentTooLarge() : error;
    }
  }
}
