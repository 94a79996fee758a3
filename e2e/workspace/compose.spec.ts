/**
 * Static checks of the production container set-up (docker/): the compose
 * file, the Dockerfiles it builds, the nginx config and the build context.
 * No Docker engine is needed: these read the files as Docker would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(__dirname, '../..');
const dockerDir = join(root, 'docker');
const composePath = join(dockerDir, 'compose.yml');

interface DependsOn {
  condition?: string;
}

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, DependsOn>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  privileged?: boolean;
  network_mode?: string;
  pid?: string;
  cap_add?: string[];
  volumes?: (string | { source?: string; target?: string })[];
  ports?: (string | number | { target?: number; published?: string | number })[];
  deploy?: { replicas?: number };
  user?: string;
}

interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** Compose supports YAML merge keys (`<<: *anchor`); so must the parser. */
const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as Compose;
const services = compose.services;

const ONE_SHOT = new Set(['migrate']);
const longRunning = Object.keys(services).filter((name) => !ONE_SHOT.has(name));

function words(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
}

function dependsOn(service: Service): Record<string, DependsOn> {
  const deps = service.depends_on ?? {};
  return Array.isArray(deps) ? Object.fromEntries(deps.map((name) => [name, {}])) : deps;
}

function env(service: Service): Record<string, string> {
  const raw = service.environment ?? {};
  if (Array.isArray(raw)) {
    return Object.fromEntries(raw.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, String(value ?? '')]));
}

/** The Dockerfile a service builds, as a path on disk, or null for a pulled image. */
function dockerfileOf(service: Service): string | null {
  if (!service.build) return null;
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  const context = resolve(dockerDir, build.context ?? '.');
  return resolve(context, build.dockerfile ?? 'Dockerfile');
}

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  from: string;
  name: string | null;
  instructions: Instruction[];
}

/** Splits a Dockerfile into build stages of instructions (comments dropped, continuations joined). */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && current === '')) continue;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    current += line;
    if (current.trim()) logical.push(current.trim());
    current = '';
  }
  if (current.trim()) logical.push(current.trim());

  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    const args = match[2];
    if (keyword === 'FROM') {
      const parts = args.split(/\s+/).filter((part) => !part.startsWith('--'));
      const asIndex = parts.findIndex((part) => part.toUpperCase() === 'AS');
      stages.push({ from: parts[0], name: asIndex >= 0 ? parts[asIndex + 1] : null, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword, args });
    }
  }
  return stages;
}

function isRootUser(user: string): boolean {
  const name = user.split(':')[0].trim();
  return name === '' || name === 'root' || name === '0' || name.includes('$');
}

const builtServices = Object.entries(services).filter(([, service]) => service.build);
const dockerfiles = [...new Set(builtServices.map(([, service]) => dockerfileOf(service) as string))];

describe('docker/compose.yml', () => {
  it('defines the production services', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'migrate', 'api', 'worker', 'web']),
    );
  });

  it.each(longRunning)('gives long-running service %s a healthcheck', (name) => {
    const healthcheck = services[name].healthcheck;
    expect(healthcheck).toBeDefined();
    expect(healthcheck?.disable).not.toBe(true);
    expect(words(healthcheck?.test)).not.toMatch(/^(NONE)?$/);
  });

  it('restarts long-running services, and not the one-shot migration', () => {
    for (const name of longRunning)
      expect(services[name].restart).toMatch(/^(always|unless-stopped|on-failure)/);
    expect(services['migrate'].restart).toBe('no');
  });

  it('runs Redis with an append-only file and without eviction (BullMQ)', () => {
    const command = words(services['redis'].command);
    expect(command).toMatch(/--appendonly\s+yes\b/);
    expect(command).toMatch(/--maxmemory-policy\s+noeviction\b/);
    expect(words(services['redis'].healthcheck?.test)).toContain('redis-cli ping');
  });

  it('checks PostgreSQL with pg_isready and keeps both stores on volumes', () => {
    expect(words(services['postgres'].healthcheck?.test)).toContain('pg_isready');
    for (const name of ['postgres', 'redis']) {
      const volumes = services[name].volumes ?? [];
      const named = volumes.map((volume) =>
        typeof volume === 'string' ? volume.split(':')[0] : volume.source,
      );
      expect(named.some((source) => source !== undefined && source in (compose.volumes ?? {}))).toBe(true);
    }
  });

  it('migrates once, from the api image, after PostgreSQL is healthy', () => {
    const migrate = services['migrate'];
    expect(words(migrate.command)).toBe('migrate');
    expect(migrate.image).toBe(services['api'].image);
    expect(dependsOn(migrate)['postgres']?.condition).toBe('service_healthy');
  });

  it.each(['api', 'worker'])('starts %s only after the migration completed and Redis is healthy', (name) => {
    const deps = dependsOn(services[name]);
    expect(deps['migrate']?.condition).toBe('service_completed_successfully');
    expect(deps['redis']?.condition).toBe('service_healthy');
    expect(env(services[name])['MIGRATE_ON_START']).toBe('false');
  });

  it.each(['api', 'worker'])('scales %s out (replicas, no fixed host port or container name)', (name) => {
    const service = services[name] as Service & { container_name?: string };
    expect(service.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(service.ports ?? []).toHaveLength(0);
    expect(service.container_name).toBeUndefined();
  });

  it('checks api readiness (database and Redis), not just liveness', () => {
    expect(words(services['api'].healthcheck?.test)).toContain('/api/health/ready');
  });

  it('starts web after a healthy api and publishes it', () => {
    expect(dependsOn(services['web'])['api']?.condition).toBe('service_healthy');
    expect((services['web'].ports ?? []).map(String).join(' ')).toMatch(/:8080\b/);
  });

  it('takes secrets from the environment and refuses to start without them', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const vars = env(services[name]);
      expect(vars['NODE_ENV']).toBe('production');
      expect(vars['JWT_ACCESS_SECRET']).toMatch(/^\$\{JWT_ACCESS_SECRET:\?[^}]+\}$/);
      expect(vars['DATABASE_URL']).toMatch(/\$\{POSTGRES_PASSWORD:\?[^}]+\}/);
      expect(vars['REDIS_URL']).toMatch(/^redis:\/\/redis:6379/);
    }
    expect(env(services['postgres'])['POSTGRES_PASSWORD']).toMatch(/^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/);
  });

  it('documents every variable it requires in docker/.env.example', () => {
    const example = readFileSync(join(dockerDir, '.env.example'), 'utf8');
    const required = new Set(
      [...readFileSync(composePath, 'utf8').matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]),
    );
    expect(required.size).toBeGreaterThan(0);
    for (const name of required) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it.each(Object.keys(services))('does not give %s elevated privileges', (name) => {
    const service = services[name];
    expect(service.privileged).not.toBe(true);
    expect(service.network_mode).not.toBe('host');
    expect(service.pid).not.toBe('host');
    expect(service.cap_add ?? []).toHaveLength(0);
    const mounts = (service.volumes ?? []).map((volume) =>
      typeof volume === 'string' ? volume : String(volume.source),
    );
    expect(mounts.join(' ')).not.toContain('docker.sock');
    if (service.user !== undefined) expect(isRootUser(service.user)).toBe(false);
  });

  it('builds api, worker and web from the repository root', () => {
    for (const name of ['api', 'worker', 'web']) {
      const build = services[name].build;
      expect(typeof build).toBe('object');
      expect(resolve(dockerDir, (build as { context?: string }).context ?? '.')).toBe(root);
    }
  });
});

