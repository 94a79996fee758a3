'use strict';

const { spawn } = require('node:child_process');
const net = require('node:net');
const { onCleanup, onExitKill } = require('./cleanup');

const TAIL_LINES = 200;

/**
 * Spawns a long-running child (a server under test) and registers its stop in
 * the clean-up stack. Its output is kept (last lines only) so a failure can
 * show why the child died; `echo` streams it to our terminal as well.
 */
function startChild(name, command, args, { env, cwd, ipc = false, echo = false } = {}) {
  const proc = spawn(command, args, {
    cwd,
    env,
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  const keep = (stream) => (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      if (echo) stream.write(`[${name}] ${line}\n`);
    }
  };
  proc.stdout.on('data', keep(process.stdout));
  proc.stderr.on('data', keep(process.stderr));

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    proc.on('error', (error) => {
      tail.push(`spawn error: ${error.message}`);
      exitInfo = { code: null, signal: null, error };
      resolve(exitInfo);
    });
  });
  const forget = onExitKill(() => {
    if (!exitInfo) proc.kill('SIGKILL');
  });

  const child = {
    name,
    proc,
    pid: proc.pid,
    exited,
    get exitInfo() {
      return exitInfo;
    },
    output: () => tail.join('\n'),
    /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
    async stop(graceMs = 10_000) {
      if (!exitInfo) {
        proc.kill('SIGTERM');
        const timedOut = await Promise.race([
          exited.then(() => false),
          delay(graceMs, true).then(() => true),
        ]);
        if (timedOut && !exitInfo) {
          console.error(`[bench] ${name} (pid ${proc.pid}) ignored SIGTERM for ${graceMs} ms: SIGKILL`);
          proc.kill('SIGKILL');
          await Promise.race([exited, delay(2_000, true)]);
        }
      }
      forget();
    },
  };
  onCleanup(`stop ${name}`, () => child.stop());
  return child;
}

/** A port that was free a moment ago on 127.0.0.1 (the kernel picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves after `ms`; an unref'd delay (used in races) never keeps the process alive by itself. */
function delay(ms, unref = false) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (unref) timer.unref();
  });
}

module.exports = { startChild, freePort, delay };
