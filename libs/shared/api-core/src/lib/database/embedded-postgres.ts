import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite (PostgreSQL compiled to WebAssembly) behind a loopback socket, so the
 * ordinary `pg` driver and TypeORM's postgres driver run unchanged: one code
 * path for both engines. PGlite has a single session, so clients must use a
 * pool of ONE connection; that serialises transactions and keeps them isolated.
 */
export class EmbeddedPostgres {
  private readonly logger = new Logger(EmbeddedPostgres.name);
  private db: PGlite | null = null;
  private server: PGLiteSocketServer | null = null;

  constructor(private readonly dataDir: string) {}

  async start(): Promise<string> {
    const dir = join(this.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    this.db = await PGlite.create(dir);
    this.server = new PGLiteSocketServer({ db: this.db, host: '127.0.0.1', port: 0, maxConnections: 8 });
    await this.server.start();
    const address = this.server.getServerConn();
    this.logger.log(`embedded PostgreSQL (PGlite) in ${dir}`);
    return `postgres://postgres@${address}/postgres?sslmode=disable`;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.db?.close();
    this.server = null;
    this.db = null;
  }
}
