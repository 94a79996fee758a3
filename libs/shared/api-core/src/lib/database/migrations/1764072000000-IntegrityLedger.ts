import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integrity ledger: entries are only ever inserted (the hot path), and a
 * sealing job chains them per chain key by inserting seals (sequence, previous
 * hash, hash). The database itself refuses UPDATE, DELETE and TRUNCATE on both
 * tables, on PostgreSQL and on embedded PGlite alike; an edit made behind the
 * application's back (triggers disabled by a superuser) is found by the verifier.
 */
export class IntegrityLedger1764072000000 implements MigrationInterface {
  name = 'IntegrityLedger1764072000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chain text NOT NULL,
        type text NOT NULL,
        subject_ids jsonb NOT NULL DEFAULT '{}',
        actor_id uuid,
        reason text,
        payload jsonb NOT NULL DEFAULT '{}',
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        position bigserial NOT NULL
      )`);
    await q.query(`CREATE INDEX ledger_entries_chain_idx ON ledger_entries (chain, position)`);
    await q.query(`
      CREATE TABLE ledger_seals (
        entry_id uuid PRIMARY KEY REFERENCES ledger_entries(id),
        chain text NOT NULL,
        seq integer NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ledger_seals_chain_seq_key UNIQUE (chain, seq)
      )`);
    await q.query(`
      CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the integrity ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['ledger_entries', 'ledger_seals']) {
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
                       FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
                       FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_seals');
    await q.query('DROP TABLE ledger_entries');
    await q.query('DROP FUNCTION ledger_refuse_change()');
  }
}
