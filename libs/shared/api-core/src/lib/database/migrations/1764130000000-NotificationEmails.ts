import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail delivery of notifications: when the SMTP server accepted a
 * notification's e-mail, and the lease of the job sending it now, so a job
 * that died mid-send is retried after the lease and a live one is never
 * doubled.
 */
export class NotificationEmails1764130000000 implements MigrationInterface {
  name = 'NotificationEmails1764130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN emailed_at timestamptz,
        ADD COLUMN email_claimed_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP COLUMN emailed_at, DROP COLUMN email_claimed_until`);
  }
}
