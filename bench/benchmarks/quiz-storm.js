'use strict';

const crypto = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const { prepareClass, mintTokens, failureTally } = require('../lib/attendance');
const { startBaseline } = require('../lib/baseline');
const { ensureAppBuilt } = require('../lib/build');
const { delay } = require('../lib/children');
const { onCleanup } = require('../lib/cleanup');
const { median } = require('../lib/compare');
const { snapshot, usageBetween } = require('../lib/cpu');
const { runOpenLoop } = require('../lib/open-loop');
const { startApiReplica, startWorker } = require('../lib/product');
const { prepareBank, createQuiz, answerBody, DRAW_PER_TOPIC, TOPICS } = require('../lib/quizzes');
const { profileWindow, summariseProfile, printProfileSummary } = require('../lib/profile');
const { formatTable, writeJson, timestamp } = require('../lib/report');

const LEARNERS = 3_000;
/** 3,000 learners start the same quiz within one second. */
const START_RATE = LEARNERS;
/** Autosaves per second (`--rate` overrides), for `--duration` seconds. */
const DEFAULT_SAVE_RATE = 200;
/** 3,000 submits in the last 5 s before the deadline. */
const SUBMIT_WINDOW_S = 5;
/** The submits start this long before the deadline minus the window, so the last leaves just before it. */
const SUBMIT_LEAD_MS = 200;
const GOALS = { startSpanS: 5, startP99Ms: 2000, saveP99Ms: 200, submitP99Ms: 1000, gradedAfterS: 60 };
const MAX_SOCKETS = 500;
/** Each phase ends at most this long after its last send; what is still open counts as timed out. */
const DRAIN_S = 20;
/** How long after the deadline the grading is watched before the run is called unfinished. */
const GRADING_WATCH_S = 180;
const GRADING_POLL_MS = 250;

const TARGETS = {
  baseline: { label: 'baseline (node:http + pg INSERT)' },
  product: { label: 'product (api + worker)' },
};

