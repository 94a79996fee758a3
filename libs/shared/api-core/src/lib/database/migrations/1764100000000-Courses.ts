import { MigrationInterface, QueryRunner } from 'typeorm';

export class Courses1764100000000 implements MigrationInterface {
  name = 'Courses1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('SELECT 1');
  }
}
