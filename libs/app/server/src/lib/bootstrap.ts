import { setPriority } from 'node:os';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ClassesDemoSeeder } from '@thuchoc/classes/api';
import { DEMO_LOGINS_BANNER, DemoSeeder } from '@thuchoc/identity/api';
import {
  AppConfig,
  configureApp,
  dataSourceOptions,
  EmbeddedPostgres,
  JSON_BODY_LIMIT,
  requestIdOf,
} from '@thuchoc/shared/api-core';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiModule, WorkerModule } from './api.module';
import { serveWebApp } from './web-app';

/** Builds the api exactly as production runs it; used by main.ts and the e2e tests. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    new FastifyAdapter({
      // The number of proxies in front whose X-Forwarded-For is believed (0: none).
      trustProxy: config.trustProxy,
      bodyLimit: JSON_BODY_LIMIT,
      genReqId: requestIdOf,
      // No Express-style middleware runs here: everything per request is a Fastify hook.
      skipMiddie: true,
    }),
    { bufferLogs: true, bodyParser: false },
  );
  await configureApp(app, config);
  await serveWebApp(app, config.webRoot);
  await app.init();
  // Fastify finishes loading its plugins here: in-process requests (tests) need it before listen().
  await app.getHttpAdapter().getInstance().ready();
  if (config.seedDemo && (await app.get(DemoSeeder).seedIfEmpty())) {
    await app.get(ClassesDemoSeeder).seed();
    console.log(DEMO_LOGINS_BANNER);
  }
  return app;
}

export async function createWorker(config: AppConfig): Promise<INestApplicationContext> {
  // Background work yields to the api on a shared host (raising one's own niceness needs no privilege).
  setPriority(config.workerNice);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  worker.useLogger(worker.get(Logger));
  worker.enableShutdownHooks();
  await worker.init();
  return worker;
}

/** Applies pending migrations and returns their names. */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const embedded = config.databaseUrl ? null : new EmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? (await (embedded as EmbeddedPostgres).start());
  const dataSource = new DataSource(dataSourceOptions(url, config.isEmbedded));
  try {
    await dataSource.initialize();
    return (await dataSource.runMigrations()).map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}
