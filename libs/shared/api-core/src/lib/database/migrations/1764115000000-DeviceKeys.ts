import { MigrationInterface, QueryRunner } from 'typeorm';

/** The fingerprint of the device key an app sends at sign-in, kept on the sign-in's refresh tokens. */
export class DeviceKeys1764115000000 implements MigrationInterface {
  name = 'DeviceKeys1764115000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN device_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN device_id`);
  }
}
