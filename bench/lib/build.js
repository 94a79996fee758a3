'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const MAX_FILES_CHECKED = 50_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;

/**
 * Builds the api (`npx nx build api`, production configuration) when
 * dist/apps/api/main.js is missing or older than any source it was built from.
 * The sources are read from the bundle's source map (webpack:///../../libs/…
 * relative to apps/api), so a change in any lib the api bundles counts, while
 * edits to the web libs do not.
 */
function ensureApiBuilt(root, options = {}) {
  ensureAppBuilt(root, 'api', options);
}

/** The same for any Node app of the workspace (`api`, `worker`): dist/apps/<app>/main.js. */
function ensureAppBuilt(root, app, { skip = false } = {}) {
  if (!/^[a-z][a-z0-9-]*$/.test(app)) throw new Error(`not an app name: "${app}"`);
  const mainJs = path.join(root, `dist/apps/${app}/main.js`);
  if (skip) {
    if (!fs.existsSync(mainJs)) throw new Error(`--skip-build given but ${rel(root, mainJs)} does not exist`);
    console.log(`[bench] build: skipped (--skip-build)${app === 'api' ? '' : ` for ${app}`}`);
    return;
  }
  const reason = staleReason(root, app, mainJs);
  if (!reason) {
    console.log(`[bench] build: dist/apps/${app}/main.js is up to date`);
    return;
  }
  console.log(`[bench] build: ${reason} → npx nx build ${app}`);
  const started = Date.now();
  const result = spawnSync('npx', ['nx', 'build', app], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
    stdio: 'inherit',
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.error) throw new Error(`npx nx build ${app} could not run: ${result.error.message}`);
  if (result.status !== 0 || !fs.existsSync(mainJs)) {
    throw new Error(
      `npx nx build ${app} failed (exit ${result.status}${result.signal ? `, ${result.signal}` : ''}). ` +
        'If someone is mid-edit, retry in a minute (or pass --skip-build to bench the existing dist).',
    );
  }
  console.log(`[bench] build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function staleReason(root, app, mainJs) {
  if (!fs.existsSync(mainJs)) return `${rel(root, mainJs)} is missing`;
  const builtAt = fs.statSync(mainJs).mtimeMs;
  const { dirs, files } = inputsOf(root, app, mainJs);
  for (const file of files) {
    if (fs.existsSync(file) && fs.statSync(file).mtimeMs > builtAt)
      return `${rel(root, file)} changed since the build`;
  }
  let budget = MAX_FILES_CHECKED;
  for (const dir of dirs) {
    const newer = findNewer(dir, builtAt, () => --budget > 0);
    if (newer) return `${rel(root, newer)} changed since the build`;
    if (budget <= 0) return 'too many source files to check';
  }
  return null;
}

/** Source directories and config files the bundle depends on. */
function inputsOf(root, app, mainJs) {
  const appDir = path.join(root, 'apps', app);
  const dirs = new Set([path.join(appDir, 'src')]);
  const files = [
    path.join(appDir, 'webpack.config.js'),
    path.join(appDir, 'tsconfig.app.json'),
    path.join(appDir, 'tsconfig.json'),
    path.join(root, 'tsconfig.base.json'),
    path.join(root, 'package-lock.json'),
  ];
  const mapFile = `${mainJs}.map`;
  let sources = null;
  try {
    sources = JSON.parse(fs.readFileSync(mapFile, 'utf8')).sources;
  } catch {
    sources = null;
  }
  if (!Array.isArray(sources)) {
    // No usable map: be conservative and watch every lib.
    dirs.add(path.join(root, 'libs'));
    return { dirs, files };
  }
  for (const source of sources) {
    const match = /^webpack:\/\/\/(.+)$/.exec(source);
    if (!match || match[1].includes('node_modules') || match[1].startsWith('external ')) continue;
    const abs = path.resolve(appDir, match[1].replace(/\?.*$/, ''));
    if (!abs.startsWith(root + path.sep)) continue;
    const srcAt = abs.lastIndexOf(`${path.sep}src${path.sep}`);
    if (srcAt < 0) continue;
    const libRoot = abs.slice(0, srcAt);
    dirs.add(path.join(libRoot, 'src'));
    for (const name of ['tsconfig.json', 'tsconfig.lib.json']) files.push(path.join(libRoot, name));
  }
  return { dirs, files };
}

/** Depth-first walk; returns the first file newer than `time`, within a file budget. */
function findNewer(dir, time, withinBudget) {
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        stack.push(full);
      } else if (entry.isFile()) {
        if (!withinBudget()) return null;
        if (/\.(spec|test)\.[cm]?[jt]s$/.test(entry.name)) continue;
        if (fs.statSync(full).mtimeMs > time) return full;
      }
    }
  }
  return null;
}

function rel(root, file) {
  return path.relative(root, file) || file;
}

module.exports = { ensureApiBuilt, ensureAppBuilt };
