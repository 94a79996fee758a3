import { createWorker } from '@thuchoc/app/server';
import { loadConfigOrExit } from '@thuchoc/shared/api-core';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.isEmbedded) {
    console.error(
      'The worker needs DATABASE_URL and REDIS_URL; in embedded mode the api runs the processors itself.',
    );
    process.exit(1);
  }
  await createWorker(config);
  console.log('ThucHoc worker is processing queues');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
