import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where tests find PostgreSQL and Redis: the test environment, overridable for other machines. */
export const TEST_POSTGRES_URL =
  process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  name: string;
  url: string;
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test run; drop it with dropTestDatabase afterwards. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `thuchoc_${label}_${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
  };
}

/** Drops a test database, closing its connections first. */
export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** The environment of a production-mode process on the test database and Redis. */
export function testEnvironment(
  databaseUrl: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    // Each run its own Redis namespace, so runs sharing a Redis never steal each other's jobs.
    REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    JWT_ACCESS_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    MIGRATE_ON_START: 'false',
    OUTBOX_POLL_MS: '50',
    ...overrides,
  };
}
