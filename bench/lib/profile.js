'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { delay } = require('./children');

const REPLY_TIMEOUT_MS = 30_000;

/** Asks the preloaded profiler (profiler-preload.js) in `child` for something and waits for its answer. */
function ask(child, message, expected) {
  return new Promise((resolve, reject) => {
    const onMessage = (reply) => {
      if (!reply || (reply.type !== expected && reply.type !== 'profile:error')) return;
      done();
      if (reply.type === 'profile:error') reject(new Error(`profiler in ${child.name}: ${reply.message}`));
      else resolve(reply);
    };
    const done = () => child.proc.off('message', onMessage);
    child.proc.on('message', onMessage);
    child.proc.send(message);
    delay(REPLY_TIMEOUT_MS, true).then(() => {
      done();
      reject(
        new Error(`profiler in ${child.name} did not answer ${message.type} within ${REPLY_TIMEOUT_MS} ms`),
      );
    });
  });
}

/** Runs `work()` with the CPU profiler on in `child`; writes `file` (.cpuprofile). */
async function profileWindow(child, file, work) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await ask(child, { type: 'profile:start', intervalUs: 500 }, 'profile:started');
  let result;
  try {
    result = await work();
  } finally {
    await ask(child, { type: 'profile:stop', file }, 'profile:written');
  }
  return result;
}

/**
 * Self time per function and per package, and inclusive time per package,
 * from a .cpuprofile. Each sample's duration is the gap to the next sample; it
 * is charged to the sampled node (self) and to every package on its stack
 * (inclusive). Frames without a script (native code: crypto, syscalls, V8)
 * name their nearest JavaScript caller, since that is where to look.
 */
function summariseProfile(file, { top = 25 } = {}) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfUs = new Map();
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    const us = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, us));
  }
  const totalUs = profile.endTime - profile.startTime;
  const functions = new Map();
  const packages = new Map();
  const inclusive = new Map();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || '(anonymous)';
    if (name === '(idle)') idleUs += us;
    const where = callFrame.url ? `${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = where ? `${name} ${where}` : name;
    const fn = functions.get(key) ?? {
      function: name,
      location: where,
      package: packageOf(callFrame),
      selfUs: 0,
      callers: new Map(),
    };
    fn.selfUs += us;
    if (!callFrame.url) {
      const caller = nearestScriptCaller(id, byId, parentOf);
      if (caller) fn.callers.set(caller, (fn.callers.get(caller) ?? 0) + us);
    }
    functions.set(key, fn);
    const pkg = packageOf(callFrame);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    for (const onStack of packagesOnStack(id, byId, parentOf))
      inclusive.set(onStack, (inclusive.get(onStack) ?? 0) + us);
  }
  const ms = (us) => Math.round(us / 100) / 10;
  const pct = (us) => Math.round((us / totalUs) * 1000) / 10;
  return {
    file,
    durationMs: ms(totalUs),
    busyMs: ms(totalUs - idleUs),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, top)
      .map(({ selfUs: us, callers, ...fn }) => ({
        ...fn,
        selfMs: ms(us),
        selfPct: pct(us),
        calledFrom: [...callers.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 2)
          .map(([caller, callerUs]) => `${caller} (${pct(callerUs)} %)`),
      })),
    byPackage: [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({
        package: name,
        selfMs: ms(us),
        selfPct: pct(us),
        inclusivePct: pct(inclusive.get(name) ?? us),
      })),
    inclusiveByPackage: [...inclusive.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ package: name, inclusiveMs: ms(us), inclusivePct: pct(us) })),
  };
}

/** The nearest ancestor frame that runs a script outside node core, as "function file:line". */
function nearestScriptCaller(id, byId, parentOf) {
  let fallback = null;
  for (
    let cur = parentOf.get(id), hops = 0;
    cur !== undefined && hops < 64;
    cur = parentOf.get(cur), hops++
  ) {
    const { callFrame } = byId.get(cur);
    if (!callFrame.url) continue;
    const label = `${callFrame.functionName || '(anonymous)'} ${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}`;
    if (!callFrame.url.startsWith('node:')) return label;
    fallback ??= label;
  }
  return fallback;
}

/** Distinct npm packages (and the api bundle) on a node's stack. */
function packagesOnStack(id, byId, parentOf) {
  const seen = new Set();
  for (let cur = id, hops = 0; cur !== undefined && hops < 512; cur = parentOf.get(cur), hops++) {
    const { callFrame } = byId.get(cur);
    if (callFrame.url && !callFrame.url.startsWith('node:')) seen.add(packageOf(callFrame));
  }
  return seen;
}

/** Where a frame's code lives: an npm package, node core, the api bundle, or V8 itself. */
function packageOf({ url, functionName }) {
  if (!url) return functionName && functionName.startsWith('(') ? functionName : '(native/V8)';
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('dist/apps/api/')) return 'api bundle (dist/apps/api/main.js)';
  return shortUrl(url);
}

function shortUrl(url) {
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) return clean.slice(nm + '/node_modules/'.length);
  const dist = clean.indexOf('/dist/');
  if (dist >= 0) return clean.slice(dist + 1);
  return clean;
}

function printProfileSummary(summary) {
  console.log(`\nCPU profile of the product during the profiled run: ${summary.file}`);
  console.log(`window ${summary.durationMs} ms, main thread busy ${summary.busyMs} ms\n`);
  console.log('Self time by package (and inclusive: time with the package anywhere on the stack):');
  for (const row of summary.byPackage.slice(0, 15)) {
    console.log(`  ${pad(row.selfPct)} % self  ${pad(row.inclusivePct)} % incl  ${row.package}`);
  }
  console.log('\nInclusive time by package (top 12):');
  for (const row of summary.inclusiveByPackage.slice(0, 12)) {
    console.log(`  ${pad(row.inclusivePct)} %  ${String(row.inclusiveMs).padStart(9)} ms  ${row.package}`);
  }
  console.log('\nTop functions by self time:');
  for (const row of summary.topFunctions) {
    const from = row.calledFrom.length > 0 ? `  ← ${row.calledFrom.join(', ')}` : '';
    console.log(
      `  ${pad(row.selfPct)} %  ${String(row.selfMs).padStart(9)} ms  ${row.function}  ${row.location}${from}`,
    );
  }
}

function pad(value) {
  return String(value).padStart(5);
}

module.exports = { profileWindow, summariseProfile, printProfileSummary };
