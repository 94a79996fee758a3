'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { ensureAppBuilt } = require('../lib/build');
const { startChild, delay } = require('../lib/children');
const { onCleanup } = require('../lib/cleanup');
const { median } = require('../lib/compare');
const { snapshot, usageBetween } = require('../lib/cpu');
const { login, startWorker } = require('../lib/product');
const { profileWindow, summariseProfile, printProfileSummary } = require('../lib/profile');
const { writeJson, timestamp } = require('../lib/report');

const STAFF = { username: 'canbo.trungtam', password: 'ThucHoc@2026' };
/** The demo province (centre staff's scope) is the class target; learners are spread over units under it. */
const TARGET_CODE = 'DNI';
const UNIT_CODES = ['DNI-DX', 'DNI-BP', 'DNI-LN', 'DNI-BD', 'DNI-DUCQ'];
const HEADER = 'Tên đăng nhập,Email,Họ và tên,Mã đơn vị,Chức vụ,Số điện thoại';
const GOALS = { maxSeconds: 20, maxWorkerPeakMb: 256 };
const DEFAULT_ROWS = 50_000;
/** ENROLLMENT_IMPORT_ROWS=2000 makes a quick smoke run (its figures mean nothing). */
const ROWS = boundedInt(
  process.env.ENROLLMENT_IMPORT_ROWS,
  DEFAULT_ROWS,
  100,
  60_000,
  'ENROLLMENT_IMPORT_ROWS',
);
/** ENROLLMENT_IMPORT_XLSX=0 skips the extra, separately reported XLSX round. */
const WITH_XLSX = process.env.ENROLLMENT_IMPORT_XLSX !== '0';
/**
 * The worker starts as it is deployed (`npm run start:worker`, the worker image): with
 * `--max-old-space-size=256`. ENROLLMENT_IMPORT_HEAP_MB=<n> changes the cap; 0 runs Node's defaults.
 */
const DEPLOYED_HEAP_MB = 256;
const HEAP_MB =
  process.env.ENROLLMENT_IMPORT_HEAP_MB === '0'
    ? null
    : process.env.ENROLLMENT_IMPORT_HEAP_MB
      ? boundedInt(process.env.ENROLLMENT_IMPORT_HEAP_MB, null, 64, 16_384, 'ENROLLMENT_IMPORT_HEAP_MB')
      : DEPLOYED_HEAP_MB;

const POLL_MS = 100;
const IMPORT_TIMEOUT_MS = 10 * 60_000;
const BACKGROUND_POLL_MS = 250;
const BACKGROUND_TIMEOUT_MS = 5 * 60_000;
const MEMORY_SAMPLE_MS = 50;
const MB = 1024 * 1024;

