'use strict';

const crypto = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const {
  prepareClass,
  openLiveSession,
  mintTokens,
  rotatingRequests,
  failureTally,
  postOnce,
  countRows,
  ME_SESSIONS,
} = require('../lib/attendance');
const { startBaseline } = require('../lib/baseline');
const { delay } = require('../lib/children');
const { onCleanup } = require('../lib/cleanup');
const { median } = require('../lib/compare');
const { snapshot, usageBetween } = require('../lib/cpu');
const { runLoad } = require('../lib/load');
const { runOpenLoop } = require('../lib/open-loop');
const { profileWindow, summariseProfile, printProfileSummary } = require('../lib/profile');
const { formatTable, writeJson, timestamp } = require('../lib/report');

const LEARNERS = 5_000;
const PER_LEARNER = 3;
const REQUESTS = LEARNERS * PER_LEARNER;
const GOALS = { minRatio: 0.5, maxP99Ms: 100, rows: LEARNERS };
/**
 * Learners arriving per second in the fixed-rate run (`--rate`). 150 → 450
 * check-ins/s offered, the 5,000 arriving over 33 s: a province-wide class
 * checking in as the code goes up on the screens. Higher rates measure overload.
 */
const DEFAULT_RATE = 150;
const OPEN_LOOP_MAX_SOCKETS = 200;
/** The fixed-rate run ends at most this long after the last arrival; what is still open counts as timed out. */
const DRAIN_LIMIT_S = 30;
/** The closed-loop run is stopped after this long if its 15,000 requests have not all been answered. */
const CLOSED_LOOP_CAP_S = 60;
/** A product that records asynchronously gets this long (polled) to show every row. */
const ROWS_SETTLE_MS = 5_000;
const ROWS_POLL_MS = 100;
/** The minted tokens live one hour; the whole load must fit well inside it. */
const MAX_LOAD_SECONDS = 3_000;

const TARGETS = {
  baseline: { label: 'baseline (node:http + pg INSERT)', table: 'bench_raw_check_ins' },
  product: { label: 'product (api)', table: 'attendance_records' },
};

