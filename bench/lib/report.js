'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    totalMemGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadavgAtStart: os.loadavg().map((value) => round(value, 2)),
  };
}

/**
 * Checks the throughput and latency goals against the medians:
 * product req/s ≥ minRatio × baseline req/s, and product p99 ≤ maxP99Ms.
 */
function evaluateGoals(comparison, { minRatio, maxP99Ms }) {
  const ratio = comparison.product.reqPerSec / comparison.baseline.reqPerSec;
  return {
    ratio,
    goals: [
      {
        id: 'throughput-ratio',
        description: `product req/s ≥ ${minRatio} × baseline req/s`,
        actual: round(ratio, 3),
        limit: minRatio,
        pass: ratio >= minRatio,
      },
      {
        id: 'product-p99',
        description: `product p99 ≤ ${maxP99Ms} ms`,
        actual: comparison.product.latencyMs.p99,
        limit: maxP99Ms,
        pass: comparison.product.latencyMs.p99 <= maxP99Ms,
      },
    ],
  };
}

/** Problems that make the figures meaningless (errors, wrong answers); empty when the run is valid. */
function validityProblems(comparison) {
  const problems = [];
  for (const target of ['baseline', 'product']) {
    const { non2xx, errors, timeouts, statusCodes } = comparison[target];
    if (non2xx > 0)
      problems.push(
        `${target} answered ${non2xx} non-2xx responses (status codes ${JSON.stringify(statusCodes)})`,
      );
    if (errors > 0) problems.push(`${target} had ${errors} connection errors (${timeouts} timeouts)`);
  }
  return problems;
}

function printComparison({ title, settings, comparison, verdict, problems, labels }) {
  const rows = [
    [
      '',
      'req/s',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'max ms',
      'requests',
      'non-2xx',
      'errors',
      'server CPU',
      'CPU ms/req',
      'machine busy',
    ],
    ...['baseline', 'product'].map((target) => {
      const m = comparison[target];
      return [
        labels[target],
        round(m.reqPerSec, 0),
        m.latencyMs.p50,
        m.latencyMs.p90,
        m.latencyMs.p99,
        m.latencyMs.max,
        m.requests,
        m.non2xx,
        m.errors,
        m.cpu.serverCorePct === null ? 'n/a' : `${round(m.cpu.serverCorePct, 0)} %`,
        m.cpu.serverCpuMsPerRequest === null ? 'n/a' : Number(m.cpu.serverCpuMsPerRequest.toPrecision(3)),
        m.cpu.machineBusyPct === null ? 'n/a' : `${round(m.cpu.machineBusyPct, 0)} %`,
      ].map(String);
    }),
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');

  console.log(`\n=== ${title} ===`);
  console.log(
    `${settings.connections} connections, pipelining ${settings.pipelining}, ${settings.duration} s measured after a ` +
      `${settings.warmup} s warm-up, ${settings.rounds} rounds (alternating order), medians of the rounds`,
  );
  const { cpus, cpuModel, node, loadavgAtStart } = settings.machine;
  console.log(
    `machine: ${cpus} × ${cpuModel}, ${node}, load average at start ${loadavgAtStart.join(' / ')}\n`,
  );
  console.log(line(rows[0]));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    '(server CPU: % of one core used by the server process; machine busy: all cores, load generator included)',
  );
  console.log(`\nratio product/baseline req/s: ${round(verdict.ratio, 3)}×`);
  console.log('\nGoals:');
  for (const goal of verdict.goals) {
    console.log(`  ${goal.pass ? 'PASS' : 'FAIL'}  ${goal.description.padEnd(40)} actual ${goal.actual}`);
  }
  const spread = (target) => {
    const values = comparison.runs.filter((run) => run.target === target).map((run) => run.reqPerSec);
    return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / Math.max(...values) : 0;
  };
  const noisy = ['baseline', 'product'].filter((target) => spread(target) > 0.15);
  if (noisy.length > 0 || loadavgAtStart[0] > cpus / 2) {
    console.log(
      `\nNOTE: the machine looked busy (load ${loadavgAtStart[0]} at start` +
        `${noisy.length > 0 ? `; req/s differed by more than 15 % between rounds for ${noisy.join(' and ')}` : ''}). ` +
        'Other work competes for the cores: re-run on a quiet machine before trusting small differences.',
    );
  }
  if (problems.length > 0) {
    console.error('\n!!! INVALID RUN — the figures above do not measure a healthy product:');
    for (const problem of problems) console.error(`!!!   ${problem}`);
  }
}

/** Lines of a plain text table: first column left-aligned, the others right-aligned. */
function formatTable(rows) {
  const cells = rows.map((row) => row.map(String));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((row) => row[col].length)));
  return cells.map((row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '),
  );
}

function writeJson(outDir, name, data) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}-${timestamp()}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

function timestamp(date = new Date()) {
  return date.toISOString().replace(/[:.]/g, '-');
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

module.exports = {
  machine,
  evaluateGoals,
  validityProblems,
  printComparison,
  formatTable,
  writeJson,
  timestamp,
};
