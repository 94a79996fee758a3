'use strict';

const autocannon = require('autocannon');

let current = null;
let aborted = false;

/** Stops the autocannon run in progress and refuses further runs (SIGINT handler). */
function stopLoad() {
  aborted = true;
  if (current) current.stop();
}

/**
 * One autocannon run. Only 127.0.0.1 targets are accepted. Returns the figures
 * the report uses; latencies in ms, req/s is the mean of the per-second samples.
 */
async function runLoad({ url, headers = {}, connections, duration, pipelining = 1, title }) {
  if (aborted) throw new Error('load stopped (interrupted)');
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`bench traffic goes to 127.0.0.1 only (got ${url})`);
  const instance = autocannon({ url, headers, connections, duration, pipelining, title, timeout: 10 });
  current = instance;
  let result;
  try {
    result = await instance;
  } finally {
    current = null;
  }
  if (aborted) throw new Error('load stopped (interrupted)');
  return {
    title,
    url,
    connections,
    pipelining,
    durationS: result.duration,
    requests: result.requests.total,
    reqPerSec: result.requests.average,
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

module.exports = { runLoad, stopLoad };
