'use strict';

const path = require('node:path');
const { startChild, delay } = require('./children');

const LISTEN_TIMEOUT_MS = 15_000;

/**
 * Starts a baseline server (a script under bench/baselines/) as a child
 * process. The script reads its input from env and reports its port over IPC
 * as {type: 'listening', port}.
 */
async function startBaseline(script, env = {}, { echo = false } = {}) {
  const file = path.resolve(__dirname, '..', 'baselines', script);
  const child = startChild(`baseline ${script}`, process.execPath, [file], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...env },
    ipc: true,
    echo,
  });
  const port = await new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message && message.type === 'listening') {
        child.proc.off('message', onMessage);
        resolve(message.port);
      }
    };
    child.proc.on('message', onMessage);
    child.exited.then((info) =>
      reject(new Error(`${child.name} exited (${JSON.stringify(info)}):\n${child.output()}`)),
    );
    delay(LISTEN_TIMEOUT_MS, true).then(() =>
      reject(new Error(`${child.name} did not listen within ${LISTEN_TIMEOUT_MS} ms`)),
    );
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(`[bench] baseline: ${script} listening on ${baseUrl}`);
  return { child, baseUrl, port };
}

module.exports = { startBaseline };
