'use strict';

/**
 * org-subtree: how should the org-unit tree be stored? Builds one realistic
 * tree (34 provinces → ~100 communes/wards each → 10–20 cells each → 3
 * sub-cells under a quarter of the cells; ≈ 93k units, ≈ 300k users) in a
 * throw-away database and stores it side by side as
 *
 *   cte      adjacency list only (parent_id), queried with a recursive CTE — the raw baseline
 *   mp       materialized path exactly as the product (text path, text_pattern_ops index),
 *            with the scope path already known (users.service list() after scopePath())
 *   mp+look  the same plus the PK lookup of the scope path, i.e. the two round trips the
 *            product makes per request (scopePath(), then the query)
 *   mp-sub   one statement, path LIKE (SELECT path … WHERE id = $1) || '%' — the form
 *            users.service uses for the orgUnitId filter
 *   closure  closure table (ancestor_id, descendant_id, depth), PK + index on descendant
 *   ltree    ltree column with a GiST index, path known like mp (only when the extension
 *            is available; PGlite would need it loaded separately)
 *
 * and measures, for province, commune and cell scopes: the count of users in
 * the subtree, the first page (20) of those users by name, and the "is unit U
 * inside scope S" check; then the cost of moving a commune (with its subtree)
 * to another province, and the size of each storage. Every query's answer is
 * compared across storages; a mismatch makes the run invalid.
 *
 * SQL only: needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), no
 * product, no HTTP.
 */
const path = require('node:path');
const crypto = require('node:crypto');
const os = require('node:os');
const { Client } = require('pg');
const { onCleanup } = require('../lib/cleanup');
const { createDatabase, dropDatabase } = require('../lib/product');
const { writeJson } = require('../lib/report');

const SHAPE = {
  provinces: 34,
  communesPerProvince: 100,
  cellsPerCommune: [10, 20], // uniform, inclusive
  subCellShare: 0.25, // share of cells that get sub-cells
  subCellsPerCell: 3,
  /** users per unit by depth: [min, max] inclusive (province staff, commune, cell, sub-cell) */
  usersPerUnit: [
    [10, 20],
    [4, 8],
    [2, 6],
    [1, 3],
  ],
};
/** ORG_SUBTREE_QUICK=1: a smoke run of the whole benchmark (figures not meaningful). */
const QUICK = process.env.ORG_SUBTREE_QUICK === '1';
const ITERATIONS = QUICK ? 10 : 200;
const WARMUP = QUICK ? 2 : 20;
const MOVES = QUICK ? 5 : 50;
const PAGE_SIZE = 20;
const SEED = 20261125;
const LEVELS = [
  { id: 'province', depth: 0 },
  { id: 'commune', depth: 1 },
  { id: 'cell', depth: 2 },
];
const KINDS = ['count', 'page', 'inScope'];
/**
 * Reads run under three planner settings: the server's defaults (as the
 * product is deployed); parallel query off, because on a small box starting
 * parallel workers can cost more than a few-millisecond query; and, on top,
 * random_page_cost = 1.1 (the usual setting for SSDs / a cached working set),
 * because the default 4 makes the planner prefer a full scan of users over
 * index probes. Together they separate the storage from the planner's choices.
 */
const PROFILES = [
  {
    id: 'default',
    label: 'server defaults',
    sql: ['RESET max_parallel_workers_per_gather', 'RESET random_page_cost'],
  },
  {
    id: 'serial',
    label: 'max_parallel_workers_per_gather = 0',
    sql: ['SET max_parallel_workers_per_gather = 0', 'RESET random_page_cost'],
  },
  {
    id: 'ssd',
    label: 'max_parallel_workers_per_gather = 0, random_page_cost = 1.1',
    sql: ['SET max_parallel_workers_per_gather = 0', 'SET random_page_cost = 1.1'],
  },
];
const BUILD_STATEMENT_TIMEOUT = '300s';
const MEASURE_STATEMENT_TIMEOUT = '30s';

