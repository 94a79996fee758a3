import type {} from '@fastify/multipart';
import {
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  HttpStatus,
  Injectable,
  mixin,
  NestInterceptor,
  Type,
} from '@nestjs/common';
import { Observable } from 'rxjs';
import { ProblemException } from '../problem/problem.exception';
import type { HttpRequest } from './http-types';

export interface FileUploadOptions {
  /** The multipart field carrying the file. */
  field: string;
  maxBytes: number;
  /** The problem an oversized upload answers (413); a generic `request.too-large` when not given. */
  tooLarge?: () => Error;
}

/** One file received from a multipart request, in memory. */
export interface UploadedPartFile {
  fieldname: string;
  /** The name the client gave, decoded as UTF-8 (browsers send Vietnamese names as raw UTF-8 bytes). */
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

type UploadRequest = HttpRequest & { uploadedFile?: UploadedPartFile };

const tooLargeDefault = (maxBytes: number) =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'request.too-large',
    `The file may hold at most ${Math.floor(maxBytes / 1024)} KiB.`,
  );

const malformed = (detail: string) =>
  new ProblemException(HttpStatus.BAD_REQUEST, 'request.malformed-body', detail);

/**
 * An interceptor receiving one multipart file into memory, stopping at the
 * size limit instead of reading the rest; the domain says what "too large"
 * answers. The other multipart fields become the request body, so `@Body()`
 * DTOs validate as for JSON. A request that is not multipart, or has no file,
 * reaches the route with no file: the route says what is missing.
 */
export function FileUploadInterceptor(options: FileUploadOptions): Type<NestInterceptor> {
  const tooLarge = options.tooLarge ?? (() => tooLargeDefault(options.maxBytes));

  @Injectable()
  class SizedFileInterceptor implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<UploadRequest>();
      if (request.isMultipart()) await receive(request);
      return next.handle();
    }
  }

  async function receive(request: UploadRequest): Promise<void> {
    const body: Record<string, string> = {};
    const parts = request.parts({
      limits: { fileSize: options.maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
    });
    try {
      for await (const part of parts) {
        if (part.type === 'field') {
          if (typeof part.value === 'string') body[part.fieldname] = part.value;
          continue;
        }
        const buffer = await part.toBuffer();
        if (part.fieldname !== options.field) continue;
        request.uploadedFile = {
          fieldname: part.fieldname,
          originalname: part.filename,
          mimetype: part.mimetype,
          size: buffer.length,
          buffer,
        };
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      if (code === 'FST_FILES_LIMIT') throw malformed(`Send one file, in the field "${options.field}".`);
      if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
        throw malformed('The form has too many fields.');
      if (error instanceof Error && /multipart|boundary/i.test(error.message))
        throw malformed('The multipart body is malformed.');
      throw error;
    }
    request.body = body;
  }

  return mixin(SizedFileInterceptor);
}

/** The file a `FileUploadInterceptor` received, or undefined when the request carried none. */
export const UploadedPart = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedPartFile | undefined =>
    context.switchToHttp().getRequest<UploadRequest>().uploadedFile,
);
