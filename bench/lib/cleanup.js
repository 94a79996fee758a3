'use strict';

/**
 * One stack of clean-up steps for the whole run. Every resource the harness
 * creates (database, Redis keys, child processes) registers its undo step right
 * after it exists; `runAll` undoes them newest first, and keeps going when one
 * step fails so a broken step never leaks the others.
 */
const steps = [];
/** Synchronous last-resort steps (SIGKILL a child) for when the process exits without awaiting clean-up. */
const lastResort = new Set();
let running = null;

function onCleanup(label, fn) {
  steps.push({ label, fn });
}

function onExitKill(fn) {
  lastResort.add(fn);
  return () => lastResort.delete(fn);
}

function runAll() {
  if (running) return running;
  running = (async () => {
    let count = 0;
    while (steps.length > 0) {
      count++;
      const { label, fn } = steps.pop();
      try {
        await fn();
      } catch (error) {
        console.error(
          `[bench] clean-up "${label}" failed: ${error && error.message ? error.message : error}`,
        );
      }
    }
    return count;
  })().finally(() => {
    running = null;
  });
  return running;
}

process.on('exit', () => {
  for (const fn of lastResort) {
    try {
      fn();
    } catch {
      // the process is exiting: nothing left to report to
    }
  }
});

module.exports = { onCleanup, onExitKill, runAll };
