import { rmSync } from 'node:fs';
import { once } from 'node:events';

const STOP_TIMEOUT_MS = 15_000;

/** Stops the product started by globalSetup and removes its data folder. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__THUCHOC_E2E_SERVER__;
  if (server === undefined) return;
  const child = server.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  rmSync(server.dataDir, { recursive: true, force: true });
  globalThis.__THUCHOC_E2E_SERVER__ = undefined;
}
