import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts made in bulk start without a password: the learner sets one through
 * a one-time activation link (an HMAC of the user id and a random nonce, so no
 * secret is stored and the link dies once the nonce is cleared). Ledger
 * verifications run as jobs and keep their results.
 */
export class ActivationAndVerifications1764090000000 implements MigrationInterface {
  name = 'ActivationAndVerifications1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN activation_nonce text`);
    await q.query(`
      CREATE TABLE ledger_verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chain text NOT NULL,
        requested_by uuid REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        result jsonb
      )`);
    await q.query(
      `CREATE INDEX ledger_verifications_chain_idx ON ledger_verifications (chain, requested_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_verifications');
    await q.query('ALTER TABLE users DROP COLUMN activation_nonce');
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query('ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL');
  }
}
