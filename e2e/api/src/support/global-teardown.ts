import './register-paths';
import { dropTestDatabase } from '@thuchoc/shared/api-testing';

export default async function globalTeardown(): Promise<void> {
  const name = process.env['THUCHOC_E2E_DATABASE'];
  if (name) await dropTestDatabase(name);
}
