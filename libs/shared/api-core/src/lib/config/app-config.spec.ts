import { ConfigError, loadConfig } from './app-config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const production = {
  DATABASE_URL: 'postgres://app@db:5432/thuchoc',
  REDIS_URL: 'redis://redis:6379',
  JWT_ACCESS_SECRET: 'x'.repeat(40),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe(loadConfig.name, () => {
  it('runs embedded with nothing set, seeding demo data and keeping a generated secret', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'thuchoc-config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first).toMatchObject({
      isEmbedded: true,
      databaseUrl: null,
      redisUrl: null,
      seedDemo: true,
      migrateOnStart: true,
      port: 3000,
    });
    expect(first.jwtAccessSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtAccessSecret).toBe(first.jwtAccessSecret);
  });

  it('runs in production mode with both URLs, demo data off by default', () => {
    expect(loadConfig(production)).toMatchObject({
      isEmbedded: false,
      seedDemo: false,
      migrateOnStart: false,
      webRoot: null,
    });
  });

  it('names every invalid variable at once', () => {
    const problems = problemsOf({
      ...production,
      PORT: 'eighty',
      JWT_ACCESS_SECRET: 'short',
      LOG_LEVEL: 'loud',
      SEED_DEMO: 'maybe',
    });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PORT'),
        expect.stringContaining('LOG_LEVEL'),
        expect.stringContaining('JWT_ACCESS_SECRET'),
        expect.stringContaining('SEED_DEMO'),
      ]),
    );
  });

  it('refuses a database without Redis, and a production secret left unset', () => {
    expect(
      problemsOf({ DATABASE_URL: production.DATABASE_URL, JWT_ACCESS_SECRET: production.JWT_ACCESS_SECRET }),
    ).toEqual([expect.stringContaining('DATABASE_URL and REDIS_URL must be set together')]);
    expect(problemsOf({ DATABASE_URL: production.DATABASE_URL, REDIS_URL: production.REDIS_URL })).toEqual([
      expect.stringContaining('JWT_ACCESS_SECRET is required'),
    ]);
  });

  it('refuses URLs of the wrong kind and malformed CORS origins', () => {
    expect(
      problemsOf({
        ...production,
        DATABASE_URL: 'mysql://db/x',
        CORS_ORIGINS: 'https://ok.vn, not an origin',
      }),
    ).toEqual([
      expect.stringContaining('DATABASE_URL must be a postgres: or postgresql:// URL'),
      expect.stringContaining('CORS_ORIGINS has an invalid origin "not an origin"'),
    ]);
  });

  it('sends no e-mail unless SMTP_URL is set, and signs as ThucHoc by default', () => {
    expect(loadConfig(production)).toMatchObject({
      smtpUrl: null,
      mailFrom: 'ThucHoc <no-reply@thuchoc.local>',
    });
  });

  it('reads an SMTP server with its credentials, and a sender with a Vietnamese name', () => {
    expect(
      loadConfig({
        ...production,
        SMTP_URL: 'smtp://user:pass@mail.example.vn:587',
        MAIL_FROM: 'Trường Chính trị tỉnh <daotao@truongchinhtri.example.vn>',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://user:pass@mail.example.vn:587',
      mailFrom: 'Trường Chính trị tỉnh <daotao@truongchinhtri.example.vn>',
    });
    expect(
      loadConfig({ ...production, SMTP_URL: 'smtps://mail.example.vn', MAIL_FROM: 'a@b.vn' }),
    ).toMatchObject({ smtpUrl: 'smtps://mail.example.vn', mailFrom: 'a@b.vn' });
  });

  it('refuses an SMTP URL of another kind or without a host, and a sender that is no address', () => {
    expect(problemsOf({ ...production, SMTP_URL: 'https://mail.example.vn' })).toEqual([
      expect.stringContaining('SMTP_URL must be a smtp: or smtps:// URL'),
    ]);
    expect(problemsOf({ ...production, SMTP_URL: 'smtp://' })).toEqual([
      expect.stringContaining('SMTP_URL must name a host'),
    ]);
    for (const sender of ['ThucHoc', 'ThucHoc <no-reply>', 'a@b.vn, c@d.vn'])
      expect(problemsOf({ ...production, MAIL_FROM: sender })).toEqual([
        expect.stringContaining('MAIL_FROM must be an address like'),
      ]);
  });
});