/** Variants: sql per query kind (null = not applicable); `lookup` runs the product's scopePath() first. */
function variants(hasLtree) {
  const unitCols = 'u.id, u.username, u.full_name';
  const order = `ORDER BY u.full_name, u.id LIMIT ${PAGE_SIZE}`;
  const cteDown = `WITH RECURSIVE sub(id, name) AS (
      SELECT id, name FROM org_adj WHERE id = $1
      UNION ALL
      SELECT c.id, c.name FROM org_adj c JOIN sub ON c.parent_id = sub.id)`;
  const mpCount = `SELECT count(*)::int AS n FROM users u JOIN org_mp o ON o.id = u.org_unit_id
      WHERE o.path LIKE $1 || '%'`;
  const mpPage = `SELECT ${unitCols}, o.name AS unit_name FROM users u JOIN org_mp o ON o.id = u.org_unit_id
      WHERE o.path LIKE $1 || '%' ${order}`;
  const mpInScope = `SELECT EXISTS (SELECT 1 FROM org_mp u JOIN org_mp s ON s.id = $2
      WHERE u.id = $1 AND u.path LIKE s.path || '%') AS inside`;
  const list = [
    {
      id: 'cte',
      label: 'adjacency + recursive CTE (baseline)',
      param: 'id',
      sql: {
        count: `${cteDown} SELECT count(*)::int AS n FROM users u JOIN sub ON u.org_unit_id = sub.id`,
        page: `${cteDown} SELECT ${unitCols}, sub.name AS unit_name FROM users u JOIN sub ON u.org_unit_id = sub.id ${order}`,
        inScope: `WITH RECURSIVE up(id, parent_id) AS (
            SELECT id, parent_id FROM org_adj WHERE id = $1
            UNION ALL
            SELECT p.id, p.parent_id FROM org_adj p JOIN up ON p.id = up.parent_id)
          SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS inside`,
      },
    },
    {
      id: 'mp',
      label: 'materialized path (product; path known)',
      param: 'path',
      sql: { count: mpCount, page: mpPage, inScope: mpInScope },
    },
    {
      id: 'mp+look',
      label: 'materialized path + scopePath() lookup (2 round trips)',
      param: 'path',
      lookup: 'SELECT path FROM org_mp WHERE id = $1',
      sql: { count: mpCount, page: mpPage, inScope: null },
    },
    {
      id: 'mp-sub',
      label: "materialized path, LIKE (SELECT path …) || '%' in one statement",
      param: 'id',
      sql: {
        count: `SELECT count(*)::int AS n FROM users u JOIN org_mp o ON o.id = u.org_unit_id
            WHERE o.path LIKE (SELECT path FROM org_mp WHERE id = $1) || '%'`,
        page: `SELECT ${unitCols}, o.name AS unit_name FROM users u JOIN org_mp o ON o.id = u.org_unit_id
            WHERE o.path LIKE (SELECT path FROM org_mp WHERE id = $1) || '%' ${order}`,
        inScope: null,
      },
    },
    {
      id: 'closure',
      label: 'closure table',
      param: 'id',
      sql: {
        count: `SELECT count(*)::int AS n FROM org_closure c JOIN users u ON u.org_unit_id = c.descendant_id
            WHERE c.ancestor_id = $1`,
        page: `SELECT ${unitCols}, o.name AS unit_name FROM org_closure c
            JOIN org_cl o ON o.id = c.descendant_id JOIN users u ON u.org_unit_id = c.descendant_id
            WHERE c.ancestor_id = $1 ${order}`,
        inScope: `SELECT EXISTS (SELECT 1 FROM org_closure WHERE ancestor_id = $2 AND descendant_id = $1) AS inside`,
      },
    },
  ];
  if (hasLtree) {
    list.push({
      id: 'ltree',
      label: 'ltree + GiST (lpath known)',
      param: 'lpath',
      sql: {
        count: `SELECT count(*)::int AS n FROM users u JOIN org_lt o ON o.id = u.org_unit_id
            WHERE o.lpath <@ $1::ltree`,
        page: `SELECT ${unitCols}, o.name AS unit_name FROM users u JOIN org_lt o ON o.id = u.org_unit_id
            WHERE o.lpath <@ $1::ltree ${order}`,
        inScope: `SELECT EXISTS (SELECT 1 FROM org_lt u JOIN org_lt s ON s.id = $2
            WHERE u.id = $1 AND u.lpath <@ s.lpath) AS inside`,
      },
    });
  }
  return list;
}

