'use strict';

const crypto = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const Redis = require('ioredis');
const { onCleanup } = require('./cleanup');
const { startChild, freePort, delay } = require('./children');

const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379';
const READY_POLL_MS = 250;
const READY_MAX_TRIES = 480; // 2 minutes: migrations plus the demo seed (argon2 hashes) on a slow box
const REDIS_SCAN_MAX_ROUNDS = 10_000;

/**
 * Everything the product needs for one bench invocation: a fresh PostgreSQL
 * database, a Redis key prefix of its own, and `node dist/apps/api/main.js`
 * in production mode on a free port. All of it is undone by the clean-up stack.
 */
async function startProduct(root, { profile = false, echo = false } = {}) {
  const id = crypto.randomBytes(6).toString('hex');
  const database = `thuchoc_bench_${id}`;
  const redisPrefix = `bench-${id}`;

  await checkRedis();
  await createDatabase(database);
  onCleanup(`drop database ${database}`, () => dropDatabase(database));
  onCleanup(`delete Redis keys ${redisPrefix}*`, () => deleteRedisKeys(redisPrefix));

  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...(process.env.TMPDIR && { TMPDIR: process.env.TMPDIR }),
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    JWT_ACCESS_SECRET: randomChars(48),
    MIGRATE_ON_START: 'true',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    NODE_ENV: 'production',
  };
  const nodeArgs = profile ? ['-r', path.join(__dirname, 'profiler-preload.js')] : [];
  const started = Date.now();
  const child = startChild('product', process.execPath, [...nodeArgs, 'dist/apps/api/main.js'], {
    cwd: root,
    env,
    ipc: profile,
    echo,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(child, `${baseUrl}/api/health/ready`);
  console.log(
    `[bench] product: ready on ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (db ${database}, redis prefix ${redisPrefix})`,
  );
  return { child, baseUrl, port, database, redisPrefix, env };
}

/**
 * One more api process on the product's database and Redis prefix, as a
 * second api replica runs in docker/compose.yml (no migrations, no seed: the
 * first process did both), on a free port of its own. Stopped by the
 * clean-up stack. Returns {child, baseUrl}.
 */
async function startApiReplica(root, product, { index, echo = false } = {}) {
  const port = await freePort();
  const env = { ...product.env, MIGRATE_ON_START: 'false', SEED_DEMO: 'false', PORT: String(port) };
  const started = Date.now();
  const child = startChild(`product replica ${index}`, process.execPath, ['dist/apps/api/main.js'], {
    cwd: root,
    env,
    echo,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(child, `${baseUrl}/api/health/ready`);
  console.log(
    `[bench] product replica ${index}: ready on ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { child, baseUrl };
}

const WORKER_READY_LINE = 'ThucHoc worker is processing queues';
const WORKER_READY_TIMEOUT_MS = 60_000;

/**
 * Starts `node dist/apps/worker/main.js` against the product's database and
 * Redis prefix (same environment as the api, without its port, migrations or
 * seed), and waits until it reports that it processes the queues. Stopped by
 * the clean-up stack. Build it first (`ensureAppBuilt(root, 'worker')`).
 * `nodeArgs` go before the script (e.g. `-r lib/profiler-preload.js` with `ipc`).
 */
async function startWorker(root, product, { echo = false, ipc = false, nodeArgs = [], env = {} } = {}) {
  const shared = { ...product.env, MIGRATE_ON_START: 'false', SEED_DEMO: 'false', ...env };
  delete shared.PORT;
  const started = Date.now();
  const child = startChild('worker', process.execPath, [...nodeArgs, 'dist/apps/worker/main.js'], {
    cwd: root,
    env: shared,
    ipc,
    echo,
  });
  for (let waited = 0; !child.output().includes(WORKER_READY_LINE); waited += READY_POLL_MS) {
    if (child.exitInfo)
      throw new Error(
        `worker exited (${describeExit(child.exitInfo)}) before it was ready:\n${child.output()}`,
      );
    if (waited >= WORKER_READY_TIMEOUT_MS)
      throw new Error(`worker not ready after ${WORKER_READY_TIMEOUT_MS} ms. Output:\n${child.output()}`);
    await delay(READY_POLL_MS);
  }
  console.log(`[bench] worker: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`);
  return child;
}

async function waitReady(child, url) {
  let lastProblem = 'no answer yet';
  for (let attempt = 1; attempt <= READY_MAX_TRIES; attempt++) {
    if (child.exitInfo) {
      throw new Error(
        `${child.name} exited (${describeExit(child.exitInfo)}) before it was ready:\n${child.output()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
    await delay(READY_POLL_MS);
  }
  throw new Error(
    `${child.name} not ready after ${READY_MAX_TRIES} tries (${url}: ${lastProblem}). Output:\n${child.output()}`,
  );
}

/** POST /api/v1/auth/login → the access token. */
async function login(baseUrl, username, password) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`login as ${username} answered HTTP ${response.status}: ${text}`);
  }
  const { accessToken } = JSON.parse(text);
  if (typeof accessToken !== 'string' || accessToken === '')
    throw new Error(`login answered no accessToken: ${text}`);
  return accessToken;
}

/** One GET; returns status, content type and the exact body text. */
async function fetchOnce(url, headers = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  };
}

async function checkRedis() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis at ${REDIS_URL} does not answer: ${error.message}`);
  } finally {
    redis.disconnect();
  }
}

async function withAdminClient(fn) {
  const client = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at ${PG_ADMIN_URL} does not answer: ${error.message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function createDatabase(name) {
  assertIdentifier(name);
  return withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
}

function dropDatabase(name) {
  assertIdentifier(name);
  // WITH (FORCE): a child that died badly may still hold a connection.
  return withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** SCAN + DEL every key under the bench prefix (queues, counters); bounded rounds. */
async function deleteRedisKeys(prefix) {
  if (!/^bench-[0-9a-f]+$/.test(prefix))
    throw new Error(`refusing to delete Redis keys for prefix "${prefix}"`);
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000 });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    for (let round = 0; round < REDIS_SCAN_MAX_ROUNDS; round++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
  if (deleted > 0) console.log(`[bench] clean-up: deleted ${deleted} Redis keys under ${prefix}`);
}

function assertIdentifier(name) {
  if (!/^thuchoc_bench_[0-9a-f]+$/.test(name)) throw new Error(`refusing to touch database "${name}"`);
}

function randomChars(count) {
  return crypto.randomBytes(count).toString('base64url').slice(0, count);
}

function describeExit({ code, signal, error }) {
  if (error) return error.message;
  return signal ? `signal ${signal}` : `code ${code}`;
}

module.exports = {
  startProduct,
  startApiReplica,
  startWorker,
  login,
  fetchOnce,
  waitReady,
  createDatabase,
  dropDatabase,
};
