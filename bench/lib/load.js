'use strict';

const autocannon = require('autocannon');

let current = null;
let aborted = false;

/** Stops the load run in progress (autocannon or another generator) and refuses further runs (SIGINT handler). */
function stopLoad() {
  aborted = true;
  if (current) current.stop();
}

/**
 * Registers another load generator's run (anything with `stop()`) so `stopLoad` reaches it too.
 * Throws when the load was stopped already; returns the function that forgets the run.
 */
function trackLoad(run) {
  if (aborted) throw new Error('load stopped (interrupted)');
  current = run;
  return () => {
    if (current === run) current = null;
  };
}

function isLoadStopped() {
  return aborted;
}

/**
 * One autocannon run. Only 127.0.0.1 targets are accepted. Returns the figures
 * the report uses; latencies in ms, req/s is the mean of the per-second samples.
 * Optional: `method`, `body`; `requests` (autocannon's request list, e.g. one
 * entry whose `setupRequest` rotates through many users' tokens); `amount` (stop
 * after that many requests instead of after `duration`) with `capSeconds`, a
 * time limit after which such a run is stopped (`capped` in the result).
 */
async function runLoad({
  url,
  headers = {},
  method,
  body,
  requests,
  amount,
  capSeconds,
  connections,
  duration,
  pipelining = 1,
  title,
}) {
  if (aborted) throw new Error('load stopped (interrupted)');
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`bench traffic goes to 127.0.0.1 only (got ${url})`);
  const instance = autocannon({
    url,
    headers,
    connections,
    pipelining,
    title,
    timeout: 10,
    ...(method && { method }),
    ...(body !== undefined && { body }),
    ...(requests && { requests }),
    ...(amount ? { amount } : { duration }),
  });
  current = instance;
  let capped = false;
  const cap =
    amount && capSeconds
      ? setTimeout(() => {
          capped = true;
          instance.stop();
        }, capSeconds * 1000)
      : null;
  let result;
  try {
    result = await instance;
  } finally {
    current = null;
    clearTimeout(cap);
  }
  if (aborted) throw new Error('load stopped (interrupted)');
  const elapsedMs = result.finish - result.start;
  return {
    title,
    url,
    connections,
    pipelining,
    durationS: result.duration,
    elapsedMs,
    ...(amount && { amount, capped }),
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    /** Completed requests over the wall time of the run (what a short, fixed-amount run should report). */
    reqPerSecOverall: elapsedMs > 0 ? (result.requests.total * 1000) / elapsedMs : 0,
    latencyMs: {
      mean: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    throughputBytesPerSec: result.throughput.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]),
    ),
  };
}

module.exports = { runLoad, stopLoad, trackLoad, isLoadStopped };
