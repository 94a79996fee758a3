import { MigrationInterface, QueryRunner } from 'typeorm';

export class Classes1764110000000 implements MigrationInterface {
  name = 'Classes1764110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }
}
