import './register-paths';
import { Client } from 'pg';
import { TEST_POSTGRES_URL } from '@thuchoc/shared/api-testing';

export default async function globalTeardown(): Promise<void> {
  const name = process.env['THUCHOC_E2E_DATABASE'];
  if (!name) return;
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