module.exports = {
  name: 'enrollment-import',
  description:
    'bulk enrollment of a 50,000-row CSV (upload → worker job → completed) vs raw pg COPY + INSERT … SELECT',
  goals: GOALS,

  async run(ctx) {
    const { settings } = ctx;
    ensureAppBuilt(ctx.root, 'worker', { skip: ctx.options.skipBuild });
    const product = await ctx.product();
    const heapArgs = HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : [];
    const workerHeapLimitMb = heapLimitMb(heapArgs);
    const worker = await startWorker(ctx.root, product, {
      echo: ctx.options.verbose,
      ipc: ctx.options.profile,
      nodeArgs: [
        ...heapArgs,
        ...(ctx.options.profile ? ['-r', path.join(__dirname, '../lib/profiler-preload.js')] : []),
      ],
    });
    const db = new Client({ connectionString: product.env.DATABASE_URL });
    await db.connect();
    onCleanup('close bench database client', () => db.end());

    const baseline = await startRawImporter(product.env.DATABASE_URL, ctx.options.verbose);
    const world = await prepareWorld(product, db);
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thuchoc-bench-import-'));
    onCleanup(`remove ${tmpDir}`, () => fs.rmSync(tmpDir, { recursive: true, force: true }));
    const people = makePeople(ROWS, world.units);
    console.log(
      `[bench] enrollment-import: ${ROWS} rows per file over units ${world.units.map((u) => u.code).join(', ')}; ` +
        `target ${TARGET_CODE}; ${settings.rounds} rounds (alternating), then ${WITH_XLSX ? 'one XLSX round' : 'no XLSX round'}`,
    );
    console.log(
      `[bench] worker: ${HEAP_MB ? `--max-old-space-size=${HEAP_MB}` : 'Node defaults'}, V8 heap limit ${workerHeapLimitMb} MB`,
    );

    const pids = { worker: worker.pid, api: product.child.pid, baseline: baseline.child.pid };
    const runs = [];
    for (let round = 1; round <= settings.rounds; round++) {
      const order = round % 2 === 1 ? ['baseline', 'product'] : ['product', 'baseline'];
      for (const target of order) {
        const prefix = `${target[0]}${round}${crypto.randomBytes(3).toString('hex')}`;
        const bytes = csvFile(people, prefix);
        process.stdout.write(
          `[bench] round ${round}/${settings.rounds} ${target}: ${(bytes.length / MB).toFixed(1)} MB CSV … `,
        );
        const run =
          target === 'product'
            ? await productRun(product, db, world, pids, {
                bytes,
                fileName: 'danh-sach-hoc-vien.csv',
                prefix,
              })
            : await baselineRun(product, db, world, pids, baseline, { bytes, dir: tmpDir, prefix });
        run.checksum = await checksum(db, run.classId, prefix);
        runs.push({ round, target, format: 'csv', prefix, ...run });
        console.log(describeRun(runs[runs.length - 1]));
      }
    }

    let xlsx = null;
    if (WITH_XLSX) {
      const prefix = `x${crypto.randomBytes(3).toString('hex')}`;
      const bytes = await xlsxFile(people, prefix);
      process.stdout.write(`[bench] XLSX round product: ${(bytes.length / MB).toFixed(1)} MB XLSX … `);
      const run = await productRun(product, db, world, pids, {
        bytes,
        fileName: 'danh-sach-hoc-vien.xlsx',
        prefix,
      });
      run.checksum = await checksum(db, run.classId, prefix);
      xlsx = { round: 'xlsx', target: 'product', format: 'xlsx', prefix, ...run };
      console.log(describeRun(xlsx));
    }

    let profile = null;
    if (ctx.options.profile) {
      const file = path.join(ctx.outDir, `enrollment-import-worker-${timestamp()}.cpuprofile`);
      const prefix = `q${crypto.randomBytes(3).toString('hex')}`;
      console.log('[bench] profiling the worker during one more CSV import (not counted) …');
      const run = await profileWindow(worker, file, () =>
        productRun(product, db, world, pids, {
          bytes: csvFile(people, prefix),
          fileName: 'danh-sach-hoc-vien.csv',
          prefix,
          waitBackground: false,
        }),
      );
      profile = { run, ...summariseProfile(file, { top: 30 }) };
    }
    await baseline.child.stop();

    const csvRuns = runs;
    const summary = summarise(csvRuns);
    const problems = validityProblems([...csvRuns, ...(xlsx ? [xlsx] : [])]);
    const verdict = evaluate(summary, csvRuns);
    printReport({ settings, summary, verdict, problems, runs: csvRuns, xlsx, workerHeapLimitMb });
    if (profile) {
      console.log(
        `\nprofiled import (profiler on, not counted): ${profile.run.e2eS.toFixed(1)} s end to end`,
      );
      printProfileSummary(profile);
    }

    const file = writeJson(ctx.outDir, 'enrollment-import', {
      benchmark: 'enrollment-import',
      date: new Date().toISOString(),
      command: ctx.command,
      settings,
      rows: ROWS,
      worker: { nodeArgs: heapArgs, heapLimitMb: workerHeapLimitMb },
      target: TARGET_CODE,
      units: world.units.map((unit) => unit.code),
      summary,
      goals: verdict.goals,
      pass: verdict.goals.every((goal) => goal.pass),
      valid: problems.length === 0,
      problems,
      runs: csvRuns,
      xlsx,
      profile,
    });
    console.log(`\n[bench] wrote ${path.relative(ctx.root, file)}`);
    return { pass: verdict.goals.every((goal) => goal.pass), valid: problems.length === 0, file };
  },
};