module.exports = {
  name: 'quiz-storm',
  description:
    'one quiz, 3,000 learners: all start within 1 s, autosave at 200 answers/s, all submit in the last 5 s before ' +
    'the deadline, objective grading by the worker — vs raw node:http + pg INSERT/UPDATE',
  goals: GOALS,

  async run(ctx) {
    const { settings } = ctx;
    const saveRate = ctx.options.rate ?? DEFAULT_SAVE_RATE;
    const saveSeconds = settings.duration;
    ensureAppBuilt(ctx.root, 'worker', { skip: ctx.options.skipBuild });
    const product = await ctx.product();
    await startWorker(ctx.root, product, { echo: ctx.options.verbose });
    const db = new Client({ connectionString: product.env.DATABASE_URL });
    await db.connect();
    onCleanup('close bench database client', () => db.end());

    const world = await prepareClass(db, {
      count: LEARNERS,
      tag: `bench-qz-${crypto.randomBytes(3).toString('hex')}`,
    });
    const tokens = mintTokens(product.env.JWT_ACCESS_SECRET, world.learners);
    const userIndex = new Map(world.learners.map((learner, index) => [learner.id, index]));
    const bank = await prepareBank(product, db, world.classId);
    // Both sides run the same number of processes, one after the other (the first makes the schema).
    const replicas = ctx.options.replicas;
    const baselines = [];
    const productApis = [{ child: product.child, baseUrl: product.baseUrl }];
    for (let index = 1; index <= replicas; index++) {
      baselines.push(
        await startBaseline(
          'raw-quiz-server.js',
          { DATABASE_URL: product.env.DATABASE_URL },
          { echo: ctx.options.verbose },
        ),
      );
      if (index > 1)
        productApis.push(await startApiReplica(ctx.root, product, { index, echo: ctx.options.verbose }));
    }
    const targets = {
      baseline: {
        ...TARGETS.baseline,
        baseUrl: baselines.map((each) => each.baseUrl),
        pid: baselines.map((each) => each.child.pid),
      },
      product: {
        ...TARGETS.product,
        baseUrl: productApis.map((each) => each.baseUrl),
        pid: productApis.map((each) => each.child.pid),
      },
    };
    // Before the start storm the submits must fit: start + drain, autosave + drain, a margin, the window.
    const closesInS = 2 * DRAIN_S + saveSeconds + 10 + SUBMIT_WINDOW_S;
    console.log(
      `[bench] quiz-storm: ${LEARNERS} learners, ${TOPICS.length} × ${DRAW_PER_TOPIC} questions drawn per attempt; ` +
        `starts ${START_RATE}/s, autosaves ${saveRate}/s for ${saveSeconds} s, submits over the last ` +
        `${SUBMIT_WINDOW_S} s before the deadline (the product's quiz closes ${closesInS} s after it is made); ` +
        `${replicas} api process(es) on each side, requests spread round-robin; ` +
        `${settings.rounds} rounds (alternating)`,
    );

    const runs = [];
    for (let round = 1; round <= settings.rounds; round++) {
      const order = round % 2 === 1 ? ['baseline', 'product'] : ['product', 'baseline'];
      for (const name of order) {
        const run = await oneRun({
          name,
          target: targets[name],
          round,
          db,
          bank,
          world,
          tokens,
          userIndex,
          saveRate,
          saveSeconds,
          closesInS,
        });
        runs.push(run);
      }
    }
    for (const baseline of baselines) await baseline.child.stop();

    let profile = null;
    if (ctx.options.profile) {
      const file = path.join(ctx.outDir, `quiz-storm-${timestamp()}.cpuprofile`);
      console.log(
        '[bench] profiling the product during one more start storm and submit storm (not counted) …',
      );
      const quiz = await createQuiz(bank.api, world.classId, {
        title: 'Bài kiểm tra đo tải (profile)',
        closesInS: 3600,
      });
      const run = await profileWindow(product.child, file, async () => {
        const start = await phase(targets.product, {
          method: 'POST',
          arrivals: LEARNERS,
          rate: START_RATE,
          request: (i) => ({ path: `/api/v1/me/quizzes/${quiz.id}/attempts`, headers: auth(tokens[i]) }),
          title: 'profiled start',
        });
        const attempts = await attemptsOf(db, 'product', quiz.id, userIndex);
        const submit = await phase(targets.product, {
          method: 'POST',
          arrivals: attempts.length,
          rate: attempts.length / SUBMIT_WINDOW_S,
          request: (i) => ({
            path: `/api/v1/me/attempts/${attempts[i].id}/submit`,
            headers: auth(tokens[attempts[i].learner]),
          }),
          title: 'profiled submit',
        });
        return { start: start.latencyMs, submit: submit.latencyMs };
      });
      profile = { run, ...summariseProfile(file) };
    }

    const summary = summarise(runs);
    const verdict = evaluate(summary, runs);
    const problems = validityProblems(runs);
    printReport({ settings, saveRate, saveSeconds, replicas, summary, verdict, problems });
    if (profile) {
      console.log(
        `\nprofiled run (slower: profiler on): start p99 ${profile.run.start.p99} ms, submit p99 ${profile.run.submit.p99} ms`,
      );
      printProfileSummary(profile);
    }
    const pass = verdict.every((goal) => goal.pass);
    const file = writeJson(ctx.outDir, 'quiz-storm', {
      benchmark: 'quiz-storm',
      date: new Date().toISOString(),
      command: ctx.command,
      settings: { ...settings, saveRate, saveSeconds, replicas, learners: LEARNERS, maxSockets: MAX_SOCKETS },
      summary,
      goals: verdict,
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

/** One target's three phases on a quiz of its own. */
async function oneRun({
  name,
  target,
  round,
  db,
  bank,
  world,
  tokens,
  userIndex,
  saveRate,
  saveSeconds,
  closesInS,
}) {
  const label = `[bench] round ${round} ${name}`;
  const quiz =
    name === 'product'
      ? await createQuiz(bank.api, world.classId, { title: `Bài kiểm tra đo tải ${round}`, closesInS })
      : { id: crypto.randomUUID(), closesAt: null };
  const deadline = quiz.closesAt ? Date.parse(quiz.closesAt) : null;
  const run = { round, target: name, quizId: quiz.id };

  process.stdout.write(`${label}: start storm … `);
  run.start = await phase(target, {
    method: 'POST',
    arrivals: LEARNERS,
    rate: START_RATE,
    request: (i) => ({ path: `/api/v1/me/quizzes/${quiz.id}/attempts`, headers: auth(tokens[i]) }),
    title: `${name} start`,
  });
  const attempts = await attemptsOf(db, name, quiz.id, userIndex);
  run.start.attemptsCreated = attempts.length;
  console.log(describe(run.start), `· ${attempts.length} attempts`);
  if (attempts.length === 0) throw new Error(`${name}: no attempt was created; cannot go on`);

  process.stdout.write(`${label}: autosave ${saveRate}/s … `);
  run.save = await phase(target, {
    method: 'PUT',
    arrivals: saveRate * saveSeconds,
    rate: saveRate,
    request: (i) => {
      // Spread over the learners; each save of a question carries a higher seq than the last.
      const attempt = attempts[(i * 7919) % attempts.length];
      const item = attempt.items[Math.floor(i / attempts.length) % attempt.items.length];
      return {
        path: `/api/v1/me/attempts/${attempt.id}/answers/${item.questionId}`,
        headers: { ...auth(tokens[attempt.learner]), 'content-type': 'application/json' },
        body: JSON.stringify(answerBody(item, i + 1)),
      };
    },
    title: `${name} autosave`,
  });
  console.log(describe(run.save));

  if (deadline !== null) {
    const wait = deadline - SUBMIT_WINDOW_S * 1000 - SUBMIT_LEAD_MS - Date.now();
    run.submitStartedBeforeDeadlineMs = SUBMIT_WINDOW_S * 1000 + SUBMIT_LEAD_MS + Math.min(0, wait);
    process.stdout.write(
      `${label}: waiting ${(Math.max(0, wait) / 1000).toFixed(1)} s for the last ${SUBMIT_WINDOW_S} s … `,
    );
    if (wait > 0) await delay(wait);
  } else {
    process.stdout.write(`${label}: `);
  }
  process.stdout.write(`submit storm … `);
  run.submit = await phase(target, {
    method: 'POST',
    arrivals: attempts.length,
    rate: attempts.length / SUBMIT_WINDOW_S,
    request: (i) => ({
      path: `/api/v1/me/attempts/${attempts[i].id}/submit`,
      headers: auth(tokens[attempts[i].learner]),
    }),
    title: `${name} submit`,
  });
  console.log(describe(run.submit));

  if (name === 'product') {
    run.grading = await watchGrading(db, quiz.id, deadline);
    run.lateAnswers = await lateAnswers(db, quiz.id);
    console.log(
      `${label}: ${run.grading.graded}/${run.grading.total} graded (${run.grading.byLearner} submitted by the learner, ` +
        `${run.grading.auto} auto-submitted), last grade ${run.grading.lastGradedAfterDeadlineS} s after the deadline; ` +
        `${run.lateAnswers} answers stored after the deadline + grace`,
    );
  } else {
    const {
      rows: [row],
    } = await db.query(
      'SELECT count(*) FILTER (WHERE submitted_at IS NOT NULL)::int AS submitted FROM bench_raw_attempts WHERE quiz_id = $1',
      [quiz.id],
    );
    run.submittedRows = row.submitted;
  }
  return run;
}

function auth(token) {
  return { authorization: `Bearer ${token}` };
}

/** One open-loop phase: the load, the server's CPU over it, and why requests failed. */
async function phase(target, { method, arrivals, rate, request, title }) {
  const failures = failureTally();
  const before = snapshot(target.pid);
  const result = await runOpenLoop({
    url: target.baseUrl,
    method,
    arrivals,
    perArrival: 1,
    rate,
    request: (arrival) => request(arrival),
    onFailure: failures.record,
    maxSockets: MAX_SOCKETS,
    deadlineMs: (arrivals / rate + DRAIN_S) * 1000,
    title,
  });
  return {
    ...result,
    cpu: usageBetween(before, snapshot(target.pid), result.requests),
    failureKinds: failures.counts,
  };
}

/** The attempts of the run's quiz with their learner (token index) and frozen items. */
async function attemptsOf(db, name, quizId, userIndex) {
  if (name === 'product') {
    const { rows } = await db.query('SELECT id, user_id, items FROM quiz_attempts WHERE quiz_id = $1', [
      quizId,
    ]);
    return rows.map((row) => ({ id: row.id, learner: userIndex.get(row.user_id), items: row.items }));
  }
  const { rows } = await db.query('SELECT id, user_id FROM bench_raw_attempts WHERE quiz_id = $1', [quizId]);
  // The baseline draws nothing: twenty made-up single-choice items per attempt.
  const items = Array.from({ length: TOPICS.length * DRAW_PER_TOPIC }, () => ({
    questionId: crypto.randomUUID(),
    type: 'single-choice',
    optionOrder: [0, 1, 2, 3],
  }));
  return rows.map((row) => ({ id: row.id, learner: userIndex.get(row.user_id), items }));
}

/** Polls the quiz's attempts until every one is graded (or the watch ends): when the last grade landed. */
async function watchGrading(db, quizId, deadline) {
  const until = deadline + GRADING_WATCH_S * 1000;
  for (;;) {
    const {
      rows: [row],
    } = await db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'graded')::int AS graded,
              count(*) FILTER (WHERE submission = 'learner')::int AS by_learner,
              count(*) FILTER (WHERE submission = 'auto')::int AS auto,
              max(graded_at) AS last_graded_at
         FROM quiz_attempts WHERE quiz_id = $1`,
      [quizId],
    );
    const done = row.total > 0 && row.graded === row.total;
    if (done || Date.now() > until) {
      return {
        total: row.total,
        graded: row.graded,
        byLearner: row.by_learner,
        auto: row.auto,
        finished: done,
        lastGradedAfterDeadlineS: row.last_graded_at
          ? Math.round((row.last_graded_at.getTime() - deadline) / 100) / 10
          : null,
      };
    }
    await delay(GRADING_POLL_MS);
  }
}

/** Answers of the quiz saved after its attempt's deadline plus the product's grace (10 s by default). */
async function lateAnswers(db, quizId) {
  const {
    rows: [row],
  } = await db.query(
    `SELECT count(*)::int AS n FROM attempt_answers s JOIN quiz_attempts a ON a.id = s.attempt_id
      WHERE a.quiz_id = $1 AND s.saved_at > a.deadline + interval '10 seconds'`,
    [quizId],
  );
  return row.n;
}

function describe(result) {
  const failures =
    result.non2xx || result.errors
      ? `, non-2xx ${result.non2xx} ${JSON.stringify(result.failureKinds)}, errors ${result.errors}`
      : '';
  return (
    `${result.requests} answered in ${(result.spanMs / 1000).toFixed(2)} s, p50 ${result.latencyMs.p50} ms, ` +
    `p99 ${result.latencyMs.p99} ms${failures}`
  );
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

const PHASES = ['start', 'save', 'submit'];

function summarise(runs) {
  const out = {};
  for (const target of ['baseline', 'product']) {
    const mine = runs.filter((run) => run.target === target);
    out[target] = {};
    for (const phaseName of PHASES) {
      const med = (pick) => {
        const values = mine.map(pick).filter((value) => value !== null && value !== undefined);
        return values.length ? Math.round(median(values) * 100) / 100 : null;
      };
      out[target][phaseName] = {
        spanS: med((run) => run[phaseName].spanMs / 1000),
        reqPerSec: med((run) => run[phaseName].reqPerSec),
        p50: med((run) => run[phaseName].latencyMs.p50),
        p99: med((run) => run[phaseName].latencyMs.p99),
        max: Math.max(...mine.map((run) => run[phaseName].latencyMs.max ?? 0)),
        cpuMsPerRequest: med((run) => run[phaseName].cpu.serverCpuMsPerRequest),
        failed: sum(mine.map((run) => run[phaseName].non2xx + run[phaseName].errors)),
      };
    }
  }
  const product = runs.filter((run) => run.target === 'product');
  out.product.grading = {
    lastGradedAfterDeadlineS: product.map((run) => run.grading.lastGradedAfterDeadlineS),
    allGraded: product.every((run) => run.grading.finished),
    attemptsCreated: product.map((run) => run.start.attemptsCreated),
    lateAnswers: sum(product.map((run) => run.lateAnswers)),
  };
  out.ratios = {};
  for (const phaseName of PHASES) {
    const base = out.baseline[phaseName].p99;
    out.ratios[phaseName] = base ? Math.round((out.product[phaseName].p99 / base) * 10) / 10 : null;
  }
  return out;
}

function evaluate(summary, runs) {
  const product = runs.filter((run) => run.target === 'product');
  const p = summary.product;
  const worstGrading = Math.max(...p.grading.lastGradedAfterDeadlineS.map((value) => value ?? Infinity));
  return [
    {
      id: 'start-all-created',
      description: `every learner's attempt created, all within ${GOALS.startSpanS} s`,
      actual: `${p.grading.attemptsCreated.join('/')} attempts, ${Math.max(...product.map((run) => run.start.spanMs / 1000)).toFixed(2)} s`,
      pass: product.every(
        (run) => run.start.attemptsCreated === LEARNERS && run.start.spanMs <= GOALS.startSpanS * 1000,
      ),
    },
    {
      id: 'start-p99',
      description: `start p99 ≤ ${GOALS.startP99Ms} ms`,
      actual: p.start.p99,
      pass: p.start.p99 !== null && p.start.p99 <= GOALS.startP99Ms && p.start.failed === 0,
    },
    {
      id: 'save-p99',
      description: `autosave p99 ≤ ${GOALS.saveP99Ms} ms`,
      actual: p.save.p99,
      pass: p.save.p99 !== null && p.save.p99 <= GOALS.saveP99Ms && p.save.failed === 0,
    },
    {
      id: 'submit-p99',
      description: `submit p99 ≤ ${GOALS.submitP99Ms} ms`,
      actual: p.submit.p99,
      pass: p.submit.p99 !== null && p.submit.p99 <= GOALS.submitP99Ms && p.submit.failed === 0,
    },
    {
      id: 'graded',
      description: `every attempt graded ≤ ${GOALS.gradedAfterS} s after the deadline`,
      actual: `${p.grading.lastGradedAfterDeadlineS.join('/')} s`,
      pass: p.grading.allGraded && worstGrading <= GOALS.gradedAfterS,
    },
    {
      id: 'no-late-answers',
      description: 'no answer stored after the deadline + grace',
      actual: p.grading.lateAnswers,
      pass: p.grading.lateAnswers === 0,
    },
  ];
}

function validityProblems(runs) {
  const problems = [];
  for (const run of runs) {
    for (const phaseName of PHASES) {
      const result = run[phaseName];
      if (result.non2xx > 0)
        problems.push(
          `${run.target} ${phaseName} (round ${run.round}): ${result.non2xx} non-2xx ${JSON.stringify(result.failureKinds)}`,
        );
      if (result.errors > 0)
        problems.push(`${run.target} ${phaseName} (round ${run.round}): ${result.errors} errors`);
    }
    if (run.target === 'baseline' && run.submittedRows !== LEARNERS)
      problems.push(`baseline round ${run.round} submitted ${run.submittedRows} rows, not ${LEARNERS}`);
    if (run.target === 'product' && run.submitStartedBeforeDeadlineMs < SUBMIT_WINDOW_S * 1000)
      problems.push(
        `product round ${run.round}: the submits began only ${run.submitStartedBeforeDeadlineMs} ms before the deadline (earlier phases overran)`,
      );
  }
  return problems;
}

function printReport({ settings, saveRate, saveSeconds, replicas, summary, verdict, problems }) {
  const { cpus, cpuModel, node, loadavgAtStart } = settings.machine;
  console.log(
    `\n=== quiz-storm: ${LEARNERS.toLocaleString('en')} learners on one quiz — raw node:http + pg vs product ` +
      `(NODE_ENV=production, api + worker) ===`,
  );
  console.log(
    `${replicas} api process(es) per side (product: api replicas as in docker/compose.yml; baseline: as many ` +
      `raw servers), requests spread round-robin`,
  );
  console.log(
    `${settings.rounds} rounds (alternating order), a new quiz per run, medians of the rounds; open loop (latency from ` +
      `the scheduled send), ≤ ${MAX_SOCKETS} keep-alive sockets`,
  );
  console.log(
    `machine: ${cpus} × ${cpuModel}, ${node}, load average at start ${loadavgAtStart.join(' / ')}\n`,
  );
  const phaseTitles = {
    start: `start (${START_RATE}/s for 1 s)`,
    save: `autosave (${saveRate}/s for ${saveSeconds} s)`,
    submit: `submit (${LEARNERS / SUBMIT_WINDOW_S}/s, last ${SUBMIT_WINDOW_S} s)`,
  };
  const table = formatTable([
    [
      'phase',
      'target',
      'all answered in s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'failed',
      'CPU ms/req',
      'p99 ratio',
    ],
    ...PHASES.flatMap((phaseName) =>
      ['baseline', 'product'].map((target) => {
        const m = summary[target][phaseName];
        return [
          phaseTitles[phaseName],
          TARGETS[target].label,
          m.spanS,
          m.p50,
          m.p99,
          m.max,
          m.failed,
          m.cpuMsPerRequest === null ? 'n/a' : Number(m.cpuMsPerRequest.toPrecision(3)),
          target === 'product' ? `${summary.ratios[phaseName]}×` : '',
        ];
      }),
    ),
  ]);
  for (const line of table) console.log(line);
  console.log('(CPU ms/req: the api process only; the worker grades beside it)');
  console.log(
    `\ngrading: last attempt graded ${summary.product.grading.lastGradedAfterDeadlineS.join(' / ')} s after the deadline`,
  );
  console.log('\nGoals:');
  for (const goal of verdict)
    console.log(`  ${goal.pass ? 'PASS' : 'FAIL'}  ${goal.description.padEnd(52)} actual ${goal.actual}`);
  if (loadavgAtStart[0] > cpus / 2)
    console.log(
      `\nNOTE: the machine looked busy (load ${loadavgAtStart[0]} at start): re-run on a quiet machine.`,
    );
  if (problems.length > 0) {
    console.error('\n!!! INVALID RUN — the figures above do not measure a healthy product:');
    for (const problem of problems) console.error(`!!!   ${problem}`);
  }
}

function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
