import { applyDecorators, HttpStatus, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { PDF_ATTACHMENT_MAX_BYTES } from '@thuchoc/courses/contracts';
import { badRequest, HttpReply, ProblemException, sendDownload } from '@thuchoc/shared/api-core';

const PDF_HEADER = Buffer.from('%PDF-');
const PDF_TRAILER = Buffer.from('%%EOF');
/** Readers accept the end-of-file marker within the last KiB (trailing newlines, padding). */
const TRAILER_WINDOW = 1024;
const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK_FILE_NAME = 'tai-lieu.pdf';

/** A PDF by its content: the `%PDF-` header first and a `%%EOF` marker at the end. */
export function isPdf(bytes: Buffer): boolean {
  return (
    bytes.length >= PDF_HEADER.length + PDF_TRAILER.length &&
    bytes.subarray(0, PDF_HEADER.length).equals(PDF_HEADER) &&
    bytes.subarray(-TRAILER_WINDOW).includes(PDF_TRAILER)
  );
}

export const attachmentTooLarge = () =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'attachment.too-large',
    `A PDF attachment may hold at most ${PDF_ATTACHMENT_MAX_BYTES / (1024 * 1024)} MiB.`,
  );

/** The part of an uploaded file (`UploadedPart`) a route reads. */
export interface UploadedPdf {
  originalname: string;
  buffer: Buffer;
}

/** An upload is a PDF within the size limit, judged by its bytes, never by its name or declared type. */
export function assertPdfUpload(file: UploadedPdf | undefined): asserts file is UploadedPdf {
  if (!file) {
    throw badRequest('attachment.missing', 'Send the PDF in the multipart field "file".', [
      { field: 'file', messages: ['a PDF file is required'] },
    ]);
  }
  if (file.buffer.length > PDF_ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  if (!isPdf(file.buffer)) {
    throw badRequest('attachment.not-pdf', 'The file is not a PDF document.', [
      { field: 'file', messages: ['must be a PDF document'] },
    ]);
  }
}

/**
 * The name a client sent, made safe to store and to send back: no directory
 * part, no control or bidi-format characters (they can fake an extension),
 * NFC (macOS sends decomposed Vietnamese), ending in `.pdf`.
 */
export function cleanFileName(sent: string): string {
  const base = (sent.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  if (/^\.*$/.test(base)) return FALLBACK_FILE_NAME;
  const name = /\.pdf$/i.test(base) ? base : `${base}.pdf`;
  const chars = Array.from(name);
  return chars.length <= MAX_FILE_NAME_LENGTH
    ? name
    : `${chars.slice(0, MAX_FILE_NAME_LENGTH - 4).join('')}.pdf`;
}

/**
 * Sends PDF bytes as a download, the same way wherever a PDF is served.
 * Use with `@Res({ passthrough: true })` and `@ApiPdfDownload()`.
 */
export const sendPdf = (res: HttpReply, fileName: string, bytes: Buffer): StreamableFile =>
  sendDownload(res, fileName, 'application/pdf', bytes);

/** OpenAPI description of a route answered by `sendPdf`. */
export const ApiPdfDownload = () =>
  applyDecorators(
    ApiProduces('application/pdf'),
    ApiOkResponse({ description: 'The PDF file', schema: { type: 'string', format: 'binary' } }),
  );