module.exports = {
  name: 'check-in-storm',
  description:
    'POST /api/v1/me/attendance/sessions/:id/check-in: 5,000 learners × 3 concurrent check-ins, closed loop and fixed arrival rate, vs raw node:http + pg INSERT … ON CONFLICT DO NOTHING',
  goals: GOALS,

  async run(ctx) {
    const { settings } = ctx;
    const rate = ctx.options.rate ?? DEFAULT_RATE;
    const arrivalS = LEARNERS / rate;
    const perRunS = settings.warmup + CLOSED_LOOP_CAP_S + arrivalS + DRAIN_LIMIT_S;
    const plannedSeconds = settings.rounds * 2 * perRunS + (ctx.options.profile ? CLOSED_LOOP_CAP_S : 0);
    if (plannedSeconds > MAX_LOAD_SECONDS) {
      throw new Error(
        `planned load of up to ${Math.round(plannedSeconds)} s outlives the learners' tokens (keep it under ${MAX_LOAD_SECONDS} s)`,
      );
    }

    const product = await ctx.product();
    const db = new Client({ connectionString: product.env.DATABASE_URL });
    await db.connect();
    onCleanup('close bench database client', () => db.end());
    const world = await prepareClass(db, {
      count: LEARNERS,
      tag: `bench-ci-${crypto.randomBytes(3).toString('hex')}`,
    });
    const tokens = mintTokens(product.env.JWT_ACCESS_SECRET, world.learners);
    let sessions = 0;
    const newSession = (purpose) =>
      openLiveSession(db, world, `Buổi đo điểm danh ${++sessions} (${purpose})`);

    const baseline = await startBaseline(
      'raw-check-in-server.js',
      { DATABASE_URL: product.env.DATABASE_URL },
      { echo: ctx.options.verbose },
    );
    const targets = {
      baseline: { ...TARGETS.baseline, baseUrl: baseline.baseUrl, pid: baseline.child.pid },
      product: { ...TARGETS.product, baseUrl: product.baseUrl, pid: product.child.pid },
    };
    const probe = {};
    for (const name of ['baseline', 'product']) {
      const session = await newSession('probe');
      const url = `${targets[name].baseUrl}${route(session.id)}`;
      probe[name] = await postOnce(url, tokens[0], JSON.stringify({ code: session.currentCode() }));
    }
    if (probe.baseline.status !== 201)
      throw new Error(`the baseline answered HTTP ${probe.baseline.status}: ${probe.baseline.body}`);
    console.log(`[bench] product probe: HTTP ${probe.product.status} ${probe.product.body.slice(0, 300)}`);
    if (probe.product.status !== 201)
      console.error(
        `[bench] WARNING: the product does not answer a first check-in with 201 (HTTP ${probe.product.status}); ` +
          'measuring anyway, the run will be invalid',
      );
    console.log(
      `[bench] check-in-storm: per run a new live session; closed loop ${settings.connections} connections over ` +
        `${REQUESTS} requests, fixed rate ${rate} learners/s (${rate * PER_LEARNER} req/s offered, ` +
        `${arrivalS.toFixed(1)} s of arrivals, ≤ ${OPEN_LOOP_MAX_SOCKETS} sockets); ${settings.rounds} rounds (alternating)`,
    );

    const runs = [];
    for (let round = 1; round <= settings.rounds; round++) {
      const order = round % 2 === 1 ? ['baseline', 'product'] : ['product', 'baseline'];
      for (const name of order) {
        const target = targets[name];
        const label = `[bench] round ${round}/${settings.rounds} ${name}`;
        if (settings.warmup > 0) {
          process.stdout.write(`${label}: warm-up ${settings.warmup} s … `);
          await closedLoop(target, await newSession('warm-up'), tokens, settings, {
            duration: settings.warmup,
          });
        } else {
          process.stdout.write(`${label}: `);
        }
        process.stdout.write(`closed loop … `);
        const closed = await measured(db, target, await newSession('closed loop'), (session, failures) =>
          closedLoop(target, session, tokens, settings, { amount: REQUESTS, failures }),
        );
        console.log(describe(closed));
        runs.push({ round, target: name, kind: 'closed', ...closed });

        process.stdout.write(`${label}: fixed rate ${rate} learners/s … `);
        const open = await measured(db, target, await newSession('fixed rate'), (session, failures) =>
          runOpenLoop({
            url: target.baseUrl,
            arrivals: LEARNERS,
            perArrival: PER_LEARNER,
            rate,
            request: checkInRequest(session, tokens),
            onFailure: failures.record,
            maxSockets: OPEN_LOOP_MAX_SOCKETS,
            deadlineMs: (arrivalS + DRAIN_LIMIT_S) * 1000,
            title: `${name} fixed rate`,
          }),
        );
        console.log(describe(open));
        runs.push({ round, target: name, kind: 'fixed-rate', ...open });
      }
    }
    await baseline.child.stop();

    let profile = null;
    if (ctx.options.profile) {
      const file = path.join(ctx.outDir, `check-in-storm-${timestamp()}.cpuprofile`);
      console.log('[bench] profiling the product during one more closed-loop run (not counted) …');
      const session = await newSession('profiled');
      const run = await profileWindow(product.child, file, () =>
        closedLoop(targets.product, session, tokens, settings, { amount: REQUESTS }),
      );
      profile = { run, ...summariseProfile(file) };
    }

    const summary = summarise(runs);
    const verdict = evaluate(summary, runs);
    const problems = validityProblems(runs);
    printReport({ settings, rate, summary, verdict, problems, runs });
    if (profile) {
      console.log(
        `\nprofiled run (slower: profiler on): ${Math.round(profile.run.reqPerSecOverall)} req/s, p99 ${profile.run.latencyMs.p99} ms`,
      );
      printProfileSummary(profile);
    }

    const pass = verdict.goals.every((goal) => goal.pass);
    const file = writeJson(ctx.outDir, 'check-in-storm', {
      benchmark: 'check-in-storm',
      date: new Date().toISOString(),
      command: ctx.command,
      settings: { ...settings, rate, openLoopMaxSockets: OPEN_LOOP_MAX_SOCKETS },
      endpoint: { method: 'POST', path: `${ME_SESSIONS}/:sessionId/check-in`, body: '{"code":"<6 digits>"}' },
      world: {
        learners: LEARNERS,
        perLearner: PER_LEARNER,
        classId: world.classId,
        classCode: world.classCode,
      },
      probe,
      summary,
      goals: verdict.goals,
      pass,
      valid: problems.length === 0,
      problems,
      runs,
      profile,
    });
    console.log(`\n[bench] wrote ${path.relative(ctx.root, file)}`);
    return { pass, valid: problems.length === 0, file };
  },
};

