import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The one typed configuration of a ThucHoc process, built once at boot from the environment. */
export interface AppConfig {
  nodeEnv: 'production' | 'development' | 'test';
  port: number;
  /** PostgreSQL connection string; absent → embedded PGlite under `dataDir`. */
  databaseUrl: string | null;
  /** Redis connection string; absent → in-process queues and counters. */
  redisUrl: string | null;
  /** True when neither DATABASE_URL nor REDIS_URL is set: one process, embedded engines. */
  isEmbedded: boolean;
  dataDir: string;
  /** Prefix of every Redis key this deployment writes (queues, counters), so deployments can share a Redis. */
  redisPrefix: string;
  jwtAccessSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  corsOrigins: string[];
  logLevel: LogLevel;
  seedDemo: boolean;
  /** Failed logins allowed per account, and per client address, within `loginWindowSeconds`. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginWindowSeconds: number;
  /** Directory of the built web app served at `/` (embedded mode), or null to serve none. */
  webRoot: string | null;
  /** Run pending migrations when the api starts (always on in embedded mode). */
  migrateOnStart: boolean;
  outboxPollMs: number;
  /** How long a relay holds the events it claimed; a relay that died delays them this long. */
  outboxLeaseSeconds: number;
  /** Proxy hops to trust for the client address (login throttling per address behind a load balancer). */
  trustProxy: number;
  /** Where users reach the product; absolute links (activation sheets, calendar feeds) start with it. */
  publicUrl: string;
  /**
   * How long a worker holds a queued job before others may take it over:
   * a worker that died mid-job has its job retried elsewhere after this long.
   */
  jobLockMs: number;
  /** Seconds each rotating check-in code is shown. */
  checkInCodeStepSeconds: number;
  /** Codes this many steps old (or ahead, for clock drift) are still accepted. */
  checkInCodeToleranceSteps: number;
  /** How often live presence counters are copied from Redis to PostgreSQL (and sessions past their end closed). */
  presenceFlushMs: number;
  /**
   * Seconds after a quiz attempt's deadline during which answers and the
   * submit are still accepted, for answers already on their way over the network.
   */
  attemptGraceSeconds: number;
  /** How often the sweeper submits quiz attempts past their deadline whose delayed job was lost. */
  attemptSweepMs: number;
  /**
   * The worker's CPU niceness (0–19): on a host it shares with the api and PostgreSQL, a
   * grading burst after a quiz's deadline yields to requests, whose latency learners feel.
   */
  workerNice: number;
  /** SMTP server that e-mails the notifications worth an e-mail; null → in-app notifications only. */
  smtpUrl: string | null;
  /** Sender of those e-mails, `Name <address>` or a bare address. */
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** `address@domain` or `Display Name <address@domain>`. */
const MAIL_ADDRESS = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string): string | null {
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined || raw === null) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | null {
    const raw = this.string(name);
    if (raw === null) return null;
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      this.problems.push(`${name} must be a ${protocols.join(' or ')}// URL`);
      return null;
    }
  }

  mailAddress(name: string, fallback: string): string {
    const raw = this.string(name);
    if (raw === null) return fallback;
    if (!MAIL_ADDRESS.test(raw)) {
      this.problems.push(`${name} must be an address like "ThucHoc <no-reply@example.vn>" (got "${raw}")`);
      return fallback;
    }
    return raw;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === null) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }
}

/**
 * Embedded mode needs no set-up, so its signing secret is generated once and
 * kept beside the embedded database: tokens survive a restart.
 */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file))
    return (JSON.parse(readFileSync(file, 'utf8')) as { jwtAccessSecret: string }).jwtAccessSecret;
  mkdirSync(dataDir, { recursive: true });
  const jwtAccessSecret = randomBytes(48).toString('base64url');
  writeFileSync(file, JSON.stringify({ jwtAccessSecret }), { mode: 0o600 });
  return jwtAccessSecret;
}

