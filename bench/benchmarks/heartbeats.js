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
  ME_SESSIONS,
} = require('../lib/attendance');
const { startBaseline } = require('../lib/baseline');
const { onCleanup } = require('../lib/cleanup');
const { compareTargets } = require('../lib/compare');
const { runLoad } = require('../lib/load');
const { profileWindow, summariseProfile, printProfileSummary } = require('../lib/profile');
const { evaluateGoals, validityProblems, printComparison, writeJson, timestamp } = require('../lib/report');

const GOALS = { minRatio: 0.25, maxP99Ms: 50 };
const LEARNERS = 50_000;
/** The minted tokens live one hour; the whole load must fit well inside it. */
const MAX_LOAD_SECONDS = 3_000;

module.exports = {
  name: 'heartbeats',
  description:
    'POST /api/v1/me/attendance/sessions/:id/heartbeats from 50,000 learners of one live session vs raw node:http + Redis HINCRBY',
  goals: GOALS,

  async run(ctx) {
    const { settings } = ctx;
    const plannedSeconds =
      settings.rounds * 2 * (settings.warmup + settings.duration) +
      (ctx.options.profile ? settings.duration : 0);
    if (plannedSeconds > MAX_LOAD_SECONDS) {
      throw new Error(
        `planned load of ${plannedSeconds} s outlives the learners' tokens (keep it under ${MAX_LOAD_SECONDS} s)`,
      );
    }

    const product = await ctx.product();
    const db = new Client({ connectionString: product.env.DATABASE_URL });
    await db.connect();
    onCleanup('close bench database client', () => db.end());
    const world = await prepareClass(db, {
      count: LEARNERS,
      tag: `bench-hb-${crypto.randomBytes(3).toString('hex')}`,
    });
    const session = await openLiveSession(db, world, 'Buổi trực tuyến toàn tỉnh (đo nhịp hiện diện)');
    const started = performance.now();
    const tokens = mintTokens(product.env.JWT_ACCESS_SECRET, world.learners);
    console.log(
      `[bench] heartbeats: ${tokens.length} tokens minted in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `live session ${session.id}`,
    );
    const route = `${ME_SESSIONS}/${session.id}/heartbeats`;

    const baseline = await startBaseline(
      'raw-heartbeat-server.js',
      { REDIS_URL: product.env.REDIS_URL, BENCH_REDIS_PREFIX: product.redisPrefix },
      { echo: ctx.options.verbose },
    );
    // The last learner probes, so the load (which starts at the first) sees every learner fresh.
    const probeToken = tokens[tokens.length - 1];
    const baselineProbe = await postOnce(`${baseline.baseUrl}${route}`, probeToken);
    if (baselineProbe.status !== 200)
      throw new Error(`the baseline answered HTTP ${baselineProbe.status}: ${baselineProbe.body}`);
    const productProbe = await postOnce(`${product.baseUrl}${route}`, probeToken);
    console.log(`[bench] product probe: HTTP ${productProbe.status} ${productProbe.body.slice(0, 300)}`);
    if (productProbe.status !== 200)
      console.error(
        `[bench] WARNING: the product does not answer heartbeats with 200 (HTTP ${productProbe.status}); ` +
          'measuring anyway, the run will be invalid',
      );

    const failures = { baseline: failureTally(), product: failureTally() };
    const target = (baseUrl, pid, tally) => ({
      url: `${baseUrl}${route}`,
      method: 'POST',
      requests: rotatingRequests({ path: route, tokens, failures: tally }),
      pid,
    });
    const comparison = await compareTargets(
      {
        baseline: target(baseline.baseUrl, baseline.child.pid, failures.baseline),
        product: target(product.baseUrl, product.child.pid, failures.product),
      },
      settings,
    );
    const baselineFields = await countBaselineBeats(product, session.id);
    await baseline.child.stop();

    let profile = null;
    if (ctx.options.profile) {
      const file = path.join(ctx.outDir, `heartbeats-${timestamp()}.cpuprofile`);
      console.log(`[bench] profiling the product during one more ${settings.duration} s run (not counted) …`);
      const run = await profileWindow(product.child, file, () =>
        runLoad({
          ...target(product.baseUrl, product.child.pid, failureTally()),
          connections: settings.connections,
          pipelining: settings.pipelining,
          duration: settings.duration,
          title: 'product (profiled)',
        }),
      );
      profile = { run, ...summariseProfile(file) };
    }

    const verdict = evaluateGoals(comparison, GOALS);
    const failed = comparison.product.non2xx + comparison.product.errors;
    verdict.goals.push({
      id: 'product-success',
      description: 'every product heartbeat answered 2xx',
      actual: `${failed} failed`,
      limit: 0,
      pass: failed === 0 && comparison.product.requests > 0,
    });
    const problems = validityProblems(comparison);
    console.log(
      `[bench] heartbeats: each request is the next learner's beat (${LEARNERS.toLocaleString('en')} tokens in turn); ` +
        `the baseline's presence hash ended with ${baselineFields} learners`,
    );
    for (const name of ['baseline', 'product'])
      if (Object.keys(failures[name].counts).length > 0)
        console.log(
          `[bench] ${name} failures by status and problem code (warm-ups included): ${JSON.stringify(failures[name].counts)}`,
        );
    printComparison({
      title: `heartbeats: ${LEARNERS.toLocaleString('en')} learners of one live session — raw node:http + Redis HINCRBY vs product`,
      settings,
      comparison,
      verdict,
      problems,
      labels: { baseline: 'baseline (node:http + HINCRBY)', product: 'product (api)' },
    });
    if (profile) {
      console.log(
        `\nprofiled run (slower: profiler on): ${Math.round(profile.run.reqPerSec)} req/s, p99 ${profile.run.latencyMs.p99} ms`,
      );
      printProfileSummary(profile);
    }

    const pass = verdict.goals.every((goal) => goal.pass);
    const file = writeJson(ctx.outDir, 'heartbeats', {
      benchmark: 'heartbeats',
      date: new Date().toISOString(),
      command: ctx.command,
      settings,
      endpoint: { method: 'POST', path: `${ME_SESSIONS}/:sessionId/heartbeats` },
      world: { learners: LEARNERS, classId: world.classId, sessionId: session.id },
      probe: { baseline: baselineProbe, product: productProbe },
      summary: {
        baseline: comparison.baseline,
        product: comparison.product,
        ratio: verdict.ratio,
        baselinePresenceFields: baselineFields,
        failureKinds: { baseline: failures.baseline.counts, product: failures.product.counts },
      },
      goals: verdict.goals,
      pass,
      valid: problems.length === 0,
      problems,
      runs: comparison.runs,
      profile,
    });
    console.log(`\n[bench] wrote ${path.relative(ctx.root, file)}`);
    return { pass, valid: problems.length === 0, file };
  },
};

/** How many learners the baseline's presence hash for the session counts (HLEN). */
async function countBaselineBeats(product, sessionId) {
  const Redis = require('ioredis');
  const redis = new Redis(product.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return await redis.hlen(`${product.redisPrefix}:raw:presence:${sessionId}`);
  } finally {
    redis.disconnect();
  }
}
