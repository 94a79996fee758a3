import { StreamableFile } from '@nestjs/common';
import { foldVietnamese } from '@thuchoc/shared/util';
import type { HttpReply } from './http-types';

/**
 * `attachment` with the UTF-8 name (RFC 6266 / 8187), so Vietnamese names
 * survive, and a plain ASCII `filename` for clients that ignore `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = foldVietnamese(fileName).replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends bytes as a download, the same way wherever a file is served.
 * Use with `@Res({ passthrough: true })`.
 */
export function sendDownload(res: HttpReply, fileName: string, type: string, bytes: Buffer): StreamableFile {
  // Never let a browser guess another type (e.g. HTML) from the bytes.
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Cache-Control', 'private, no-store');
  return new StreamableFile(bytes, {
    type,
    disposition: attachmentDisposition(fileName),
    length: bytes.length,
  });
}