// ── set-up ────────────────────────────────────────────────────────────────────────────────────────

async function prepareWorld(product, db) {
  const { rows } = await db.query(
    `SELECT id, code, path FROM org_units WHERE code = ANY($1) AND status = 'active'`,
    [[TARGET_CODE, ...UNIT_CODES]],
  );
  const target = rows.find((row) => row.code === TARGET_CODE);
  const units = UNIT_CODES.map((code) => rows.find((row) => row.code === code)).filter(Boolean);
  if (!target || units.length !== UNIT_CODES.length)
    throw new Error(`the demo units ${[TARGET_CODE, ...UNIT_CODES].join(', ')} are not all in the database`);
  if (!units.every((unit) => unit.path.startsWith(target.path)))
    throw new Error(`the demo units are not all under ${TARGET_CODE}`);
  const token = await login(product.baseUrl, STAFF.username, STAFF.password);
  const course = await api(product, token, 'POST', '/api/v1/courses', {
    code: `BENCH-${crypto.randomBytes(4).toString('hex')}`,
    title: 'Bồi dưỡng lý luận chính trị cho đảng viên mới (đo hiệu năng)',
    audience: 'new-party-members',
    requiredHours: 40,
  });
  return { target, units, courseId: course.id };
}

/** A fresh class per run, with room for every row (so every row becomes an active enrollment). */
async function freshClass(product, world, token) {
  return api(product, token, 'POST', '/api/v1/classes', {
    courseId: world.courseId,
    code: `LOP-BENCH-${crypto.randomBytes(4).toString('hex')}`,
    title: 'Lớp đảng viên mới – đo nhập danh sách',
    targetUnitId: world.target.id,
    capacity: ROWS,
    minSize: 0,
  });
}

async function api(product, token, method, route, body) {
  const response = await fetch(`${product.baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${route} answered HTTP ${response.status}: ${text}`);
  return JSON.parse(text);
}

async function startRawImporter(databaseUrl, echo) {
  const file = path.resolve(__dirname, '..', 'baselines', 'raw-enrollment-import.js');
  const child = startChild('baseline raw-enrollment-import.js', process.execPath, [file], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
    },
    ipc: true,
    echo,
  });
  await nextMessage(child, ['ready'], 15_000);
  console.log(`[bench] baseline: raw-enrollment-import.js connected (pid ${child.pid})`);
  return {
    child,
    run: (input) => {
      const reply = nextMessage(child, ['done', 'failed'], IMPORT_TIMEOUT_MS);
      child.proc.send({ type: 'run', ...input });
      return reply;
    },
  };
}

function nextMessage(child, types, timeoutMs) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (!message || !types.includes(message.type)) return;
      child.proc.off('message', onMessage);
      resolve(message);
    };
    child.proc.on('message', onMessage);
    child.exited.then((info) =>
      reject(new Error(`${child.name} exited (${JSON.stringify(info)}):\n${child.output()}`)),
    );
    delay(timeoutMs, true).then(() =>
      reject(new Error(`${child.name} sent no ${types} within ${timeoutMs} ms`)),
    );
  });
}

// ── the file ──────────────────────────────────────────────────────────────────────────────────────

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Thùy', 'Xuân', 'Hoài', 'Bảo'];
const GIVEN = [
  'Hồng',
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Lộc',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quỳnh',
  'Sơn',
  'Thảo',
  'Thủy',
  'Trang',
  'Tuấn',
  'Uyên',
  'Việt',
  'Yến',
  'Đạt',
  'Ánh',
];
const POSITIONS = [
  'Đảng viên mới',
  'Chuyên viên',
  'Bí thư chi bộ',
  'Phó Bí thư chi bộ',
  'Công chức văn hóa – xã hội',
  'Đoàn viên ưu tú',
  'Cán bộ nguồn cấp xã',
];
const PHONE_PREFIXES = ['090', '091', '093', '096', '097', '098', '032', '033', '035', '038', '077', '086'];