describe.each(dockerfiles.map((path) => [relative(root, path), path]))('%s', (_name, dockerfile) => {
  it('exists', () => {
    expect(existsSync(dockerfile)).toBe(true);
  });

  const stages = existsSync(dockerfile) ? parseDockerfile(readFileSync(dockerfile, 'utf8')) : [];
  const final = stages[stages.length - 1];

  it('is a multi-stage build', () => {
    expect(stages.length).toBeGreaterThan(1);
  });

  it('runs its final stage as a non-root user', () => {
    const users = final.instructions.filter((instruction) => instruction.keyword === 'USER');
    expect(users.length).toBeGreaterThan(0);
    expect(isRootUser(users[users.length - 1].args)).toBe(false);
  });

  it('has a healthcheck in its final stage', () => {
    const healthchecks = final.instructions.filter((instruction) => instruction.keyword === 'HEALTHCHECK');
    expect(healthchecks.length).toBeGreaterThan(0);
    expect(healthchecks[healthchecks.length - 1].args).not.toMatch(/^NONE\b/i);
  });

  it('copies only built output into the final stage, never the whole context', () => {
    for (const instruction of final.instructions.filter(
      ({ keyword }) => keyword === 'COPY' || keyword === 'ADD',
    )) {
      if (/--from=/.test(instruction.args)) continue;
      const sources = instruction.args
        .split(/\s+/)
        .filter((part) => !part.startsWith('--'))
        .slice(0, -1);
      for (const source of sources) expect(source).not.toMatch(/^\.\/?$/);
    }
  });

  it('copies only files that exist in the build context', () => {
    for (const stage of stages) {
      for (const instruction of stage.instructions.filter(({ keyword }) => keyword === 'COPY')) {
        if (/--from=/.test(instruction.args)) continue;
        const sources = instruction.args
          .split(/\s+/)
          .filter((part) => !part.startsWith('--'))
          .slice(0, -1);
        for (const source of sources) expect(existsSync(join(root, source))).toBe(true);
      }
    }
  });
});

describe('docker/web/nginx.conf', () => {
  const conf = readFileSync(join(dockerDir, 'web', 'nginx.conf'), 'utf8');

  it('proxies /api/ to the api service', () => {
    expect(conf).toMatch(/server\s+api:3000\b/);
    expect(conf).toMatch(/location\s+\^~\s+\/api\/\s*\{[^}]*proxy_pass\s+http:\/\/thuchoc_api;/);
  });

  it('falls back to index.html for client-side routes', () => {
    expect(conf).toMatch(/try_files\s+\$uri\s+\$uri\/\s+\/index\.html;/);
  });

  it('caches hashed assets for long and revalidates index.html', () => {
    expect(conf).toMatch(/max-age=31536000, immutable/);
    expect(conf).toMatch(/default\s+"no-cache";/);
  });

  it('listens on an unprivileged port', () => {
    expect(conf).toMatch(/listen\s+8080;/);
  });
});

describe('.dockerignore', () => {
  const ignore = readFileSync(join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it.each(['node_modules', 'dist', 'data', '.nx', 'test-results', 'tmp', '.git', '.env'])(
    'keeps %s out of the build context',
    (entry) => {
      expect(ignore.some((line) => line === entry || line === `**/${entry}`)).toBe(true);
    },
  );
});
