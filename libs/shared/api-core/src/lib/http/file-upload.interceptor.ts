import {
  CallHandler,
  ExecutionContext,
  Injectable,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';

export interface FileUploadOptions {
  /** The multipart field carrying the file. */
  field: string;
  maxBytes: number;
  /** The problem an oversized upload answers (413). */
  tooLarge: () => Error;
}

/**
 * An interceptor receiving one multipart file into memory, stopping at the
 * size limit instead of reading the rest; the domain says what "too large" answers.
 */
export function FileUploadInterceptor(options: FileUploadOptions): Type<NestInterceptor> {
  const MulterInterceptor = FileInterceptor(options.field, {
    limits: { fileSize: options.maxBytes, files: 1 },
    // Browsers send the raw UTF-8 bytes of a Vietnamese file name, not RFC 8187.
    defParamCharset: 'utf8',
  });

  @Injectable()
  class SizedFileInterceptor implements NestInterceptor {
    private readonly multer = new MulterInterceptor();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        throw error instanceof PayloadTooLargeException ? options.tooLarge() : error;
      }
    }
  }
  return mixin(SizedFileInterceptor);
}
