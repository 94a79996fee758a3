'use strict';

/** What the raw attendance baselines share: a JSON answer and the token's subject. */

function answer(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** The `sub` claim of a bearer token, read without checking the signature. */
function subject(header) {
  const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : '';
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}

module.exports = { answer, subject };
