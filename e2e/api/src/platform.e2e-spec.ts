import { PROBLEM_CONTENT_TYPE } from '@thuchoc/shared/contracts';
import { startTestApp, TestApp } from './support/test-app';

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness without a database round trip', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
  });

  it('reports the database and Redis ready', async () => {
    const response = await t.http().get('/api/health/ready').expect(200);
    expect(response.body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up', engine: 'redis' },
    });
  });

  it('answers an unknown route with problem+json 404', async () => {
    const response = await t.http().get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body).toMatchObject({
      status: 404,
      code: 'resource.not-found',
      instance: '/api/v1/no-such-thing',
    });
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body.code).toBe('request.malformed-body');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'x', password: 'y'.repeat(2_000_000) })
      .expect(413);
    expect(response.body.code).toBe('request.too-large');
  });

  it('refuses a body of a type no route reads with a 415 problem', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'text/xml')
      .send('<login/>')
      .expect(415);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.body.code).toBe('request.unsupported-media-type');
  });

  it('gives each request an id of its own when the caller sends none or a bad one', async () => {
    const first = await t.http().get('/api/health').set('x-request-id', 'bad id; drop').expect(200);
    const second = await t.http().get('/api/health').expect(200);
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('names each invalid and unknown field of a body', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 42, admin: true })
      .expect(400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
    expect(fields).toEqual(['admin', 'password', 'username']);
  });

  it('sets security headers and echoes a request id', async () => {
    const response = await t.http().get('/api/health').set('x-request-id', 'req-123').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-request-id']).toBe('req-123');
    expect(response.headers['content-security-policy']).toContain(
      'frame-src https://www.youtube-nocookie.com',
    );
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    // Refusals carry them too.
    const refused = await t.http().get('/api/v1/no-such-route').expect(404);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('publishes the OpenAPI document', async () => {
    const response = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/org-units/{id}/merge',
        '/api/v1/users',
      ]),
    );
  });
});

describe('CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://hoc.thuchoc.vn' } });
  });
  afterAll(() => t.close());

  it('allows only the configured origins', async () => {
    const allowed = await t.http().get('/api/health').set('Origin', 'https://hoc.thuchoc.vn').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://hoc.thuchoc.vn');
    const other = await t.http().get('/api/health').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
