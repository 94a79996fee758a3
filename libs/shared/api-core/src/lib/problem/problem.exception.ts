import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError } from '@thuchoc/shared/contracts';

/** An error that becomes an RFC 9457 problem with a stable machine `code`. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}

export const badRequest = (code: string, detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.BAD_REQUEST, code, detail, errors);

/** Also the answer for anything outside the caller's scope, so its existence does not leak. */
export const notFound = (code: string, detail: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, code, detail);

export const conflict = (code: string, detail: string) =>
  new ProblemException(HttpStatus.CONFLICT, code, detail);

export const unprocessable = (code: string, detail: string) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);

export const forbidden = (code: string, detail: string) =>
  new ProblemException(HttpStatus.FORBIDDEN, code, detail);

export const unauthorized = (code: string, detail: string) =>
  new ProblemException(HttpStatus.UNAUTHORIZED, code, detail);
