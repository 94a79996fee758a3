import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';

/**
 * The embedded engine must behave like PostgreSQL for our code: the same
 * migrations, and transactions that do not see or keep each other's work.
 */
describe(EmbeddedPostgres.name, () => {
  let dir: string;
  let embedded: EmbeddedPostgres;
  let db: DataSource;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = mkdtempSync(join(tmpdir(), 'thuchoc-pglite-'));
    embedded = new EmbeddedPostgres(dir);
    db = new DataSource(dataSourceOptions(await embedded.start(), true));
    await db.initialize();
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
    await embedded?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs every migration', async () => {
    const applied = await db.runMigrations();
    expect(applied.map((m) => m.name)).toContain('Foundation1764057600000');
    const tables: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'org_units',
        'users',
        'refresh_tokens',
        'outbox_events',
        'processed_events',
        'notifications',
      ]),
    );
  });

  it('refuses to change integrity ledger rows, as PostgreSQL does', async () => {
    const [{ id }] = await db.query(
      `INSERT INTO ledger_entries (chain, type) VALUES ('test:1', 'probe') RETURNING id`,
    );
    await expect(db.query(`UPDATE ledger_entries SET type = 'edited' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM ledger_entries WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('keeps a rolled-back transaction out while another one commits concurrently', async () => {
    await db.query('CREATE TABLE isolation_probe (label text PRIMARY KEY)');
    const failing = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO isolation_probe VALUES ('rolled-back')`);
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('abort');
    });
    const committing = db.transaction(async (tx) => {
      await tx.query(`INSERT INTO isolation_probe VALUES ('committed')`);
    });
    await expect(failing).rejects.toThrow('abort');
    await committing;
    const rows: { label: string }[] = await db.query('SELECT label FROM isolation_probe ORDER BY label');
    expect(rows.map((r) => r.label)).toEqual(['committed']);
  });

  it('serialises concurrent read-modify-write transactions without lost updates', async () => {
    await db.query('CREATE TABLE counter_probe (id int PRIMARY KEY, n int NOT NULL)');
    await db.query('INSERT INTO counter_probe VALUES (1, 0)');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const [{ n }] = await tx.query('SELECT n FROM counter_probe WHERE id = 1');
          await tx.query('UPDATE counter_probe SET n = $1 WHERE id = 1', [n + 1]);
        }),
      ),
    );
    const [{ n }] = await db.query('SELECT n FROM counter_probe WHERE id = 1');
    expect(n).toBe(20);
  });
});
