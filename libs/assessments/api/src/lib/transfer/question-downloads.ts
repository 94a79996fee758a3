import { applyDecorators, Header, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { attachmentDisposition } from '@thuchoc/shared/api-core';

/** A file to send as a download. */
export interface DownloadFile {
  fileName: string;
  type: string;
  bytes: Buffer;
}

/** The bytes as an attachment with its (Vietnamese) name, the same way every download is sent. */
export const toDownload = (file: DownloadFile): StreamableFile =>
  new StreamableFile(file.bytes, {
    type: file.type,
    disposition: attachmentDisposition(file.fileName),
    length: file.bytes.length,
  });

/** Headers and OpenAPI description of a route answered by `toDownload`: never sniffed, never cached. */
export const ApiFileDownload = (...types: string[]) =>
  applyDecorators(
    Header('X-Content-Type-Options', 'nosniff'),
    Header('Cache-Control', 'private, no-store'),
    ApiProduces(...types),
    ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } }),
  );