/** Reads and validates the environment. Throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env): AppConfig {
  const read = new EnvReader(env);
  const nodeEnv = read.oneOf('NODE_ENV', ['production', 'development', 'test'] as const, 'development');
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const isEmbedded = databaseUrl === null && redisUrl === null;
  if (!isEmbedded && (databaseUrl === null || redisUrl === null) && read.problems.length === 0) {
    read.problems.push(
      'DATABASE_URL and REDIS_URL must be set together (or neither, for the embedded engines)',
    );
  }
  const dataDir = resolve(read.string('DATA_DIR') ?? './data');
  let jwtAccessSecret = read.string('JWT_ACCESS_SECRET');
  if (jwtAccessSecret !== null && jwtAccessSecret.length < 32) {
    read.problems.push('JWT_ACCESS_SECRET must be at least 32 characters');
  } else if (jwtAccessSecret === null) {
    if (isEmbedded) jwtAccessSecret = embeddedSecret(dataDir);
    else read.problems.push('JWT_ACCESS_SECRET is required when DATABASE_URL is set');
  }
  const smtpUrl = read.url('SMTP_URL', ['smtp:', 'smtps:']);
  if (smtpUrl !== null && !new URL(smtpUrl).hostname) read.problems.push('SMTP_URL must name a host');
  const webRoot = read.string('WEB_ROOT');
  const port = read.int('PORT', 3000, 0, 65535);
  const config: AppConfig = {
    nodeEnv,
    port,
    databaseUrl,
    redisUrl,
    isEmbedded,
    dataDir,
    redisPrefix: read.string('REDIS_PREFIX') ?? 'thuchoc',
    jwtAccessSecret: jwtAccessSecret ?? '',
    accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: read.int('REFRESH_TOKEN_TTL_DAYS', 14, 1, 365),
    corsOrigins: (read.string('CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    seedDemo: read.bool('SEED_DEMO', isEmbedded),
    loginMaxFailuresPerAccount: read.int('LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 1, 1000),
    loginMaxFailuresPerIp: read.int('LOGIN_MAX_FAILURES_PER_IP', 100, 1, 100_000),
    loginWindowSeconds: read.int('LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
    // Embedded mode serves the built web app from the workspace by default: one URL for everything.
    webRoot: webRoot !== null ? resolve(webRoot) : isEmbedded ? resolve('dist/apps/web/browser') : null,
    migrateOnStart: read.bool('MIGRATE_ON_START', isEmbedded),
    outboxPollMs: read.int('OUTBOX_POLL_MS', 1000, 10, 60_000),
    outboxLeaseSeconds: read.int('OUTBOX_LEASE_SECONDS', 60, 1, 3600),
    trustProxy: read.int('TRUST_PROXY', 0, 0, 10),
    publicUrl: (read.url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(
      /\/+$/,
      '',
    ),
    jobLockMs: read.int('JOB_LOCK_MS', 30_000, 1000, 600_000),
    checkInCodeStepSeconds: read.int('CHECKIN_CODE_STEP_SECONDS', 30, 10, 300),
    checkInCodeToleranceSteps: read.int('CHECKIN_CODE_TOLERANCE_STEPS', 1, 0, 3),
    presenceFlushMs: read.int('PRESENCE_FLUSH_MS', 15_000, 200, 300_000),
    attemptGraceSeconds: read.int('ATTEMPT_GRACE_SECONDS', 10, 0, 120),
    attemptSweepMs: read.int('ATTEMPT_SWEEP_MS', 30_000, 200, 600_000),
    workerNice: read.int('WORKER_NICE', 10, 0, 19),
    smtpUrl,
    mailFrom: read.mailAddress('MAIL_FROM', 'ThucHoc <no-reply@thuchoc.local>'),
  };
  for (const origin of config.corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin))
      read.problems.push(`CORS_ORIGINS has an invalid origin "${origin}"`);
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
