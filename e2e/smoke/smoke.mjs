// Smoke run of the built product on the embedded engines: no DATABASE_URL, no
// REDIS_URL. Starts dist/apps/api/main.js on a fresh data directory, signs in
// over HTTP, loads the web app, restarts on the same data and checks that the
// demo seed is idempotent. Prints "N passed, M failed" and exits non-zero on failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'thuchoc-smoke-'));
const results = [];

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function start(port) {
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.SEED_DEMO;
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  child.stdout.on('data', (chunk) => (child.output += chunk));
  child.stderr.on('data', (chunk) => (child.output += chunk));
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

async function until(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function check(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push([name, false]);
    console.log(`FAIL ${name}: ${error.message}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function json(base, path, init = {}) {
  const response = await fetch(base + path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function run(child, base, { firstStart }) {
  await until(async () => (await fetch(`${base}/api/health`)).ok, 'the api to answer');
  await check(`${firstStart ? 'first' : 'second'} start: demo logins printed only when seeding`, async () => {
    assert(child.output.includes('Demo province ready') === firstStart, `banner shown=${!firstStart}`);
  });
  let token;
  await check('admin signs in over HTTP', async () => {
    const login = await json(base, '/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: 'ThucHoc@2026' }),
    });
    assert(login.status === 200, `login answered ${login.status}`);
    token = login.body.accessToken;
    const me = await json(base, '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    assert(me.status === 200 && me.body.roles.includes('admin'), `me answered ${me.status}`);
  });
  await check('readiness reports the embedded engines', async () => {
    const ready = await json(base, '/api/health/ready');
    assert(ready.status === 200, `ready answered ${ready.status}`);
    assert(ready.body.details.redis.engine === 'in-process', 'queue engine is not in-process');
  });
  await check('the demo province has exactly 36 users', async () => {
    const users = await json(base, '/api/v1/users?pageSize=1', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert(users.body.total === 36, `found ${users.body.total}`);
  });
  await check('in-process processors deliver outbox events (welcome notification)', async () => {
    await until(
      async () => {
        const notes = await json(base, '/api/v1/me/notifications', {
          headers: { authorization: `Bearer ${token}` },
        });
        return notes.body.items.some((n) => n.kind === 'welcome');
      },
      'the welcome notification',
      20_000,
    );
  });
  await check(
    'a demo learner sees the open demo class, whose ledger chain verifies intact in a job',
    async () => {
      const learner = await json(base, '/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: 'hocvien11', password: 'ThucHoc@2026' }),
      });
      const auth = { authorization: `Bearer ${learner.body.accessToken}` };
      const mine = await json(base, '/api/v1/me/classes', { headers: auth });
      const demo = mine.body.find((c) => c.classCode === 'DVM-2026-01');
      assert(demo && demo.status === 'open' && demo.enrollmentStatus === 'active', 'demo class missing');
      const admin = { authorization: `Bearer ${token}` };
      const queued = await json(base, `/api/v1/classes/${demo.classId}/history/verifications`, {
        method: 'POST',
        headers: admin,
      });
      assert(queued.status === 202, `verification answered ${queued.status}`);
      const result = await until(async () => {
        const got = await json(
          base,
          `/api/v1/classes/${demo.classId}/history/verifications/${queued.body.id}`,
          {
            headers: admin,
          },
        );
        return got.body.result ?? undefined;
      }, 'the verification job');
      assert(result.isIntact && result.sealedEntries > 0, `chain ${JSON.stringify(result)}`);
    },
  );
  await check('the web app is served at / with SPA fallback', async () => {
    for (const path of ['/', '/admin/org-units']) {
      const page = await fetch(base + path);
      const html = await page.text();
      assert(page.status === 200 && html.includes('<th-root'), `${path} answered ${page.status}`);
    }
  });
}

async function checkInvalidConfiguration() {
  await check('an invalid configuration stops the process and names the variable', async () => {
    const env = { ...process.env, PORT: 'eighty', DATA_DIR: dataDir, JWT_ACCESS_SECRET: 'short' };
    const bad = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    bad.stdout.on('data', (chunk) => (output += chunk));
    bad.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => bad.on('exit', resolve));
    assert(code === 1, `exit code ${code}`);
    assert(
      output.includes('PORT must be') && output.includes('JWT_ACCESS_SECRET must be'),
      output.slice(0, 300),
    );
  });
}

let child;
try {
  await checkInvalidConfiguration();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  child = start(port);
  await run(child, base, { firstStart: true });
  child.kill('SIGTERM');
  await check('shuts down cleanly on SIGTERM', async () => {
    // Nest closes the app (database, queues) and then re-raises the signal.
    const { code, signal } = await child.exited;
    assert(code === 0 || signal === 'SIGTERM', `exit code ${code}, signal ${signal}`);
  });
  child = start(port);
  await run(child, base, { firstStart: false });
} catch (error) {
  results.push(['smoke run', false]);
  console.log(`FAIL ${error.message}\n${child?.output.slice(-3000) ?? ''}`);
} finally {
  child?.kill('SIGTERM');
  await child?.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`smoke: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
