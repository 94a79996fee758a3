'use strict';

const path = require('node:path');
const { startBaseline } = require('../lib/baseline');
const { compareTargets } = require('../lib/compare');
const { runLoad } = require('../lib/load');
const { login, fetchOnce } = require('../lib/product');
const { profileWindow, summariseProfile, printProfileSummary } = require('../lib/profile');
const { evaluateGoals, validityProblems, printComparison, writeJson, timestamp } = require('../lib/report');

const USER = { username: 'hocvien01', password: 'ThucHoc@2026' };
const GOALS = { minRatio: 0.5, maxP99Ms: 50 };
/** Access tokens live 900 s by default; the whole load must fit well inside one. */
const MAX_LOAD_SECONDS = 780;

module.exports = {
  name: 'me',
  description:
    'GET /api/v1/me as a signed-in learner (JWT guard + user lookup) vs a raw node:http server answering the same JSON',
  goals: GOALS,

  async run(ctx) {
    const { settings } = ctx;
    const plannedSeconds =
      settings.rounds * 2 * (settings.warmup + settings.duration) +
      (ctx.options.profile ? settings.duration : 0);
    if (plannedSeconds > MAX_LOAD_SECONDS) {
      throw new Error(
        `planned load of ${plannedSeconds} s outlives the access token (keep it under ${MAX_LOAD_SECONDS} s)`,
      );
    }

    const product = await ctx.product();
    const token = await login(product.baseUrl, USER.username, USER.password);
    const headers = { authorization: `Bearer ${token}` };
    const productUrl = `${product.baseUrl}/api/v1/me`;
    const me = await fetchOnce(productUrl, headers);
    if (me.status !== 200) throw new Error(`GET /api/v1/me answered HTTP ${me.status}: ${me.body}`);
    console.log(`[bench] me: ${me.body.length} bytes of ${me.contentType}`);

    const baseline = await startBaseline(
      'raw-me-server.js',
      {
        BENCH_BODY: me.body,
        BENCH_CONTENT_TYPE: me.contentType ?? 'application/json',
      },
      { echo: ctx.options.verbose },
    );
    const baselineUrl = `${baseline.baseUrl}/api/v1/me`;
    const check = await fetchOnce(baselineUrl, headers);
    if (check.status !== 200 || check.body !== me.body)
      throw new Error("the baseline does not answer the product's /me body");

    const comparison = await compareTargets(
      {
        baseline: { url: baselineUrl, headers, pid: baseline.child.pid },
        product: { url: productUrl, headers, pid: product.child.pid },
      },
      settings,
    );
    await baseline.child.stop();

    let profile = null;
    if (ctx.options.profile) {
      const file = path.join(ctx.outDir, `me-${timestamp()}.cpuprofile`);
      console.log(`[bench] profiling the product during one more ${settings.duration} s run (not counted) …`);
      const run = await profileWindow(product.child, file, () =>
        runLoad({
          url: productUrl,
          headers,
          connections: settings.connections,
          pipelining: settings.pipelining,
          duration: settings.duration,
          title: 'product (profiled)',
        }),
      );
      profile = { run, ...summariseProfile(file) };
    }

    const verdict = evaluateGoals(comparison, GOALS);
    const problems = validityProblems(comparison);
    printComparison({
      title: 'me: GET /api/v1/me — raw node:http baseline vs product (NODE_ENV=production)',
      settings,
      comparison,
      verdict,
      problems,
      labels: { baseline: 'baseline (raw node:http)', product: 'product (api)' },
    });
    if (profile) {
      console.log(
        `\nprofiled run (slower: profiler on): ${Math.round(profile.run.reqPerSec)} req/s, p99 ${profile.run.latencyMs.p99} ms`,
      );
      printProfileSummary(profile);
    }

    const file = writeJson(ctx.outDir, 'me', {
      benchmark: 'me',
      date: new Date().toISOString(),
      command: ctx.command,
      settings,
      endpoint: {
        method: 'GET',
        path: '/api/v1/me',
        user: USER.username,
        bodyBytes: me.body.length,
        contentType: me.contentType,
      },
      summary: {
        baseline: comparison.baseline,
        product: comparison.product,
        ratio: verdict.ratio,
      },
      goals: verdict.goals,
      pass: verdict.goals.every((goal) => goal.pass),
      valid: problems.length === 0,
      problems,
      runs: comparison.runs,
      profile,
    });
    console.log(`\n[bench] wrote ${path.relative(ctx.root, file)}`);
    return { pass: verdict.goals.every((goal) => goal.pass), valid: problems.length === 0, file };
  },
};