function route(sessionId) {
  return `${ME_SESSIONS}/${sessionId}/check-in`;
}

/** Learner ⌊i / 3⌋'s check-in with the code shown right now (computed as the product does). */
function checkInRequest(session, tokens) {
  const path = route(session.id);
  return (arrival) => ({
    path,
    headers: { authorization: `Bearer ${tokens[arrival]}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: session.currentCode() }),
  });
}

/** autocannon over the learners: each learner's 3 requests leave back to back on different connections. */
function closedLoop(target, session, tokens, settings, { amount, duration, failures }) {
  const path = route(session.id);
  return runLoad({
    url: `${target.baseUrl}${path}`,
    method: 'POST',
    requests: rotatingRequests({
      path,
      tokens,
      perLearner: PER_LEARNER,
      body: () => JSON.stringify({ code: session.currentCode() }),
      failures,
    }),
    connections: settings.connections,
    pipelining: settings.pipelining,
    ...(amount ? { amount, capSeconds: CLOSED_LOOP_CAP_S } : { duration }),
    title: `${target.label} closed loop`,
  });
}

/** One measured run on a new session: the load, the server's CPU over it, why requests failed, then the rows. */
async function measured(db, target, session, work) {
  const failures = failureTally();
  const before = snapshot(target.pid);
  const result = await work(session, failures);
  const cpu = usageBetween(before, snapshot(target.pid), result.requests);
  const ok = Object.keys(result.statusCodes).some((code) => Number(code) >= 200 && Number(code) < 300);
  const { rows, settleMs } = await settledRows(db, target.table, session.id, ok);
  return {
    sessionId: session.id,
    ...result,
    reqPerSec: result.reqPerSecOverall ?? result.reqPerSec,
    cpu,
    failureKinds: failures.counts,
    rows,
    rowsSettleMs: settleMs,
  };
}

/** The session's rows; if not all there yet (and anything succeeded), polls a bounded while for the rest. */
async function settledRows(db, table, sessionId, anySucceeded) {
  const started = performance.now();
  let rows = await countRows(db, table, sessionId);
  while (anySucceeded && rows < LEARNERS && performance.now() - started < ROWS_SETTLE_MS) {
    await delay(ROWS_POLL_MS);
    rows = await countRows(db, table, sessionId);
  }
  return { rows, settleMs: Math.round(performance.now() - started) };
}

function describe(run) {
  const failures =
    run.non2xx || run.errors
      ? `, non-2xx ${run.non2xx} ${JSON.stringify(run.failureKinds)}, errors ${run.errors} (${run.timeouts} timeouts)`
      : '';
  return (
    `${Math.round(run.reqPerSec)} req/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, ` +
    `${run.rows} rows${run.capped ? ', STOPPED at the time cap' : ''}${failures}`
  );
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

function summarise(runs) {
  const out = {};
  for (const target of ['baseline', 'product']) {
    out[target] = {};
    for (const kind of ['closed', 'fixed-rate']) {
      const mine = runs.filter((run) => run.target === target && run.kind === kind);
      const med = (pick) => {
        const values = mine.map(pick).filter((value) => value !== null && value !== undefined);
        return values.length ? Math.round(median(values) * 100) / 100 : null;
      };
      out[target][kind] = {
        runs: mine.length,
        reqPerSec: med((run) => run.reqPerSec),
        latencyMs: {
          p50: med((run) => run.latencyMs.p50),
          p90: med((run) => run.latencyMs.p90),
          p99: med((run) => run.latencyMs.p99),
          max: mine.length ? Math.max(...mine.map((run) => run.latencyMs.max ?? 0)) : null,
        },
        cpu: {
          serverCorePct: med((run) => run.cpu.serverCorePct),
          serverCpuMsPerRequest: med((run) => run.cpu.serverCpuMsPerRequest),
          loadGeneratorCorePct: med((run) => run.cpu.loadGeneratorCorePct),
          machineBusyPct: med((run) => run.cpu.machineBusyPct),
        },
        ...(kind === 'fixed-rate' && { maxSendLagMs: med((run) => run.maxSendLagMs) }),
        requests: sum(mine.map((run) => run.requests)),
        non2xx: sum(mine.map((run) => run.non2xx)),
        errors: sum(mine.map((run) => run.errors)),
        timeouts: sum(mine.map((run) => run.timeouts)),
        rows: mine.map((run) => run.rows),
        failureKinds: mergeCounts(mine.map((run) => run.failureKinds)),
        statusCodes: mergeCounts(mine.map((run) => run.statusCodes)),
      };
    }
  }
  const base = out.baseline.closed.reqPerSec;
  out.ratio = base ? Math.round((out.product.closed.reqPerSec / base) * 1000) / 1000 : null;
  return out;
}

function evaluate(summary, runs) {
  const product = runs.filter((run) => run.target === 'product');
  const rows = product.map((run) => run.rows);
  const failed = sum(product.map((run) => run.non2xx + run.errors));
  const p99 = summary.product['fixed-rate'].latencyMs.p99;
  return {
    goals: [
      {
        id: 'throughput-ratio',
        description: `product req/s ≥ ${GOALS.minRatio} × baseline (closed loop)`,
        actual: summary.ratio,
        limit: GOALS.minRatio,
        pass: summary.ratio !== null && summary.ratio >= GOALS.minRatio && failed === 0,
      },
      {
        id: 'product-p99',
        description: `product p99 ≤ ${GOALS.maxP99Ms} ms (fixed rate)`,
        actual: p99,
        limit: GOALS.maxP99Ms,
        pass: p99 !== null && p99 <= GOALS.maxP99Ms && failed === 0,
      },
      {
        id: 'product-rows',
        description: `exactly ${GOALS.rows} attendance rows after every run`,
        actual: rows.length ? `${Math.min(...rows)}–${Math.max(...rows)}` : null,
        limit: GOALS.rows,
        pass: rows.length > 0 && rows.every((count) => count === GOALS.rows),
      },
      {
        id: 'product-success',
        description: 'every product check-in answered 2xx',
        actual: `${failed} failed`,
        limit: 0,
        pass: failed === 0 && product.length > 0,
      },
    ],
  };
}

/** What makes the figures meaningless: failed requests on either side, or the baseline missing rows. */
function validityProblems(runs) {
  const problems = [];
  for (const run of runs) {
    const name = `${run.target} ${run.kind} (round ${run.round})`;
    if (run.non2xx > 0)
      problems.push(`${name} answered ${run.non2xx} non-2xx responses: ${JSON.stringify(run.failureKinds)}`);
    if (run.errors > 0)
      problems.push(`${name} had ${run.errors} connection errors (${run.timeouts} timeouts)`);
    if (run.capped) problems.push(`${name} was stopped after ${CLOSED_LOOP_CAP_S} s, unfinished`);
    if (run.target === 'baseline' && run.rows !== LEARNERS)
      problems.push(`${name} left ${run.rows} rows in bench_raw_check_ins, not ${LEARNERS}`);
  }
  return problems;
}

function printReport({ settings, rate, summary, verdict, problems, runs }) {
  const { cpus, cpuModel, node, loadavgAtStart } = settings.machine;
  const pct = (value) => (value === null ? 'n/a' : `${Math.round(value)} %`);
  const num = (value) => (value === null ? 'n/a' : Number(value.toPrecision(3)));
  const rowsOf = (m) => [...new Set(m.rows)].join('/');
  console.log(
    `\n=== check-in-storm: ${LEARNERS.toLocaleString('en')} learners × ${PER_LEARNER} concurrent check-ins — ` +
      'raw node:http + pg INSERT … ON CONFLICT DO NOTHING vs product (NODE_ENV=production) ===',
  );
  console.log(
    `${settings.rounds} rounds (alternating order), a new live session per run, medians of the rounds; ` +
      `warm-up ${settings.warmup} s before each target's runs`,
  );
  console.log(
    `machine: ${cpus} × ${cpuModel}, ${node}, load average at start ${loadavgAtStart.join(' / ')}\n`,
  );
  console.log(
    `Closed loop (capacity): autocannon, ${settings.connections} connections, pipelining ${settings.pipelining}, ` +
      `the ${REQUESTS.toLocaleString('en')} requests once; req/s = requests / wall time`,
  );
  const closed = formatTable([
    [
      '',
      'req/s',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'max ms',
      'non-2xx',
      'errors',
      'rows',
      'server CPU',
      'CPU ms/req',
    ],
    ...['baseline', 'product'].map((target) => {
      const m = summary[target].closed;
      return [
        TARGETS[target].label,
        Math.round(m.reqPerSec ?? 0),
        m.latencyMs.p50,
        m.latencyMs.p90,
        m.latencyMs.p99,
        m.latencyMs.max,
        m.non2xx,
        m.errors,
        rowsOf(m),
        pct(m.cpu.serverCorePct),
        num(m.cpu.serverCpuMsPerRequest),
      ];
    }),
  ]);
  for (const line of closed) console.log(line);
  console.log(
    `\nFixed rate (latency): ${rate} learners/s, each learner's ${PER_LEARNER} requests at once ` +
      `(${rate * PER_LEARNER} req/s offered), node:http, ≤ ${OPEN_LOOP_MAX_SOCKETS} keep-alive sockets; ` +
      'latency from the scheduled send (queueing counts)',
  );
  const fixed = formatTable([
    [
      '',
      'achieved req/s',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'max ms',
      'non-2xx',
      'errors',
      'rows',
      'server CPU',
      'machine busy',
      'send lag ms',
    ],
    ...['baseline', 'product'].map((target) => {
      const m = summary[target]['fixed-rate'];
      return [
        TARGETS[target].label,
        Math.round(m.reqPerSec ?? 0),
        m.latencyMs.p50,
        m.latencyMs.p90,
        m.latencyMs.p99,
        m.latencyMs.max,
        m.non2xx,
        m.errors,
        rowsOf(m),
        pct(m.cpu.serverCorePct),
        pct(m.cpu.machineBusyPct),
        m.maxSendLagMs,
      ];
    }),
  ]);
  for (const line of fixed) console.log(line);
  console.log(
    '(server CPU: % of one core used by the server process; machine busy: all cores, PostgreSQL and the ' +
      'load generator included; send lag: how late the generator sent an arrival, its own stalls)',
  );
  console.log(
    `\nstatus codes (all runs): baseline ${JSON.stringify(mergeCodes(summary.baseline))}, ` +
      `product ${JSON.stringify(mergeCodes(summary.product))}`,
  );
  const failed = mergeKinds(summary.product);
  if (Object.keys(failed).length > 0)
    console.log(`product failures by status and problem code (all runs): ${JSON.stringify(failed)}`);
  const firsts = runs
    .filter((run) => run.target === 'product' && (run.statusCodes['201'] ?? 0) !== LEARNERS)
    .map((run) => `${run.kind} round ${run.round}: ${run.statusCodes['201'] ?? 0}`);
  if (firsts.length > 0 && summary.product.closed.non2xx === 0)
    console.log(
      `NOTE: the product answered 201 (first check-in) other than ${LEARNERS} times: ${firsts.join(', ')}`,
    );
  console.log(`\nratio product/baseline req/s (closed loop): ${summary.ratio}×`);
  console.log('\nGoals:');
  for (const goal of verdict.goals)
    console.log(`  ${goal.pass ? 'PASS' : 'FAIL'}  ${goal.description.padEnd(48)} actual ${goal.actual}`);

  const spread = (target) => {
    const values = runs
      .filter((run) => run.target === target && run.kind === 'closed')
      .map((run) => run.reqPerSec);
    return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / Math.max(...values) : 0;
  };
  const noisy = ['baseline', 'product'].filter((target) => spread(target) > 0.15);
  if (noisy.length > 0 || loadavgAtStart[0] > cpus / 2) {
    console.log(
      `\nNOTE: the machine looked busy (load ${loadavgAtStart[0]} at start` +
        `${noisy.length > 0 ? `; closed-loop req/s differed by more than 15 % between rounds for ${noisy.join(' and ')}` : ''}). ` +
        'Other work competes for the cores: re-run on a quiet machine before trusting small differences.',
    );
  }
  if (problems.length > 0) {
    console.error('\n!!! INVALID RUN — the figures above do not measure a healthy product:');
    for (const problem of problems) console.error(`!!!   ${problem}`);
  }
}

function mergeCodes(byKind) {
  return mergeCounts([byKind.closed.statusCodes, byKind['fixed-rate'].statusCodes]);
}

function mergeKinds(byKind) {
  return mergeCounts([byKind.closed.failureKinds, byKind['fixed-rate'].failureKinds]);
}

function mergeCounts(maps) {
  const all = {};
  for (const map of maps) for (const [key, count] of Object.entries(map)) all[key] = (all[key] ?? 0) + count;
  return all;
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
