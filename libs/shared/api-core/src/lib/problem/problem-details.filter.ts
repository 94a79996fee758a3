import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@thuchoc/shared/contracts';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import type { HttpReply, HttpRequest } from '../http/http-types';
import { ProblemException } from './problem.exception';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'resource.not-found',
  405: 'request.method-not-allowed',
  409: 'resource.conflict',
  413: 'request.too-large',
  415: 'request.unsupported-media-type',
  429: 'request.too-many',
  503: 'service.unavailable',
};

/** Redis (ioredis) errors mean a dependency is down: answer 503 at once. */
function isDependencyDown(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|Stream isn't writeable|ECONNREFUSED|enableOfflineQueue/.test(error.message)
  );
}

/** Turns every error into RFC 9457 problem details. Nothing leaves as HTML or a bare 500 body. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const reply = http.getResponse<HttpReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url;
    if (request.id !== undefined) problem.requestId = String(request.id);
    if (problem.status >= 500)
      this.logger.error(
        `request ${problem.requestId ?? '-'}: ${exception instanceof Error ? exception.stack : String(exception)}`,
      );
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers)) reply.header(name, value);
    }
    reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      return this.problem(exception.getStatus(), exception.code, exception.detail, exception.errors);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const problem = this.problem(
        status,
        CODE_BY_STATUS[status] ?? 'request.error',
        Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
      );
      // Readiness checks keep their per-dependency report as an extension member.
      if (typeof body === 'object' && 'details' in body)
        problem.details = (body as { details: unknown }).details;
      return problem;
    }
    // Errors of the HTTP layer's plugins (e.g. multipart limits) carry their own 4xx status.
    const { status, statusCode } = (exception ?? {}) as { status?: unknown; statusCode?: unknown };
    const given = typeof status === 'number' ? status : statusCode;
    if (typeof given === 'number' && given >= 400 && given < 500) {
      return this.problem(given, CODE_BY_STATUS[given] ?? 'request.invalid', (exception as Error).message);
    }
    if (
      exception instanceof QueryFailedError &&
      (exception.driverError as { code?: string })?.code === '23505'
    ) {
      return this.problem(409, 'resource.conflict', 'A record with the same unique value already exists.');
    }
    if (isDependencyDown(exception)) {
      return this.problem(503, 'service.unavailable', 'A dependency is unavailable; try again shortly.');
    }
    return this.problem(500, 'server.error', 'An unexpected error occurred.');
  }

  private problem(
    status: number,
    code: string,
    detail: string,
    errors?: ProblemDetails['errors'],
  ): ProblemDetails {
    return {
      type: `urn:thuchoc:problem:${code}`,
      title: STATUS_CODES[status] ?? 'Error',
      status,
      code,
      detail,
      ...(errors && errors.length > 0 ? { errors } : {}),
    };
  }
}
