import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { createApiApp, createWorker } from '@thuchoc/app/server';
import { OrgUnitsService, UsersService } from '@thuchoc/identity/api';
import { OrgUnitKind, Role, TokenPair } from '@thuchoc/identity/contracts';
import { AppConfig, loadConfig } from '@thuchoc/shared/api-core';
import { testEnvironment } from '@thuchoc/shared/api-testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';

export const PASSWORD = 'Mật-khẩu-đủ-dài-2026';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  db: DataSource;
  worker: INestApplicationContext | null;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Also start a worker process context (processors + outbox relay) on the same database and Redis. */
  worker?: boolean;
  env?: Record<string, string>;
}

export function e2eDatabaseUrl(): string {
  const url = process.env['THUCHOC_E2E_DATABASE_URL'];
  if (!url) throw new Error('THUCHOC_E2E_DATABASE_URL is not set; run through the api-e2e jest config');
  return url;
}

/** The api built exactly as production builds it, on this run's database and Redis namespace. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig(testEnvironment(e2eDatabaseUrl(), options.env));
  const app = await createApiApp(config);
  const worker = options.worker ? await createWorker(config) : null;
  return {
    app,
    config,
    db: app.get(DataSource),
    worker,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await worker?.close();
      await app.close();
    },
  };
}

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export function makeUnit(
  t: TestApp,
  overrides: { name?: string; kind?: OrgUnitKind; parentId?: string | null } = {},
) {
  const code = unique('U').toUpperCase();
  return t.app.get(OrgUnitsService).create(
    {
      code,
      name: overrides.name ?? `Đơn vị ${code}`,
      kind: overrides.kind ?? OrgUnitKind.Commune,
      parentId: overrides.parentId ?? null,
    },
    null,
  );
}

export interface MakeUserOptions {
  orgUnitId: string;
  roles?: Role[];
  scopeUnitId?: string;
  fullName?: string;
  username?: string;
}

export function makeUser(t: TestApp, options: MakeUserOptions) {
  return t.app.get(UsersService).create(null, {
    username: options.username ?? unique('user'),
    fullName: options.fullName ?? 'Nguyễn Văn Thử',
    orgUnitId: options.orgUnitId,
    scopeUnitId: options.scopeUnitId,
    roles: options.roles ?? [Role.Learner],
    password: PASSWORD,
  });
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<TokenPair> {
  const response = await t.http().post('/api/v1/auth/login').send({ username, password }).expect(200);
  return response.body as TokenPair;
}

export const bearer = (tokens: TokenPair) => ({ Authorization: `Bearer ${tokens.accessToken}` });

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