/** The rows every run imports; only the login and e-mail prefix differ per run. Seeded, so runs compare. */
function makePeople(count, units) {
  let seed = 0x2026;
  const next = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  return Array.from({ length: count }, (_, i) => ({
    n: String(i + 1).padStart(5, '0'),
    fullName: `${FAMILY[next(FAMILY.length)]} ${MIDDLE[next(MIDDLE.length)]} ${GIVEN[next(GIVEN.length)]} ${i + 1}`,
    unitCode: units[next(units.length)].code,
    position: POSITIONS[next(POSITIONS.length)],
    phone: `${PHONE_PREFIXES[next(PHONE_PREFIXES.length)]}${String(next(10_000_000)).padStart(7, '0')}`,
  }));
}

const loginOf = (prefix, person) => `${prefix}.hv${person.n}`;
const emailOf = (prefix, person) => `${prefix}.hv${person.n}@example.vn`;
const cells = (prefix, p) => [
  loginOf(prefix, p),
  emailOf(prefix, p),
  p.fullName,
  p.unitCode,
  p.position,
  p.phone,
];

/** UTF-8 with BOM, CRLF, as Excel saves "CSV UTF-8". */
function csvFile(people, prefix) {
  const quote = (cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [HEADER, ...people.map((p) => cells(prefix, p).map(quote).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function xlsxFile(people, prefix) {
  const ExcelJS = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(HEADER.split(','));
  for (const p of people) sheet.addRow(cells(prefix, p));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ── one run of each target ────────────────────────────────────────────────────────────────────────

async function productRun(product, db, world, pids, { bytes, fileName, prefix, waitBackground = true }) {
  const token = await login(product.baseUrl, STAFF.username, STAFF.password);
  const klass = await freshClass(product, world, token);
  const headers = { authorization: `Bearer ${token}` };
  const form = new FormData();
  form.append('file', new Blob([bytes]), fileName);
  const workerRssBeforeMb = round((statusKb(pids.worker, 'VmRSS') ?? 0) / 1024, 1);
  const watch = startWatch([pids.worker, pids.api]);

  const t0 = performance.now();
  const uploaded = await fetch(`${product.baseUrl}/api/v1/classes/${klass.id}/imports`, {
    method: 'POST',
    headers,
    body: form,
    signal: AbortSignal.timeout(120_000),
  });
  const queued = JSON.parse(await uploaded.text());
  const uploadMs = performance.now() - t0;
  if (uploaded.status !== 202)
    throw new Error(`upload answered HTTP ${uploaded.status}: ${JSON.stringify(queued)}`);
  let result = queued;
  for (;;) {
    if (result.status === 'completed' || result.status === 'failed') break;
    if (performance.now() - t0 > IMPORT_TIMEOUT_MS)
      throw new Error(`import not done after ${IMPORT_TIMEOUT_MS} ms`);
    await delay(POLL_MS);
    const response = await fetch(`${product.baseUrl}/api/v1/classes/${klass.id}/imports/${queued.id}`, {
      headers,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`import poll answered HTTP ${response.status}: ${text}`);
    result = JSON.parse(text);
  }
  const e2eS = (performance.now() - t0) / 1000;
  const during = watch.stop();

  const [timing] = (
    await db.query(
      `SELECT extract(epoch FROM started_at - created_at)::float8 AS queue_s,
              extract(epoch FROM finished_at - started_at)::float8 AS run_s
         FROM enrollment_imports WHERE id = $1`,
      [queued.id],
    )
  ).rows;
  const [{ n: enrollments }] = (
    await db.query(`SELECT count(*)::int AS n FROM enrollments WHERE class_id = $1 AND status = 'active'`, [
      klass.id,
    ])
  ).rows;

  let background = null;
  if (waitBackground) {
    const after = startWatch([pids.worker, pids.api]);
    background = await waitForBackground(db, klass.id, performance.now());
    const bg = after.stop();
    background.workerPeakMb = Math.max(bg.peakMb[pids.worker], during.peakMb[pids.worker]);
    background.workerCpuS = bg.cpuS[pids.worker];
  }
  return {
    classId: klass.id,
    importId: queued.id,
    status: result.status,
    failure: result.failure,
    totalRows: result.totalRows,
    createdUsers: result.createdUsers,
    enrolled: result.enrolled,
    waitlisted: result.waitlisted,
    errorCount: result.errorCount,
    enrollments,
    fileMb: round(bytes.length / MB, 2),
    e2eS: round(e2eS, 2),
    uploadS: round(uploadMs / 1000, 2),
    queueS: round(timing.queue_s, 2),
    jobS: round(timing.run_s, 2),
    workerRssBeforeMb,
    workerPeakMb: during.peakMb[pids.worker],
    apiPeakMb: during.peakMb[pids.api],
    workerCpuS: during.cpuS[pids.worker],
    apiCpuS: during.cpuS[pids.api],
    postgresCpuS: during.postgresCpuS,
    machineBusyPct: during.machineBusyPct,
    loadavgAtStart: during.loadavgAtStart,
    background,
  };
}

async function baselineRun(product, db, world, pids, baseline, { bytes, dir, prefix }) {
  const token = await login(product.baseUrl, STAFF.username, STAFF.password);
  const klass = await freshClass(product, world, token);
  const file = path.join(dir, `${prefix}.csv`);
  fs.writeFileSync(file, bytes);
  const watch = startWatch([pids.baseline]);
  const t0 = performance.now();
  const reply = await baseline.run({ file, classId: klass.id, targetPath: world.target.path });
  const e2eS = (performance.now() - t0) / 1000;
  const during = watch.stop();
  fs.rmSync(file, { force: true });
  if (reply.type === 'failed') throw new Error(`the raw baseline failed: ${reply.message}`);
  const [{ n: enrollments }] = (
    await db.query(`SELECT count(*)::int AS n FROM enrollments WHERE class_id = $1 AND status = 'active'`, [
      klass.id,
    ])
  ).rows;
  return {
    classId: klass.id,
    status: 'completed',
    createdUsers: reply.users,
    enrolled: reply.enrollments,
    enrollments,
    fileMb: round(bytes.length / MB, 2),
    e2eS: round(e2eS, 2),
    inProcessS: round(reply.ms / 1000, 2),
    baselinePeakMb: during.peakMb[pids.baseline],
    baselineCpuS: during.cpuS[pids.baseline],
    postgresCpuS: during.postgresCpuS,
    machineBusyPct: during.machineBusyPct,
    loadavgAtStart: during.loadavgAtStart,
  };
}

/**
 * What the import sets off after it completes: the sealing job chains the class's new ledger entries,
 * the notifications job tells every new learner they have a place. Waits for both (bounded), so the
 * next run starts on a quiet worker, and reports how long after completion each was done.
 */
async function waitForBackground(db, classId, since) {
  const out = { sealLagS: null, notifyLagS: null, ledgerEntries: null, sealed: null, notified: null };
  while (performance.now() - since < BACKGROUND_TIMEOUT_MS) {
    const {
      rows: [row],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM ledger_entries WHERE chain = $2) AS entries,
              (SELECT count(*)::int FROM ledger_seals WHERE chain = $2) AS sealed,
              (SELECT count(*)::int FROM notifications n JOIN enrollments e ON e.user_id = n.user_id
                WHERE e.class_id = $1 AND n.kind = 'class-enrolled') AS notified`,
      [classId, `class:${classId}`],
    );
    Object.assign(out, { ledgerEntries: row.entries, sealed: row.sealed, notified: row.notified });
    const elapsed = round((performance.now() - since) / 1000, 2);
    if (out.sealLagS === null && row.sealed === row.entries) out.sealLagS = elapsed;
    if (out.notifyLagS === null && row.notified >= ROWS) out.notifyLagS = elapsed;
    if (out.sealLagS !== null && out.notifyLagS !== null) return out;
    await delay(BACKGROUND_POLL_MS);
  }
  return { ...out, timedOut: true };
}

/** Same rows in both targets: a digest of what each class ended with, logins without their run prefix. */
async function checksum(db, classId, prefix) {
  const { rows } = await db.query(
    `SELECT concat_ws('|', substr(u.username, $2), substr(u.email, $2), u.full_name, o.code, u.position, u.phone,
                      u.password_hash IS NULL, u.activation_nonce IS NOT NULL, u.roles::text, e.status) AS line
       FROM enrollments e JOIN users u ON u.id = e.user_id JOIN org_units o ON o.id = u.org_unit_id
      WHERE e.class_id = $1 ORDER BY u.username COLLATE "C"`,
    [classId, prefix.length + 1],
  );
  return crypto
    .createHash('sha256')
    .update(rows.map((row) => row.line).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

// ── measuring ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Memory and CPU of the given processes over a window. Resets each process's peak RSS (VmHWM) at the
 * start (`echo 5 > /proc/<pid>/clear_refs`), samples VmRSS every 50 ms, and at the end takes the larger
 * of the sampled maximum and VmHWM. Also CPU seconds per process, of every `postgres` process, and
 * how busy the whole machine was.
 */
function startWatch(pids) {
  for (const pid of pids) {
    try {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // not Linux, or not allowed: the sampled maximum still counts
    }
  }
  const sampled = Object.fromEntries(pids.map((pid) => [pid, 0]));
  const sample = () => {
    for (const pid of pids) sampled[pid] = Math.max(sampled[pid], statusKb(pid, 'VmRSS') ?? 0);
  };
  sample();
  const timer = setInterval(sample, MEMORY_SAMPLE_MS);
  const before = pids.map((pid) => snapshot(pid));
  const pgBefore = postgresCpuSeconds();
  const loadavgAtStart = round(os.loadavg()[0], 2);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const peakMb = {};
      const cpuS = {};
      pids.forEach((pid, i) => {
        peakMb[pid] = round(Math.max(sampled[pid], statusKb(pid, 'VmHWM') ?? 0) / 1024, 1);
        const usage = usageBetween(before[i], snapshot(pid), 1);
        cpuS[pid] =
          usage.serverCpuMsPerRequest === null ? null : round(usage.serverCpuMsPerRequest / 1000, 2);
      });
      const usage = usageBetween(before[0], snapshot(pids[0]), 1);
      const pgAfter = postgresCpuSeconds();
      return {
        peakMb,
        cpuS,
        postgresCpuS: pgBefore === null || pgAfter === null ? null : round(pgAfter - pgBefore, 2),
        machineBusyPct: usage.machineBusyPct,
        loadavgAtStart,
      };
    },
  };
}

function statusKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      fs.readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds of PostgreSQL, all databases: utime + stime of every process named `postgres`, plus the
 * cutime + cstime of those that reaped children, so a backend that exits keeps counting.
 */
function postgresCpuSeconds() {
  let total = 0;
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

function summarise(runs) {
  const of = (target, pick) => runs.filter((run) => run.target === target).map(pick);
  const med = (values) => (values.length ? round(median(values), 2) : null);
  const max = (values) => (values.length ? Math.max(...values) : null);
  const productS = med(of('product', (run) => run.e2eS));
  const baselineS = med(of('baseline', (run) => run.e2eS));
  return {
    product: {
      runs: of('product', () => 1).length,
      e2eS: productS,
      slowestS: max(of('product', (run) => run.e2eS)),
      uploadS: med(of('product', (run) => run.uploadS)),
      queueS: med(of('product', (run) => run.queueS)),
      jobS: med(of('product', (run) => run.jobS)),
      workerPeakMb: max(of('product', (run) => run.workerPeakMb)),
      workerPeakWithBackgroundMb: max(
        of('product', (run) => run.background?.workerPeakMb ?? run.workerPeakMb),
      ),
      apiPeakMb: max(of('product', (run) => run.apiPeakMb)),
      workerCpuS: med(of('product', (run) => run.workerCpuS)),
      apiCpuS: med(of('product', (run) => run.apiCpuS)),
      postgresCpuS: med(of('product', (run) => run.postgresCpuS)),
      machineBusyPct: med(of('product', (run) => run.machineBusyPct)),
      sealLagS: med(of('product', (run) => run.background?.sealLagS ?? NaN).filter(Number.isFinite)),
      notifyLagS: med(of('product', (run) => run.background?.notifyLagS ?? NaN).filter(Number.isFinite)),
    },
    baseline: {
      runs: of('baseline', () => 1).length,
      e2eS: baselineS,
      slowestS: max(of('baseline', (run) => run.e2eS)),
      peakMb: max(of('baseline', (run) => run.baselinePeakMb)),
      postgresCpuS: med(of('baseline', (run) => run.postgresCpuS)),
      machineBusyPct: med(of('baseline', (run) => run.machineBusyPct)),
    },
    ratio: productS && baselineS ? round(productS / baselineS, 2) : null,
  };
}

function evaluate(summary, runs) {
  return {
    goals: [
      {
        id: 'end-to-end',
        description: `product end to end ≤ ${GOALS.maxSeconds} s (median)`,
        actual: summary.product.e2eS,
        limit: GOALS.maxSeconds,
        pass: summary.product.e2eS !== null && summary.product.e2eS <= GOALS.maxSeconds,
      },
      {
        id: 'worker-peak-memory',
        description: `worker peak RSS ≤ ${GOALS.maxWorkerPeakMb} MB (max)`,
        actual: summary.product.workerPeakMb,
        limit: GOALS.maxWorkerPeakMb,
        pass: runs.length > 0 && summary.product.workerPeakMb <= GOALS.maxWorkerPeakMb,
      },
    ],
  };
}

function validityProblems(runs) {
  const problems = [];
  for (const run of runs) {
    const name = `${run.target} (${run.format}, round ${run.round})`;
    if (run.status !== 'completed') problems.push(`${name} ended ${run.status}: ${run.failure ?? ''}`);
    if (run.createdUsers !== ROWS) problems.push(`${name} created ${run.createdUsers} users, not ${ROWS}`);
    if (run.enrollments !== ROWS)
      problems.push(`${name} left ${run.enrollments} active enrollments, not ${ROWS}`);
    if (run.errorCount) problems.push(`${name} reported ${run.errorCount} bad rows`);
    if (run.background?.timedOut) problems.push(`${name}: sealing or notifications not done in time`);
  }
  const digests = new Set(runs.map((run) => run.checksum));
  if (digests.size > 1)
    problems.push(`the targets did not store the same rows (digests ${[...digests].join(', ')})`);
  return problems;
}

function describeRun(run) {
  if (run.target === 'baseline')
    return `${run.e2eS.toFixed(2)} s, peak ${run.baselinePeakMb} MB, machine ${run.machineBusyPct} % busy`;
  const bg = run.background;
  return (
    `${run.e2eS.toFixed(2)} s (upload ${run.uploadS} s, queue ${run.queueS} s, job ${run.jobS} s), ` +
    `worker ${run.workerRssBeforeMb} → peak ${run.workerPeakMb} MB, api peak ${run.apiPeakMb} MB, machine ${run.machineBusyPct} % busy` +
    (bg
      ? `; sealed +${bg.sealLagS} s, notified +${bg.notifyLagS} s, worker peak then ${bg.workerPeakMb} MB`
      : '')
  );
}

function printReport({ settings, summary, verdict, problems, runs, xlsx, workerHeapLimitMb }) {
  const { cpus, cpuModel, node, loadavgAtStart } = settings.machine;
  const p = summary.product;
  const b = summary.baseline;
  console.log(
    `\n=== enrollment-import: ${ROWS}-row CSV — raw pg COPY baseline vs product (NODE_ENV=production) ===`,
  );
  console.log(
    `${settings.rounds} rounds, order alternating, a fresh class and fresh logins per run (every row creates a user); medians`,
  );
  console.log(
    `machine: ${cpus} × ${cpuModel}, ${node}, load average at start ${loadavgAtStart.join(' / ')}\n`,
  );
  const rows = [
    ['', 'end to end s', 'slowest s', 'peak MB', 'PostgreSQL CPU s (all DBs)', 'machine busy'],
    [
      'baseline (pg COPY + INSERT … SELECT)',
      b.e2eS,
      b.slowestS,
      b.peakMb,
      b.postgresCpuS,
      `${b.machineBusyPct} %`,
    ],
    ['product (api + worker)', p.e2eS, p.slowestS, p.workerPeakMb, p.postgresCpuS, `${p.machineBusyPct} %`],
  ].map((row) => row.map(String));
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  for (const row of rows)
    console.log(
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '),
    );
  console.log('(peak MB: the baseline process; for the product, the worker — the api is below)');
  console.log(`\nratio product/baseline (end to end): ${summary.ratio}×`);
  console.log(
    `product breakdown (medians): upload ${p.uploadS} s, queue wait ${p.queueS} s, job ${p.jobS} s; ` +
      `worker CPU ${p.workerCpuS} s, api CPU ${p.apiCpuS} s`,
  );
  console.log(
    `after completion: ledger sealed +${p.sealLagS} s, notifications written +${p.notifyLagS} s; ` +
      `worker peak including that work ${p.workerPeakWithBackgroundMb} MB; api peak ${p.apiPeakMb} MB`,
  );
  console.log('\nGoals (CSV rounds):');
  for (const goal of verdict.goals)
    console.log(`  ${goal.pass ? 'PASS' : 'FAIL'}  ${goal.description.padEnd(44)} actual ${goal.actual}`);
  if (xlsx) {
    console.log(
      `\nXLSX (one run, not counted): ${xlsx.fileMb} MB, ${xlsx.e2eS} s end to end (upload ${xlsx.uploadS} s, ` +
        `job ${xlsx.jobS} s), worker peak ${xlsx.workerPeakMb} MB, api peak ${xlsx.apiPeakMb} MB — ` +
        `${xlsx.e2eS <= GOALS.maxSeconds ? 'within' : 'over'} ${GOALS.maxSeconds} s, ` +
        `${xlsx.workerPeakMb <= GOALS.maxWorkerPeakMb ? 'within' : 'over'} ${GOALS.maxWorkerPeakMb} MB`,
    );
  }
  const spread = (target) => {
    const values = runs.filter((run) => run.target === target).map((run) => run.e2eS);
    return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / Math.max(...values) : 0;
  };
  const noisy = ['baseline', 'product'].filter((target) => spread(target) > 0.15);
  if (noisy.length > 0 || loadavgAtStart[0] > cpus / 2) {
    console.log(
      `\nNOTE: the machine looked busy (load ${loadavgAtStart[0]} at start` +
        `${noisy.length > 0 ? `; times differed by more than 15 % between rounds for ${noisy.join(' and ')}` : ''}). ` +
        'Re-run on a quiet machine before trusting small differences.',
    );
  }
  if (problems.length > 0) {
    console.error('\n!!! INVALID RUN — the figures above do not measure a correct import:');
    for (const problem of problems) console.error(`!!!   ${problem}`);
  }
}

function boundedInt(raw, fallback, min, max, name) {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return value;
}

/** V8's heap limit for a process started with these node arguments on this machine, in MB. */
function heapLimitMb(nodeArgs) {
  const { execFileSync } = require('node:child_process');
  const out = execFileSync(
    process.execPath,
    [...nodeArgs, '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit))'],
    { encoding: 'utf8', timeout: 10_000 },
  );
  return Math.round(Number(out) / MB);
}

function round(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
