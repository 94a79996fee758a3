'use strict';

const { snapshot, usageBetween } = require('./cpu');
const { runLoad } = require('./load');

/**
 * Runs the same load against the baseline and the product, `rounds` times,
 * alternating the order each round (baseline→product, product→baseline, …) so
 * slow drift of the machine hits both alike. Each measured run is preceded by
 * a discarded warm-up run against the same target. A target is {url, headers,
 * pid}, optionally with `method` and autocannon `requests` (e.g. one entry whose
 * setupRequest rotates through many users); the pid lets each run record the
 * server's CPU use. Returns every run and the per-target medians.
 */
async function compareTargets({ baseline, product }, settings) {
  const { connections, duration, warmup, pipelining, rounds } = settings;
  const targets = { baseline, product };
  const runs = [];
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? ['baseline', 'product'] : ['product', 'baseline'];
    for (const name of order) {
      const target = targets[name];
      const common = {
        url: target.url,
        headers: target.headers,
        method: target.method,
        requests: target.requests,
        connections,
        pipelining,
      };
      if (warmup > 0) {
        process.stdout.write(`[bench] round ${round}/${rounds} ${name}: warm-up ${warmup} s … `);
        await runLoad({ ...common, duration: warmup, title: `${name} warm-up` });
      } else {
        process.stdout.write(`[bench] round ${round}/${rounds} ${name}: `);
      }
      process.stdout.write(`measuring ${duration} s … `);
      const before = snapshot(target.pid);
      const result = await runLoad({ ...common, duration, title: name });
      result.cpu = usageBetween(before, snapshot(target.pid), result.requests);
      console.log(
        `${fmt(result.reqPerSec, 0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms` +
          (result.non2xx || result.errors ? `, non-2xx ${result.non2xx}, errors ${result.errors}` : ''),
      );
      runs.push({ round, target: name, ...result });
    }
  }
  return { runs, baseline: medianOf(runs, 'baseline'), product: medianOf(runs, 'product') };
}

/** Median of each figure over the runs of one target; error counts are summed. */
function medianOf(runs, target) {
  const mine = runs.filter((run) => run.target === target);
  return {
    runs: mine.length,
    reqPerSec: median(mine.map((run) => run.reqPerSec)),
    latencyMs: {
      p50: median(mine.map((run) => run.latencyMs.p50)),
      p90: median(mine.map((run) => run.latencyMs.p90)),
      p99: median(mine.map((run) => run.latencyMs.p99)),
      max: Math.max(...mine.map((run) => run.latencyMs.max)),
    },
    cpu: {
      serverCorePct: medianOrNull(mine.map((run) => run.cpu.serverCorePct)),
      serverCpuMsPerRequest: medianOrNull(mine.map((run) => run.cpu.serverCpuMsPerRequest)),
      loadGeneratorCorePct: medianOrNull(mine.map((run) => run.cpu.loadGeneratorCorePct)),
      machineBusyPct: medianOrNull(mine.map((run) => run.cpu.machineBusyPct)),
    },
    requests: sum(mine.map((run) => run.requests)),
    errors: sum(mine.map((run) => run.errors)),
    timeouts: sum(mine.map((run) => run.timeouts)),
    non2xx: sum(mine.map((run) => run.non2xx)),
    statusCodes: mine.reduce((all, run) => {
      for (const [code, count] of Object.entries(run.statusCodes)) all[code] = (all[code] ?? 0) + count;
      return all;
    }, {}),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianOrNull(values) {
  return values.some((value) => value === null) ? null : Math.round(median(values) * 1e4) / 1e4;
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}

function fmt(value, digits) {
  return Number(value).toFixed(digits);
}

module.exports = { compareTargets, median };
