'use strict';

const http = require('node:http');
const { trackLoad } = require('./load');

const DEFAULT_MAX_SOCKETS = 200;
const DEFAULT_TIMEOUT_MS = 10_000;
const START_DELAY_MS = 20;

/**
 * Open-loop load at a fixed arrival rate: `arrivals` clients (e.g. learners)
 * arrive `rate` per second, and each sends `perArrival` requests at once at its
 * arrival time, whether or not earlier requests have been answered. Latency is
 * measured from each request's scheduled send time, so time spent queued (in
 * the agent, the kernel or the server) counts: no coordinated omission.
 *
 * Node's `http` client with one keep-alive Agent (`maxSockets` bounded): beyond
 * that many requests in flight, requests wait in the agent's queue, and that
 * wait is part of their latency. `request(arrival, k)` gives the k-th request
 * of an arrival as {path, headers, body}; it is called at send time, so a body
 * can carry what is valid at that moment. `onFailure(status, bodyText)`, when
 * given, hears every non-2xx answer. Only 127.0.0.1 targets are accepted.
 * `url` may be a list (replicas of one server): requests go to them in turn,
 * as a round-robin load balancer spreads them, and `maxSockets` is shared out.
 *
 * Bounded: each request times out after `timeoutMs`, and the whole run ends at
 * `deadlineMs` after the first send; requests still open then count as
 * timeouts. Returns every figure the report uses (latencies in ms).
 */
function runOpenLoop({
  url,
  method = 'POST',
  arrivals,
  perArrival,
  rate,
  request,
  onFailure,
  maxSockets = DEFAULT_MAX_SOCKETS,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  deadlineMs,
  title,
}) {
  const targets = [url].flat().map((each) => {
    const { hostname, port } = new URL(each);
    if (hostname !== '127.0.0.1') throw new Error(`bench traffic goes to 127.0.0.1 only (got ${each})`);
    return { hostname, port };
  });
  if (!(rate > 0) || !(arrivals > 0) || !(perArrival > 0) || !(deadlineMs > 0))
    throw new Error('runOpenLoop needs a positive rate, arrivals, perArrival and deadlineMs');

  const total = arrivals * perArrival;
  const intervalMs = 1000 / rate;
  const socketsEach = Math.max(1, Math.floor(maxSockets / targets.length));
  for (const target of targets)
    target.agent = new http.Agent({ keepAlive: true, maxSockets: socketsEach, maxFreeSockets: socketsEach });
  let sent = 0; // requests sent, for the round-robin
  const latencies = new Float64Array(total);
  const statusCodes = {};
  let completed = 0; // answered, any status
  let settled = 0; // answered, failed or timed out
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  let maxSendLagMs = 0;
  let firstSendAt = null;
  let lastDoneAt = null;
  let next = 0; // next arrival to send
  let timer = null;
  let finished = false;

  return new Promise((resolve, reject) => {
    let forget = () => undefined;
    const finish = (stoppedEarly) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(deadline);
      forget();
      for (const target of targets) target.agent.destroy();
      const unsent = (arrivals - next) * perArrival;
      const open = total - settled - unsent;
      if (stoppedEarly === 'interrupted') {
        reject(new Error('load stopped (interrupted)'));
        return;
      }
      timeouts += open + unsent;
      errors += open + unsent;
      resolve(figures());
    };

    const send = (arrival, scheduledAt) => {
      for (let k = 0; k < perArrival; k++) {
        const spec = request(arrival, k);
        const body = spec.body === undefined ? null : Buffer.from(spec.body);
        const headers = { ...spec.headers, 'content-length': String(body ? body.length : 0) };
        let done = false;
        const settle = (status) => {
          if (done || finished) return;
          done = true;
          settled++;
          if (status === null) {
            errors++;
          } else {
            const at = performance.now();
            latencies[completed++] = at - scheduledAt;
            lastDoneAt = at;
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
            if (status < 200 || status > 299) non2xx++;
          }
          if (settled === total) finish(false);
        };
        const { agent, hostname, port } = targets[sent++ % targets.length];
        const req = http.request(
          { agent, host: hostname, port, method, path: spec.path, headers, timeout: timeoutMs },
          (res) => {
            const ok = res.statusCode >= 200 && res.statusCode <= 299;
            const chunks = [];
            res.on('data', (chunk) => {
              if (!ok && onFailure) chunks.push(chunk);
            });
            res.on('end', () => {
              if (!ok && onFailure && !finished)
                onFailure(res.statusCode, Buffer.concat(chunks).toString('utf8'));
              settle(res.statusCode);
            });
            res.on('error', () => settle(null));
          },
        );
        req.on('timeout', () => {
          if (!done && !finished) timeouts++;
          req.destroy(new Error('timeout'));
        });
        req.on('error', () => settle(null));
        req.end(body ?? undefined);
      }
    };

    const startAt = performance.now() + START_DELAY_MS;
    const tick = () => {
      if (finished) return;
      const now = performance.now();
      while (next < arrivals && startAt + next * intervalMs <= now) {
        const scheduledAt = startAt + next * intervalMs;
        firstSendAt ??= now;
        maxSendLagMs = Math.max(maxSendLagMs, now - scheduledAt);
        send(next, scheduledAt);
        next++;
      }
      // The arrival schedule is the one timer here: wake up for the next arrival.
      if (next < arrivals)
        timer = setTimeout(tick, Math.max(0, startAt + next * intervalMs - performance.now()));
    };
    const deadline = setTimeout(() => finish(false), START_DELAY_MS + deadlineMs);
    forget = trackLoad({ stop: () => finish('interrupted') });
    timer = setTimeout(tick, START_DELAY_MS);
  });

  function figures() {
    const sorted = latencies.subarray(0, completed).sort();
    const at = (q) =>
      completed === 0 ? null : round(sorted[Math.min(completed - 1, Math.ceil(q * completed) - 1)], 2);
    const spanMs = firstSendAt !== null && lastDoneAt !== null ? lastDoneAt - firstSendAt : 0;
    let sum = 0;
    for (const value of sorted) sum += value;
    return {
      title,
      url,
      rate,
      arrivals,
      perArrival,
      offeredReqPerSec: rate * perArrival,
      maxSockets,
      requests: completed,
      /** Completed requests over the span from the first send to the last completion. */
      reqPerSec: spanMs > 0 ? round((completed * 1000) / spanMs, 1) : 0,
      spanMs: round(spanMs, 1),
      /** How late the generator itself sent an arrival (an event-loop stall here inflates latency). */
      maxSendLagMs: round(maxSendLagMs, 2),
      latencyMs: {
        mean: completed === 0 ? null : round(sum / completed, 2),
        p50: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        max: completed === 0 ? null : round(sorted[completed - 1], 2),
      },
      errors,
      timeouts,
      non2xx,
      statusCodes,
    };
  }
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

module.exports = { runOpenLoop };
