#!/usr/bin/env node
'use strict';

/**
 * Benchmark harness: `npm run bench` runs every benchmark in bench/benchmarks/,
 * `npm run bench -- <name> [<name> …]` the named ones, `--list` lists them.
 * An HTTP benchmark compares a raw baseline with the product, built and started
 * here in production mode against a throw-away database. A benchmark that
 * declares `needsProduct: false` (e.g. a pure SQL measurement) gets no build
 * and no product, and runs its own measurement. See bench/README.md.
 *
 * Exit code: 0 every goal passed · 1 a goal failed · 2 invalid run or harness
 * error · 130 interrupted.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { runAll } = require('./lib/cleanup');
const { ensureApiBuilt } = require('./lib/build');
const { stopLoad } = require('./lib/load');
const { startProduct } = require('./lib/product');
const { machine } = require('./lib/report');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(__dirname, 'out');
const BENCHMARKS_DIR = path.join(__dirname, 'benchmarks');

const USAGE = `Usage: npm run bench -- [name …] [options]

  (no name)            run every benchmark
  --list               list the benchmarks and exit

HTTP benchmarks (the load options below do not apply to needsProduct: false ones):
  --connections N      concurrent connections            (default 50)
  --duration S         measured seconds per run          (default 10)
  --warmup S           warm-up seconds before each run   (default 3, 0 = none)
  --rounds N           rounds, alternating target order  (default 2)
  --pipelining N       requests pipelined per connection (default 1)
  --profile            one extra, uncounted product run under the V8 CPU profiler;
                       prints top self-time functions, writes bench/out/*.cpuprofile
  --rate N             check-in-storm: learners arriving per second in the
                       fixed-rate run, each sending 3 check-ins at once
                       (50–5000, default 150 = 450 req/s offered)
  --replicas N         quiz-storm: api processes on each side, the product's api
                       replicas (as in docker/compose.yml) and as many baseline
                       servers, requests spread round-robin (1–4, default 1)
  --skip-build         bench the existing dist/apps/api/main.js as is
  --verbose            echo the product's and baseline's output
`;

function loadBenchmarks() {
  return fs
    .readdirSync(BENCHMARKS_DIR)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => require(path.join(BENCHMARKS_DIR, file)));
}

function positiveInt(name, raw, { min = 1, max }) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

class UsageError extends Error {}

function parse(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '2' },
      pipelining: { type: 'string', default: '1' },
      rate: { type: 'string' },
      replicas: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  return {
    names: positionals,
    list: values.list,
    help: values.help,
    settings: {
      connections: positiveInt('connections', values.connections, { max: 1000 }),
      duration: positiveInt('duration', values.duration, { max: 300 }),
      warmup: positiveInt('warmup', values.warmup, { min: 0, max: 60 }),
      rounds: positiveInt('rounds', values.rounds, { max: 10 }),
      pipelining: positiveInt('pipelining', values.pipelining, { max: 64 }),
    },
    options: {
      profile: values.profile,
      skipBuild: values['skip-build'],
      verbose: values.verbose,
      rate: values.rate === undefined ? null : positiveInt('rate', values.rate, { min: 50, max: 5000 }),
      replicas: positiveInt('replicas', values.replicas, { max: 4 }),
    },
  };
}

async function main(argv) {
  let args;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const benchmarks = loadBenchmarks();
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.list) {
    const width = Math.max(...benchmarks.map((bench) => bench.name.length));
    for (const bench of benchmarks) console.log(`${bench.name.padEnd(width)}  ${bench.description}`);
    return 0;
  }
  const unknown = args.names.filter((name) => !benchmarks.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}`,
    );
    return 2;
  }
  const selected =
    args.names.length > 0 ? benchmarks.filter((bench) => args.names.includes(bench.name)) : benchmarks;
  console.log(`[bench] benchmarks: ${selected.map((bench) => bench.name).join(', ')}`);

  // Benchmarks that declare `needsProduct: false` measure something else (e.g. SQL): no build, no product.
  if (selected.some((bench) => bench.needsProduct !== false)) {
    ensureApiBuilt(ROOT, { skip: args.options.skipBuild });
  } else {
    console.log('[bench] build: not needed (no selected benchmark starts the product)');
  }

  // One product (fresh database) per invocation, started on first use and shared by the benchmarks.
  let productPromise = null;
  const ctx = {
    root: ROOT,
    outDir: OUT_DIR,
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    settings: { ...args.settings, machine: machine() },
    options: args.options,
    product: () =>
      (productPromise ??= startProduct(ROOT, { profile: args.options.profile, echo: args.options.verbose })),
  };
  let exitCode = 0;
  for (const bench of selected) {
    console.log(`\n[bench] ── ${bench.name}: ${bench.description}`);
    const outcome = await bench.run(ctx);
    if (!outcome.valid) exitCode = 2;
    else if (!outcome.pass && exitCode === 0) exitCode = 1;
  }
  return exitCode;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) {
      console.error('\n[bench] second interrupt: exiting now (children get SIGKILL)');
      process.exit(130);
    }
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping and cleaning up (press again to force)…`);
    stopLoad();
    runAll().finally(() => process.exit(130));
  });
}

main(process.argv.slice(2))
  .catch((error) => {
    // After Ctrl-C the clean-up closes what the benchmark was using; its errors are expected noise.
    if (!interrupted) console.error(`\n[bench] FAILED: ${error && error.stack ? error.stack : error}`);
    return 2;
  })
  .then(async (code) => {
    const undone = await runAll();
    process.exitCode = interrupted ? 130 : code;
    if (undone > 0)
      console.log(`[bench] clean-up done (${undone} steps)${code === 0 ? '' : `, exit ${process.exitCode}`}`);
  });
