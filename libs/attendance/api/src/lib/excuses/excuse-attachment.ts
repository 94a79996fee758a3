import { applyDecorators, HttpStatus, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { EXCUSE_ATTACHMENT_MAX_BYTES, EXCUSE_ATTACHMENT_TYPES } from '@thuchoc/attendance/contracts';
import { badRequest, HttpReply, ProblemException, sendDownload } from '@thuchoc/shared/api-core';

export type ExcuseAttachmentType = (typeof EXCUSE_ATTACHMENT_TYPES)[number];

/** The part of an uploaded file (`UploadedPart`) a route reads. */
export interface UploadedAttachment {
  originalname: string;
  buffer: Buffer;
}

/** An attachment as it is served back. */
export interface ExcuseFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** A checked attachment, ready to store: its type comes from its bytes, never from its name or declared type. */
export interface ExcuseAttachment {
  fileName: string;
  contentType: ExcuseAttachmentType;
  bytes: Buffer;
}

const SIGNATURES: readonly { type: ExcuseAttachmentType; magic: Buffer; extension: string }[] = [
  { type: 'application/pdf', magic: Buffer.from('%PDF-'), extension: 'pdf' },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]), extension: 'jpg' },
  {
    type: 'image/png',
    magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    extension: 'png',
  },
];

const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK_BASE_NAME = 'giay-to-kem-theo';
const FIELD_ERRORS = [
  { field: 'attachment', messages: ['must be a PDF, JPEG or PNG file of at most 5 MiB'] },
];

export const attachmentTooLarge = () =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'attendance.attachment-type',
    `An excuse attachment may hold at most ${EXCUSE_ATTACHMENT_MAX_BYTES / (1024 * 1024)} MiB.`,
    FIELD_ERRORS,
  );

const notAllowedType = () =>
  badRequest('attendance.attachment-type', 'The attachment is not a PDF, JPEG or PNG file.', FIELD_ERRORS);

/** The file's type by its first bytes, or null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Buffer): ExcuseAttachmentType | null {
  return SIGNATURES.find((s) => bytes.subarray(0, s.magic.length).equals(s.magic))?.type ?? null;
}

/** Checks an optional upload: null when none was sent, 413 over the size limit, 400 for any other type. */
export function checkExcuseAttachment(file: UploadedAttachment | undefined): ExcuseAttachment | null {
  if (!file) return null;
  if (file.buffer.length > EXCUSE_ATTACHMENT_MAX_BYTES) throw attachmentTooLarge();
  const contentType = sniffAttachmentType(file.buffer);
  if (contentType === null) throw notAllowedType();
  return { fileName: cleanFileName(file.originalname, contentType), contentType, bytes: file.buffer };
}

/**
 * The name a client sent, made safe to store and to send back: no directory
 * part, no control or bidi-format characters (they can fake an extension),
 * NFC (macOS sends decomposed Vietnamese), ending in the extension of the
 * type the bytes show.
 */
export function cleanFileName(sent: string, type: ExcuseAttachmentType): string {
  const extension = SIGNATURES.find((s) => s.type === type)?.extension ?? 'bin';
  const base = (sent.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .replace(/\.(pdf|jpe?g|png)$/i, '');
  const stem = /^\.*$/.test(base) ? FALLBACK_BASE_NAME : base;
  const chars = Array.from(stem).slice(0, MAX_FILE_NAME_LENGTH - extension.length - 1);
  return `${chars.join('')}.${extension}`;
}

/** Sends a stored attachment as a download; use with `@Res({ passthrough: true })` and `@ApiExcuseAttachment()`. */
export const sendExcuseFile = (res: HttpReply, file: ExcuseFile): StreamableFile =>
  sendDownload(res, file.fileName, file.contentType, file.bytes);

/** OpenAPI description of a route answered by `sendExcuseFile`. */
export const ApiExcuseAttachment = () =>
  applyDecorators(
    ApiProduces(...EXCUSE_ATTACHMENT_TYPES),
    ApiOkResponse({ description: 'The attachment', schema: { type: 'string', format: 'binary' } }),
  );