module.exports = {
  name: 'org-subtree',
  description:
    'SQL only: org-unit subtree queries and moves — materialized path vs recursive CTE vs closure table (vs ltree)',
  needsProduct: false,

  async run(ctx) {
    const started = Date.now();
    const loadBefore = os.loadavg();
    const database = `thuchoc_bench_${crypto.randomBytes(6).toString('hex')}`;
    await createDatabase(database);
    onCleanup(`drop database ${database}`, () => dropDatabase(database));
    const client = new Client({
      connectionString: `postgres://postgres@127.0.0.1:5432/${database}`,
      connectionTimeoutMillis: 5_000,
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await Promise.race([client.end().catch(() => {}), new Promise((r) => setTimeout(r, 2_000).unref())]);
    };
    await client.connect();
    onCleanup('close org-subtree connection', close);
    console.log(`[bench] org-subtree: database ${database}`);

    const rng = mulberry32(SEED);
    const server = (await client.query('SELECT version() AS v')).rows[0].v;
    const settingsRows = (
      await client.query(
        `SELECT name, setting FROM pg_settings WHERE name IN
          ('shared_buffers','work_mem','effective_cache_size','random_page_cost','jit','max_parallel_workers_per_gather')`,
      )
    ).rows;
    const pgSettings = Object.fromEntries(settingsRows.map((row) => [row.name, row.setting]));
    const hasLtree =
      (await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'ltree'`)).rowCount > 0;
    console.log(
      `[bench] org-subtree: ${server.split(' on ')[0]}; ltree ${hasLtree ? 'available' : 'NOT available'}`,
    );

    // ── 1. build ────────────────────────────────────────────────────────────
    await client.query(`SET statement_timeout = '${BUILD_STATEMENT_TIMEOUT}'`);
    const buildStarted = Date.now();
    await buildTree(client, hasLtree);
    const buildSeconds = (Date.now() - buildStarted) / 1000;
    const tree = await treeStats(client);
    console.log(
      `[bench] org-subtree: built ${tree.units} units (by depth ${tree.unitsByDepth.join(' / ')}), ` +
        `${tree.users} users, ${tree.closureRows} closure rows in ${buildSeconds.toFixed(1)} s`,
    );
    const sizes = await storageSizes(client, hasLtree);

    // ── 2. reads ────────────────────────────────────────────────────────────
    await client.query(`SET statement_timeout = '${MEASURE_STATEMENT_TIMEOUT}'`);
    const list = variants(hasLtree);
    const allUnits = (await client.query('SELECT id FROM org_mp')).rows.map((row) => row.id);
    const mismatches = [];
    const reads = [];
    const explains = [];
    for (const level of LEVELS) {
      const roots = (await client.query('SELECT id, path FROM org_mp WHERE depth = $1', [level.depth])).rows;
      const picks = [];
      for (let i = 0; i < WARMUP + ITERATIONS; i++) {
        const root = roots[Math.floor(rng() * roots.length)];
        // "Is U inside S": half the time a unit of S's subtree, else any unit (almost always outside).
        let unit;
        if (rng() < 0.5) {
          const size = (
            await client.query(`SELECT count(*)::int AS n FROM org_mp WHERE path LIKE $1 || '%'`, [root.path])
          ).rows[0].n;
          unit = (
            await client.query(
              `SELECT id FROM org_mp WHERE path LIKE $1 || '%' ORDER BY id OFFSET $2 LIMIT 1`,
              [root.path, Math.floor(rng() * size)],
            )
          ).rows[0].id;
        } else {
          unit = allUnits[Math.floor(rng() * allUnits.length)];
        }
        picks.push({ root, unit });
      }
      const subtree = await subtreeStats(client, picks.slice(WARMUP));
      console.log(
        `[bench] org-subtree: ${level.id} scope — ${roots.length} candidate roots, measured subtrees average ` +
          `${subtree.unitsAvg} units / ${subtree.usersAvg} users`,
      );
      for (const profile of PROFILES) {
        for (const sql of profile.sql) await client.query(sql);
        for (const kind of KINDS) {
          const active = list.filter((variant) => variant.sql[kind]);
          const samples = Object.fromEntries(active.map((variant) => [variant.id, []]));
          for (let i = 0; i < picks.length; i++) {
            const pick = picks[i];
            const answers = [];
            // Rotate the order every iteration so no storage always runs first (cold) or last (warm).
            for (let k = 0; k < active.length; k++) {
              const variant = active[(i + k) % active.length];
              const { ms, answer } = await runOnce(client, variant, kind, pick);
              if (i >= WARMUP) samples[variant.id].push(ms);
              answers.push({ variant: variant.id, answer });
            }
            const reference = answers.find((a) => a.variant === 'cte').answer;
            for (const { variant, answer } of answers) {
              if (answer !== reference && mismatches.length < 20)
                mismatches.push({
                  level: level.id,
                  profile: profile.id,
                  kind,
                  variant,
                  root: pick.root.id,
                  unit: pick.unit,
                  answer,
                  reference,
                });
            }
          }
          const base = stats(samples.cte);
          for (const variant of active) {
            const s = stats(samples[variant.id]);
            reads.push({
              level: level.id,
              profile: profile.id,
              kind,
              variant: variant.id,
              label: variant.label,
              ...s,
              ratioMedian: round(s.medianMs / base.medianMs, 2),
              ratioP95: round(s.p95Ms / base.p95Ms, 2),
            });
          }
          console.log(
            `[bench] org-subtree: ${level.id} ${kind} (${profile.id}) measured (${ITERATIONS} × ${active.length})`,
          );
        }
        // EXPLAIN (ANALYZE) once per query kind and storage, on the first measured root.
        if (level.id !== 'cell') {
          const pick = picks[WARMUP];
          for (const kind of KINDS) {
            for (const variant of list.filter((v) => v.sql[kind])) {
              explains.push({
                level: level.id,
                profile: profile.id,
                kind,
                variant: variant.id,
                ...(await explain(client, variant, kind, pick)),
              });
            }
          }
        }
      }
      for (const sql of PROFILES[0].sql) await client.query(sql);
    }

    // ── 3. moves ────────────────────────────────────────────────────────────
    const moves = await measureMoves(client, rng, hasLtree);
    const consistency = await consistencyProblems(client, hasLtree);
    for (const problem of consistency) mismatches.push({ afterMoves: problem });

    const loadAfter = os.loadavg();
    await close();
    await dropDatabase(database);
    console.log(`[bench] org-subtree: dropped ${database}`);

    // ── 4. report ───────────────────────────────────────────────────────────
    const valid = mismatches.length === 0;
    printReport({ reads, moves, sizes, explains, tree, loadBefore, loadAfter, valid, mismatches, list });
    const file = writeJson(ctx.outDir, 'org-subtree', {
      benchmark: 'org-subtree',
      date: new Date().toISOString(),
      command: ctx.command,
      machine: ctx.settings.machine,
      loadavg: { atStart: loadBefore.map((v) => round(v, 2)), atEnd: loadAfter.map((v) => round(v, 2)) },
      postgres: { version: server, settings: pgSettings, ltree: hasLtree },
      parameters: {
        shape: SHAPE,
        iterations: ITERATIONS,
        warmup: WARMUP,
        moves: MOVES,
        pageSize: PAGE_SIZE,
        seed: SEED,
      },
      tree,
      buildSeconds,
      variants: list.map(({ id, label, sql, lookup }) => ({ id, label, sql, lookup: lookup ?? null })),
      reads,
      moves,
      sizes,
      explains,
      valid,
      mismatches,
      seconds: round((Date.now() - started) / 1000, 1),
    });
    console.log(`\n[bench] wrote ${path.relative(ctx.root, file)}`);
    return { pass: valid, valid, file };
  },
};

// ── build ───────────────────────────────────────────────────────────────────

const UNIT_COLUMNS = `
  id uuid PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  parent_id uuid,
  status text NOT NULL DEFAULT 'active',
  merged_into_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

async function buildTree(client, hasLtree) {
  const q = (sql, params) => client.query(sql, params);
  await q(`SELECT setseed($1)`, [0.2026]);
  if (hasLtree) await q('CREATE EXTENSION IF NOT EXISTS ltree');
  // (a) materialized path: the product's org_units columns and indexes.
  await q(`CREATE TABLE org_mp (${UNIT_COLUMNS}, path text NOT NULL, depth integer NOT NULL)`);
  await q(
    `
    WITH s AS MATERIALIZED (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $1::int) n)
    INSERT INTO org_mp (id, code, name, kind, parent_id, path, depth)
    SELECT id, 'P' || lpad(n::text, 2, '0'), 'Tỉnh ' || n, 'province', NULL, '/' || id || '/', 0 FROM s`,
    [SHAPE.provinces],
  );
  await q(
    `
    WITH s AS MATERIALIZED (
      SELECT gen_random_uuid() AS id, p.id AS parent_id, p.path AS parent_path, p.code AS parent_code, n
        FROM org_mp p CROSS JOIN generate_series(1, $1::int) n WHERE p.depth = 0 ORDER BY p.code, n)
    INSERT INTO org_mp (id, code, name, kind, parent_id, path, depth)
    SELECT id, parent_code || '-C' || lpad(n::text, 3, '0'),
           CASE WHEN n % 4 = 0 THEN 'Phường ' ELSE 'Xã ' END || n,
           CASE WHEN n % 4 = 0 THEN 'ward' ELSE 'commune' END,
           parent_id, parent_path || id || '/', 1 FROM s`,
    [SHAPE.communesPerProvince],
  );
  const [minCells, maxCells] = SHAPE.cellsPerCommune;
  await q(
    `
    WITH c AS MATERIALIZED (
      SELECT id, path, code, $1::int + floor(random() * ($2::int - $1::int + 1))::int AS cells
        FROM org_mp WHERE depth = 1 ORDER BY code),
    s AS MATERIALIZED (
      SELECT gen_random_uuid() AS id, c.id AS parent_id, c.path AS parent_path, c.code AS parent_code, n
        FROM c CROSS JOIN LATERAL generate_series(1, c.cells) n ORDER BY c.code, n)
    INSERT INTO org_mp (id, code, name, kind, parent_id, path, depth)
    SELECT id, parent_code || '-K' || lpad(n::text, 2, '0'),
           CASE n WHEN 1 THEN 'Đảng ủy' WHEN 2 THEN 'Cơ quan' ELSE 'Chi bộ ' || n END,
           CASE n WHEN 1 THEN 'party_committee' WHEN 2 THEN 'agency' ELSE 'cell' END,
           parent_id, parent_path || id || '/', 2 FROM s`,
    [minCells, maxCells],
  );
  await q(
    `
    WITH c AS MATERIALIZED (SELECT id, path, code FROM org_mp WHERE depth = 2 AND random() < $1 ORDER BY code),
    s AS MATERIALIZED (
      SELECT gen_random_uuid() AS id, c.id AS parent_id, c.path AS parent_path, c.code AS parent_code, n
        FROM c CROSS JOIN generate_series(1, $2::int) n ORDER BY c.code, n)
    INSERT INTO org_mp (id, code, name, kind, parent_id, path, depth)
    SELECT id, parent_code || '-S' || n, 'Chi bộ ' || n, 'cell', parent_id, parent_path || id || '/', 3 FROM s`,
    [SHAPE.subCellShare, SHAPE.subCellsPerCell],
  );
  const bad = (await q(`SELECT count(*)::int AS n FROM org_mp WHERE path NOT LIKE '%/' || id || '/'`)).rows[0]
    .n;
  if (bad > 0) throw new Error(`tree build produced ${bad} inconsistent paths`);

  // (b) adjacency list only; (c) closure table over its own copy of the units; (d) ltree.
  const copyCols = 'id, code, name, kind, parent_id, status, merged_into_id, created_at, updated_at';
  await q(`CREATE TABLE org_adj (${UNIT_COLUMNS})`);
  await q(`INSERT INTO org_adj SELECT ${copyCols} FROM org_mp ORDER BY depth, code`);
  await q(`CREATE TABLE org_cl (${UNIT_COLUMNS})`);
  await q(`INSERT INTO org_cl SELECT ${copyCols} FROM org_mp ORDER BY depth, code`);
  await q(`CREATE TABLE org_closure (
      ancestor_id uuid NOT NULL, descendant_id uuid NOT NULL, depth integer NOT NULL,
      PRIMARY KEY (ancestor_id, descendant_id))`);
  // Rows in unit-creation order (as they would be inserted when each unit is created).
  await q(`
    INSERT INTO org_closure (ancestor_id, descendant_id, depth)
    SELECT a.seg::uuid, m.id, m.depth + 1 - a.ord::int
      FROM (SELECT id, path, depth FROM org_mp ORDER BY depth, code) m
      CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from m.path), '/')) WITH ORDINALITY AS a(seg, ord)`);
  if (hasLtree) {
    await q(`CREATE TABLE org_lt (${UNIT_COLUMNS}, lpath ltree NOT NULL)`);
    // PostgreSQL 15 ltree labels allow [A-Za-z0-9_]: the uuid without its hyphens.
    await q(`INSERT INTO org_lt SELECT ${copyCols},
        text2ltree(replace(replace(trim(both '/' from path), '-', ''), '/', '.')) FROM org_mp ORDER BY depth, code`);
  }

  // Users: the product's users table; created in random order (as over time), not grouped by unit.
  await q(`
    CREATE TABLE users (
      id uuid PRIMARY KEY, username text NOT NULL, email text, password_hash text NOT NULL,
      full_name text NOT NULL, search_text text NOT NULL, phone text, org_unit_id uuid NOT NULL,
      scope_unit_id uuid NOT NULL, position text, is_party_member boolean NOT NULL DEFAULT false,
      roles text[] NOT NULL, is_active boolean NOT NULL DEFAULT true, password_changed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
  const per = SHAPE.usersPerUnit;
  await q(`
    WITH per_unit AS MATERIALIZED (
      SELECT id, CASE depth
          WHEN 0 THEN ${per[0][0]} + floor(random() * ${per[0][1] - per[0][0] + 1})
          WHEN 1 THEN ${per[1][0]} + floor(random() * ${per[1][1] - per[1][0] + 1})
          WHEN 2 THEN ${per[2][0]} + floor(random() * ${per[2][1] - per[2][0] + 1})
          ELSE ${per[3][0]} + floor(random() * ${per[3][1] - per[3][0] + 1}) END::int AS n
        FROM org_mp ORDER BY depth, code),
    s AS MATERIALIZED (
      SELECT p.id AS unit_id,
             (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'])[1 + floor(random() * 16)::int] AS family,
             (ARRAY['Văn','Thị','Hữu','Đức','Minh','Thanh','Ngọc','Quang','Thu','Xuân'])[1 + floor(random() * 10)::int] AS middle,
             (ARRAY['An','Bình','Châu','Dũng','Giang','Hà','Hải','Hạnh','Hòa','Hùng','Hương','Khánh','Lan','Linh','Long',
                    'Mai','Nam','Nga','Phong','Phúc','Quân','Sơn','Tâm','Thảo','Trang','Trung','Tuấn','Vân','Việt','Yến'])[1 + floor(random() * 30)::int] AS given,
             md5(random()::text) || md5(random()::text) AS secret,
             random() AS shuffle
        FROM per_unit p CROSS JOIN LATERAL generate_series(1, p.n) g)
    INSERT INTO users (id, username, password_hash, full_name, search_text, org_unit_id, scope_unit_id, roles)
    SELECT gen_random_uuid(), 'hv' || lpad(row_number() OVER ()::text, 6, '0'),
           '$argon2id$v=19$m=19456,t=2,p=1$' || substr(secret, 1, 22) || '$' || substr(secret, 23, 43),
           family || ' ' || middle || ' ' || given, lower(family || ' ' || middle || ' ' || given),
           unit_id, unit_id, ARRAY['learner']
      FROM (SELECT * FROM s ORDER BY shuffle) shuffled`);

  // Indexes after the load (compact for every storage alike), as in the product's migration.
  for (const table of ['org_mp', 'org_adj', 'org_cl', ...(hasLtree ? ['org_lt'] : [])]) {
    await q(`CREATE UNIQUE INDEX ${table}_code_key ON ${table} (lower(code))`);
    await q(`CREATE INDEX ${table}_parent_idx ON ${table} (parent_id)`);
  }
  await q(`CREATE INDEX org_mp_path_idx ON org_mp (path text_pattern_ops)`);
  await q(`CREATE INDEX org_closure_descendant_idx ON org_closure (descendant_id)`);
  if (hasLtree) await q(`CREATE INDEX org_lt_lpath_idx ON org_lt USING gist (lpath)`);
  await q(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);
  await q(`CREATE INDEX users_org_unit_idx ON users (org_unit_id)`);
  await q(`CREATE INDEX users_scope_unit_idx ON users (scope_unit_id)`);
  // VACUUM sets the visibility map (index-only scans), ANALYZE the planner statistics — for every table alike.
  await q('VACUUM (ANALYZE)');
}

async function treeStats(client) {
  const byDepth = (
    await client.query('SELECT depth, count(*)::int AS n FROM org_mp GROUP BY depth ORDER BY depth')
  ).rows;
  const one = async (sql) => (await client.query(sql)).rows[0].n;
  return {
    units: byDepth.reduce((total, row) => total + row.n, 0),
    unitsByDepth: byDepth.map((row) => row.n),
    maxDepth: byDepth[byDepth.length - 1].depth,
    users: await one('SELECT count(*)::int AS n FROM users'),
    closureRows: await one('SELECT count(*)::int AS n FROM org_closure'),
  };
}

async function subtreeStats(client, picks) {
  const roots = [...new Set(picks.map((pick) => pick.root.path))];
  const rows = (
    await client.query(
      `SELECT r.path, (SELECT count(*) FROM org_mp o WHERE o.path LIKE r.path || '%')::int AS units,
              (SELECT count(*) FROM users u JOIN org_mp o ON o.id = u.org_unit_id WHERE o.path LIKE r.path || '%')::int AS users
         FROM unnest($1::text[]) AS r(path)`,
      [roots],
    )
  ).rows;
  const byPath = new Map(rows.map((row) => [row.path, row]));
  const avg = (key) => round(picks.reduce((t, p) => t + byPath.get(p.root.path)[key], 0) / picks.length, 1);
  return { unitsAvg: avg('units'), usersAvg: avg('users') };
}

async function storageSizes(client, hasLtree) {
  const rows = (
    await client.query(`
      SELECT c.relname AS name, CASE c.relkind WHEN 'i' THEN 'index' ELSE 'table' END AS type,
             coalesce(t.relname, c.relname) AS "table",
             pg_relation_size(c.oid)::bigint AS bytes, pg_total_relation_size(c.oid)::bigint AS total_bytes
        FROM pg_class c
        LEFT JOIN pg_index i ON i.indexrelid = c.oid
        LEFT JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')
       ORDER BY 3, 2 DESC, 1`)
  ).rows.map((row) => ({ ...row, bytes: Number(row.bytes), total_bytes: Number(row.total_bytes) }));
  const total = (tables) =>
    rows.filter((r) => r.type === 'table' && tables.includes(r.name)).reduce((t, r) => t + r.total_bytes, 0);
  const storages = [
    { id: 'cte', tables: ['org_adj'] },
    { id: 'mp', tables: ['org_mp'] },
    { id: 'closure', tables: ['org_cl', 'org_closure'] },
    ...(hasLtree ? [{ id: 'ltree', tables: ['org_lt'] }] : []),
  ].map((storage) => ({ ...storage, totalBytes: total(storage.tables) }));
  const adjacency = storages[0].totalBytes;
  for (const storage of storages) storage.overAdjacencyBytes = storage.totalBytes - adjacency;
  return { relations: rows, storages, usersBytes: total(['users']) };
}

// ── reads ───────────────────────────────────────────────────────────────────

function paramsFor(variant, kind, pick) {
  if (kind === 'inScope') return [pick.unit, pick.root.id];
  if (variant.param === 'path') return [pick.root.path];
  if (variant.param === 'lpath') return [toLtree(pick.root.path)];
  return [pick.root.id];
}

/** One timed execution (client-side: parse, bind, execute, round trip — what the api sees). */
async function runOnce(client, variant, kind, pick) {
  const t0 = process.hrtime.bigint();
  let params = paramsFor(variant, kind, pick);
  if (variant.lookup) {
    const found = await client.query(variant.lookup, [pick.root.id]);
    params = [found.rows[0].path];
  }
  const result = await client.query(variant.sql[kind], params);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let answer;
  if (kind === 'count') answer = String(result.rows[0].n);
  else if (kind === 'page') answer = result.rows.map((row) => row.id).join(',');
  else answer = String(result.rows[0].inside);
  return { ms, answer };
}

async function explain(client, variant, kind, pick) {
  const result = await client.query(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${variant.sql[kind]}`,
    paramsFor(variant, kind, pick),
  );
  const doc = result.rows[0]['QUERY PLAN'][0];
  const scans = [];
  let workers = 0;
  const walk = (node) => {
    if (node['Workers Launched'] !== undefined) workers += node['Workers Launched'];
    if (
      /Scan/.test(node['Node Type']) &&
      node['Node Type'] !== 'CTE Scan' &&
      node['Node Type'] !== 'WorkTable Scan'
    ) {
      scans.push(`${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`);
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(doc.Plan);
  return {
    executionMs: round(doc['Execution Time'], 3),
    planningMs: round(doc['Planning Time'], 3),
    jit: Boolean(doc.JIT),
    parallelWorkers: workers,
    scans: [...new Set(scans)],
    topNode: doc.Plan['Node Type'],
    plan: doc.Plan,
  };
}

// ── moves ───────────────────────────────────────────────────────────────────

/**
 * Moves a commune (and its subtree) to another province, MOVES times, the same
 * sequence on every storage; one transaction each, timed from BEGIN to COMMIT.
 */
async function measureMoves(client, rng, hasLtree) {
  const communes = (await client.query('SELECT id, parent_id FROM org_mp WHERE depth = 1')).rows;
  const provinces = (await client.query('SELECT id FROM org_mp WHERE depth = 0')).rows.map((row) => row.id);
  const parentOf = new Map(communes.map((row) => [row.id, row.parent_id]));
  const plan = [];
  for (let i = 0; i < MOVES; i++) {
    const unit = communes[Math.floor(rng() * communes.length)].id;
    let target = parentOf.get(unit);
    for (let tries = 0; tries < 100 && target === parentOf.get(unit); tries++) {
      target = provinces[Math.floor(rng() * provinces.length)];
    }
    parentOf.set(unit, target);
    plan.push({ unit, target });
  }
  const storages = {
    cte: moveAdjacency,
    mp: (c, m) => movePath(c, m, 'org_mp'),
    closure: moveClosure,
    ...(hasLtree ? { ltree: moveLtree } : {}),
  };
  const ids = Object.keys(storages);
  const samples = Object.fromEntries(ids.map((id) => [id, []]));
  const rows = Object.fromEntries(ids.map((id) => [id, []]));
  for (let i = 0; i < plan.length; i++) {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[(i + k) % ids.length];
      const t0 = process.hrtime.bigint();
      await client.query('BEGIN');
      try {
        rows[id].push(await storages[id](client, plan[i]));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      samples[id].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  console.log(`[bench] org-subtree: ${MOVES} commune moves done on ${ids.length} storages`);
  const base = stats(samples.cte);
  return ids.map((id) => {
    const s = stats(samples[id]);
    return {
      variant: id,
      ...s,
      ratioMedian: round(s.medianMs / base.medianMs, 2),
      rowsWrittenAvg: round(rows[id].reduce((t, n) => t + n, 0) / rows[id].length, 1),
      statements: MOVE_STATEMENTS[id],
    };
  });
}

const MOVE_STATEMENTS = {
  cte: 'lock unit; cycle check (walk up from the new parent); UPDATE parent_id',
  mp: "lock unit; read new parent; UPDATE path/depth WHERE path LIKE old || '%' (product reparent()); UPDATE parent_id",
  closure:
    'lock unit; cycle check (PK lookup); DELETE old ancestor links of the subtree; INSERT new ones; UPDATE parent_id',
  ltree: 'lock unit; read new parent; UPDATE lpath WHERE lpath <@ old; UPDATE parent_id',
};

async function moveAdjacency(client, { unit, target }) {
  await client.query('SELECT id FROM org_adj WHERE id = $1 FOR UPDATE', [unit]);
  const cycle = await client.query(
    `WITH RECURSIVE up(id, parent_id) AS (
        SELECT id, parent_id FROM org_adj WHERE id = $1
        UNION ALL SELECT p.id, p.parent_id FROM org_adj p JOIN up ON p.id = up.parent_id)
      SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS inside`,
    [target, unit],
  );
  if (cycle.rows[0].inside) throw new Error('move into own subtree');
  const r = await client.query('UPDATE org_adj SET parent_id = $2, updated_at = now() WHERE id = $1', [
    unit,
    target,
  ]);
  return r.rowCount;
}

async function movePath(client, { unit, target }, table) {
  const u = (await client.query(`SELECT path, depth FROM ${table} WHERE id = $1 FOR UPDATE`, [unit])).rows[0];
  const p = (await client.query(`SELECT path, depth FROM ${table} WHERE id = $1`, [target])).rows[0];
  if (p.path.startsWith(u.path)) throw new Error('move into own subtree');
  // The product's OrgUnitsService.reparent(), verbatim.
  const r = await client.query(
    `UPDATE ${table}
        SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now()
      WHERE path LIKE $1 || '%'`,
    [u.path, `${p.path}${unit}/`, p.depth + 1 - u.depth],
  );
  await client.query(`UPDATE ${table} SET parent_id = $2, updated_at = now() WHERE id = $1`, [unit, target]);
  return r.rowCount + 1;
}

async function moveClosure(client, { unit, target }) {
  await client.query('SELECT id FROM org_cl WHERE id = $1 FOR UPDATE', [unit]);
  const cycle = await client.query(
    'SELECT EXISTS (SELECT 1 FROM org_closure WHERE ancestor_id = $1 AND descendant_id = $2) AS inside',
    [unit, target],
  );
  if (cycle.rows[0].inside) throw new Error('move into own subtree');
  const del = await client.query(
    `DELETE FROM org_closure
      WHERE descendant_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = $1)
        AND ancestor_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = $1 AND ancestor_id <> $1)`,
    [unit],
  );
  const ins = await client.query(
    `INSERT INTO org_closure (ancestor_id, descendant_id, depth)
     SELECT sup.ancestor_id, sub.descendant_id, sup.depth + sub.depth + 1
       FROM org_closure sup JOIN org_closure sub ON sub.ancestor_id = $1
      WHERE sup.descendant_id = $2`,
    [unit, target],
  );
  const upd = await client.query('UPDATE org_cl SET parent_id = $2, updated_at = now() WHERE id = $1', [
    unit,
    target,
  ]);
  return del.rowCount + ins.rowCount + upd.rowCount;
}

async function moveLtree(client, { unit, target }) {
  const u = (await client.query('SELECT lpath::text AS lpath FROM org_lt WHERE id = $1 FOR UPDATE', [unit]))
    .rows[0];
  const p = (await client.query('SELECT lpath::text AS lpath FROM org_lt WHERE id = $1', [target])).rows[0];
  if (`${p.lpath}.`.startsWith(`${u.lpath}.`)) throw new Error('move into own subtree');
  const r = await client.query(
    `UPDATE org_lt SET lpath = $2::ltree || subpath(lpath, nlevel($1::ltree) - 1), updated_at = now()
      WHERE lpath <@ $1::ltree`,
    [u.lpath, p.lpath],
  );
  await client.query('UPDATE org_lt SET parent_id = $2, updated_at = now() WHERE id = $1', [unit, target]);
  return r.rowCount + 1;
}

/** After the moves every storage must still describe the same tree. */
async function consistencyProblems(client, hasLtree) {
  const problems = [];
  // Subtree size of every unit, per storage, compared as one digest each.
  const digests = {
    cte: `WITH RECURSIVE walk(top, id) AS (
            SELECT id, id FROM org_adj
            UNION ALL SELECT w.top, c.id FROM org_adj c JOIN walk w ON c.parent_id = w.id)
          SELECT md5(string_agg(top || ':' || n, ',' ORDER BY top)) AS d
            FROM (SELECT top, count(*) AS n FROM walk GROUP BY top) t`,
    // Every unit counts once for each ancestor named in its path (itself included).
    mp: `SELECT md5(string_agg(top || ':' || n, ',' ORDER BY top)) AS d FROM (
           SELECT seg::uuid AS top, count(*) AS n
             FROM org_mp, unnest(string_to_array(trim(both '/' from path), '/')) AS seg GROUP BY 1) t`,
    closure: `SELECT md5(string_agg(ancestor_id || ':' || n, ',' ORDER BY ancestor_id)) AS d FROM (
           SELECT ancestor_id, count(*) AS n FROM org_closure GROUP BY ancestor_id) t`,
    ...(hasLtree
      ? {
          ltree: `SELECT md5(string_agg(top || ':' || n, ',' ORDER BY top)) AS d FROM (
           SELECT seg::uuid AS top, count(*) AS n
             FROM org_lt, unnest(string_to_array(lpath::text, '.')) AS seg GROUP BY 1) t`,
        }
      : {}),
  };
  await client.query(`SET statement_timeout = '${BUILD_STATEMENT_TIMEOUT}'`);
  const results = {};
  for (const [id, sql] of Object.entries(digests)) results[id] = (await client.query(sql)).rows[0].d;
  for (const [id, digest] of Object.entries(results)) {
    if (digest !== results.cte)
      problems.push(`${id}: subtree sizes differ from the adjacency list after the moves`);
  }
  const depth = await client.query(`
    SELECT count(*)::int AS n FROM org_mp m
      JOIN org_closure c ON c.descendant_id = m.id AND c.depth = m.depth
      JOIN org_adj r ON r.id = c.ancestor_id AND r.parent_id IS NULL`);
  const units = (await client.query('SELECT count(*)::int AS n FROM org_mp')).rows[0].n;
  if (depth.rows[0].n !== units) problems.push('materialized-path depth disagrees with the closure table');
  return problems;
}

// ── report ──────────────────────────────────────────────────────────────────

function printReport({
  reads,
  moves,
  sizes,
  explains,
  tree,
  loadBefore,
  loadAfter,
  valid,
  mismatches,
  list,
}) {
  console.log('\n=== org-subtree: subtree queries by storage (client-side latency, ms) ===');
  console.log(
    `${tree.units} units (depth 0–${tree.maxDepth}: ${tree.unitsByDepth.join(' / ')}), ${tree.users} users; ` +
      `${ITERATIONS} measured runs per cell after ${WARMUP} warm-up, random roots, order rotated per run`,
  );
  console.log(
    `load average: ${loadBefore.map((v) => v.toFixed(2)).join(' / ')} at start, ` +
      `${loadAfter.map((v) => v.toFixed(2)).join(' / ')} at end`,
  );
  console.log('variants:');
  for (const v of list) console.log(`  ${v.id.padEnd(8)} ${v.label}`);
  console.log(
    `columns: ${PROFILES.map((p) => `"${p.id}" = ${p.label}`).join('; ')}; × CTE = ratio of medians to the baseline`,
  );
  for (const kind of KINDS) {
    console.log(`\n${KIND_TITLES[kind]}`);
    const header = ['scope', 'storage'];
    for (const profile of PROFILES) header.push(`${profile.id} median`, 'p95', '× CTE');
    const rows = [];
    for (const row of reads.filter((r) => r.kind === kind && r.profile === PROFILES[0].id)) {
      const cells = [row.level, row.variant];
      for (const profile of PROFILES) {
        const r = reads.find(
          (x) =>
            x.kind === kind && x.level === row.level && x.variant === row.variant && x.profile === profile.id,
        );
        cells.push(r.medianMs, r.p95Ms, `${r.ratioMedian}×`);
      }
      rows.push(cells);
    }
    table(header, rows);
  }
  console.log(`\nMove a commune (with its subtree) to another province — ${MOVES} moves, BEGIN … COMMIT`);
  table(
    ['storage', 'median ms', 'p95 ms', 'max ms', '× adjacency', 'rows written', 'statements'],
    moves.map((m) => [
      m.variant,
      m.medianMs,
      m.p95Ms,
      m.maxMs,
      `${m.ratioMedian}×`,
      m.rowsWrittenAvg,
      m.statements,
    ]),
  );
  console.log('\nStorage (pg_total_relation_size: table + its indexes, after VACUUM ANALYZE)');
  table(
    ['storage', 'tables', 'total MiB', 'over adjacency MiB'],
    sizes.storages.map((s) => [s.id, s.tables.join(' + '), mib(s.totalBytes), mib(s.overAdjacencyBytes)]),
  );
  table(
    ['relation', 'type', 'of table', 'MiB'],
    sizes.relations.map((r) => [r.name, r.type, r.table, mib(r.bytes)]),
  );
  console.log(
    '\nEXPLAIN (ANALYZE), first measured root, per query kind (province: every setting; commune: defaults; all in the JSON)',
  );
  table(
    ['scope', 'settings', 'kind', 'storage', 'exec ms', 'workers', 'jit', 'scans'],
    explains
      .filter((e) => e.level === 'province' || e.profile === PROFILES[0].id)
      .map((e) => [
        e.level,
        e.profile,
        e.kind,
        e.variant,
        e.executionMs,
        e.parallelWorkers,
        e.jit ? 'yes' : 'no',
        e.scans.join('; '),
      ]),
  );
  if (!valid) {
    console.error('\n!!! INVALID RUN — the storages disagree:');
    for (const m of mismatches) console.error(`!!!   ${JSON.stringify(m)}`);
  } else {
    console.log(
      '\nEvery answer (counts, page ids, in-scope checks) agreed across storages; trees consistent after the moves.',
    );
  }
  // The benchmark itself (node + PostgreSQL, one query at a time) keeps about one core busy.
  const busy = loadBefore[0] > os.cpus().length / 2 || loadAfter[0] > os.cpus().length / 2 + 1;
  if (busy) {
    console.log(
      `\nNOTE: the machine looked busy (load ${loadBefore[0].toFixed(2)} → ${loadAfter[0].toFixed(2)} on ${os.cpus().length} cores). ` +
        'Compare the ratios, and re-run on a quiet machine before trusting small differences.',
    );
  }
}

const KIND_TITLES = {
  count: '(i) count of users in the subtree',
  page: `(ii) first page (${PAGE_SIZE}) of users in the subtree, by name`,
  inScope: '(iii) is unit U inside scope S (per-request scope check)',
};

function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, col) => Math.max(...cells.map((row) => row[col].length)));
  const line = (row) =>
    `| ${row.map((cell, col) => (/^[\d.×-]+$/.test(cell) && col > 0 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join(' | ')} |`;
  console.log(line(cells[0]));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of cells.slice(1)) console.log(line(row));
}

// ── small helpers ───────────────────────────────────────────────────────────

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    n: sorted.length,
    medianMs: round(median, 3),
    p95Ms: round(at(0.95), 3),
    maxMs: round(sorted[sorted.length - 1], 3),
    meanMs: round(sorted.reduce((t, v) => t + v, 0) / sorted.length, 3),
  };
}

/** Small seeded PRNG so the roots and moves are the same run to run. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** '/<uuid>/<uuid>/' → '<hex>.<hex>' (PostgreSQL 15 ltree labels allow [A-Za-z0-9_], no hyphen). */
function toLtree(materializedPath) {
  return materializedPath
    .replace(/^\/|\/$/g, '')
    .replace(/-/g, '')
    .split('/')
    .join('.');
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function mib(bytes) {
  return round(bytes / 2 ** 20, 2);
}
