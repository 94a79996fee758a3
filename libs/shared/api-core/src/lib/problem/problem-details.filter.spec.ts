import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';
import { badRequest } from './problem.exception';

function run(exception: unknown) {
  const sent: {
    status?: number;
    type?: string;
    body?: Record<string, unknown>;
    headers: Record<string, string>;
  } = { headers: {} };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(type: string) {
      sent.type = type;
      return this;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    send(body: string) {
      sent.body = JSON.parse(body);
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ url: '/api/v1/x', id: 'r1' }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
}

describe(ProblemDetailsFilter.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('writes a problem with its code, field errors, instance and request id', () => {
    const sent = run(badRequest('request.invalid', 'Bad.', [{ field: 'name', messages: ['required'] }]));
    expect(sent.status).toBe(400);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toEqual({
      type: 'urn:thuchoc:problem:request.invalid',
      title: 'Bad Request',
      status: 400,
      code: 'request.invalid',
      detail: 'Bad.',
      errors: [{ field: 'name', messages: ['required'] }],
      instance: '/api/v1/x',
      requestId: 'r1',
    });
  });

  it("maps Nest's own exceptions by status", () => {
    expect(run(new NotFoundException('Cannot GET /x')).body).toMatchObject({
      status: 404,
      code: 'resource.not-found',
    });
  });

  it('keeps the 4xx status an HTTP plugin gave its error', () => {
    const tooMany = Object.assign(new Error('reach files limit'), {
      statusCode: 413,
      code: 'FST_FILES_LIMIT',
    });
    expect(run(tooMany).body).toMatchObject({ status: 413, code: 'request.too-large' });
    const unsupported = Object.assign(new Error('the request is not multipart'), { statusCode: 406 });
    expect(run(unsupported).body).toMatchObject({ status: 406, code: 'request.invalid' });
  });

  it('maps a unique violation that slipped through to 409', () => {
    const error = new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' }));
    expect(run(error).body).toMatchObject({ status: 409, code: 'resource.conflict' });
  });

  it('maps a Redis outage to 503 and anything else to a bare 500 without internals', () => {
    expect(run(new Error("Stream isn't writeable and enableOfflineQueue options is false")).status).toBe(503);
    const sent = run(new Error('secret internals'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret internals');
  });
});
