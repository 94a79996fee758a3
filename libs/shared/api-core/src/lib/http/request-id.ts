import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const GIVEN_ID = /^[\w-]{1,64}$/;

/** The caller's `X-Request-Id` when it is a sane token, else a fresh UUID: the id every log line and problem carries. */
export function requestIdOf(req: { headers: IncomingHttpHeaders }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
}
