import './register-paths';
import { loadConfig } from '@thuchoc/shared/api-core';
import { runMigrations } from '@thuchoc/app/server';
import { createTestDatabase, testEnvironment } from '@thuchoc/shared/api-testing';

/** One database for the run, migrated once through the same command production uses. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase('e2e');
  process.env['THUCHOC_E2E_DATABASE'] = database.name;
  process.env['THUCHOC_E2E_DATABASE_URL'] = database.url;
  await runMigrations(loadConfig(testEnvironment(database.url)));
}
