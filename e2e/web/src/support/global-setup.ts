import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, BASE_URL_ENV, RESULTS_DIR, WORKSPACE_ROOT } from './paths';

const STARTUP_TIMEOUT_MS = 180_000;
const HEALTH_POLL_INTERVAL_MS = 250;

export interface E2eServer {
  process: ChildProcess;
  dataDir: string;
}

declare global {
  // Shared by globalSetup and globalTeardown, which run in the same process.
  var __THUCHOC_E2E_SERVER__: E2eServer | undefined;
}

/**
 * Starts the whole product in embedded mode (PGlite in a fresh folder,
 * in-process jobs, demo data) on a free port, the way `npm start` runs it,
 * and waits until its health check answers.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (process.env[BASE_URL_ENV]) return; // an already running product was named

  if (!existsSync(API_MAIN)) {
    throw new Error(`${API_MAIN} is missing: build first (npx nx run-many -t build -p api web).`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'thuchoc-web-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    // The shortest step the API accepts: the attendance journey waits for a code to rotate out.
    CHECKIN_CODE_STEP_SECONDS: '10',
    // A quiz attempt is auto-submitted 2 s after its deadline; the sweeper looks every second.
    ATTEMPT_GRACE_SECONDS: '2',
    ATTEMPT_SWEEP_MS: '1000',
  };
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];

  const server = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(RESULTS_DIR, 'web-e2e-api.log'));
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  globalThis.__THUCHOC_E2E_SERVER__ = { process: server, dataDir };

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server);
  process.env[BASE_URL_ENV] = baseUrl;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls GET /api/health until it answers 200; fails at once if the server exits. */
async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  let exitCode: number | null = null;
  server.once('exit', (code) => (exitCode = code ?? -1));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== null)
      throw new Error(
        `The API exited with code ${exitCode} while starting; see test-results/web-e2e-api.log`,
      );
    if (await isHealthy(baseUrl)) return;
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_INTERVAL_MS));
  }
  throw new Error(`The API did not answer ${baseUrl}/api/health within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`);
    return response.status === 200;
  } catch {
    return false;
  }
}
