'use strict';

/**
 * Preloaded into the product (`node -r …/profiler-preload.js`) by `--profile`.
 * It lets the harness profile a chosen window — the measured load only, not
 * start-up, migrations or seeding — with the same V8 CPU profiler that
 * `node --cpu-prof` uses, and writes a .cpuprofile (open it in Chrome DevTools
 * or speedscope). Driven over the IPC channel:
 *   {type: 'profile:start'}              → {type: 'profile:started'}
 *   {type: 'profile:stop', file: '…'}    → {type: 'profile:written', file}
 */
const fs = require('node:fs');
const inspector = require('node:inspector');

if (typeof process.send === 'function') {
  // The channel must not keep the product alive once it has closed its server.
  process.channel?.unref();
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );

  process.on('message', (message) => {
    if (!message || typeof message.type !== 'string') return;
    if (message.type === 'profile:start') {
      post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: message.intervalUs ?? 500 }))
        .then(() => post('Profiler.start'))
        .then(() => process.send({ type: 'profile:started' }))
        .catch((error) => process.send({ type: 'profile:error', message: String(error) }));
    } else if (message.type === 'profile:stop') {
      post('Profiler.stop')
        .then(({ profile }) => {
          fs.writeFileSync(message.file, JSON.stringify(profile));
          return post('Profiler.disable');
        })
        .then(() => process.send({ type: 'profile:written', file: message.file }))
        .catch((error) => process.send({ type: 'profile:error', message: String(error) }));
    }
  });
}
