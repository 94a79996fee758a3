import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: outbox and processed events (reliable jobs), the
 * org-unit tree with its history, users, refresh-token families and in-app
 * notifications. Uses only core PostgreSQL (gen_random_uuid is built in from
 * 13), so the same file runs on PostgreSQL and on embedded PGlite.
 */
export class Foundation1764057600000 implements MigrationInterface {
  name = 'Foundation1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        queue text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        relay_attempts integer NOT NULL DEFAULT 0,
        claimed_until timestamptz,
        last_error text
      )`);
    await q.query(
      `CREATE INDEX outbox_events_pending_idx ON outbox_events (occurred_at) WHERE relayed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE processed_events (
        event_id uuid NOT NULL,
        handler text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, handler)
      )`);

    await q.query(`
      CREATE TABLE org_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        parent_id uuid REFERENCES org_units(id),
        path text NOT NULL,
        depth integer NOT NULL,
        status text NOT NULL DEFAULT 'active',
        merged_into_id uuid REFERENCES org_units(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT org_units_status_check CHECK (status IN ('active', 'merged'))
      )`);
    await q.query(`CREATE UNIQUE INDEX org_units_code_key ON org_units (lower(code))`);
    // "Everything under unit X" is a prefix match on the materialized path.
    await q.query(`CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops)`);
    await q.query(`CREATE INDEX org_units_parent_idx ON org_units (parent_id)`);
    await q.query(`
      CREATE TABLE org_unit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES org_units(id),
        type text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        reason text,
        name_before text,
        name_after text,
        parent_before_id uuid,
        parent_after_id uuid,
        other_unit_id uuid REFERENCES org_units(id),
        other_unit_name text
      )`);
    await q.query(`CREATE INDEX org_unit_events_unit_idx ON org_unit_events (unit_id, occurred_at)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        email text,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        search_text text NOT NULL,
        phone text,
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        scope_unit_id uuid NOT NULL REFERENCES org_units(id),
        position text,
        is_party_member boolean NOT NULL DEFAULT false,
        roles text[] NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE INDEX users_org_unit_idx ON users (org_unit_id)`);
    await q.query(`CREATE INDEX users_scope_unit_idx ON users (scope_unit_id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        user_agent text,
        ip text
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash)`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        event_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    // One notification per event and reader: a redelivered job changes nothing.
    await q.query(`CREATE UNIQUE INDEX notifications_event_user_key ON notifications (event_id, user_id)`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'refresh_tokens',
      'users',
      'org_unit_events',
      'org_units',
      'processed_events',
      'outbox_events',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
