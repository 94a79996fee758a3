import { createApiApp, runMigrations } from '@thuchoc/app/server';
import { loadConfigOrExit } from '@thuchoc/shared/api-core';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(config);
    console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'schema is up to date');
    return;
  }
  const app = await createApiApp(config);
  await app.listen(config.port);
  console.log(`ThucHoc is listening on http://localhost:${config.port} (API: /api/v1, docs: /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
