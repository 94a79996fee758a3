// Container healthcheck for the worker, which has no HTTP port.
//
// A process-alive check would prove nothing here: the worker runs as the
// container's main process, so if it died the container would already be
// gone. What can go wrong while it stays up is losing Redis, or never
// registering its queue consumers. So this asks Redis for its clients
// (CLIENT LIST) and passes only if at least one BullMQ worker connection
// (named "<REDIS_PREFIX>:<base64 queue name>", optionally ":w:<name>") comes
// from one of this container's own addresses. Every replica checks itself.
//
// Assumes Redis sees the container's own address (no NAT between them, as on
// a compose network) and that CLIENT LIST is allowed for the Redis user.
'use strict';

const { networkInterfaces } = require('node:os');
const { Redis } = require('ioredis');

const fail = (message) => {
  console.error(message);
  process.exit(1);
};

setTimeout(() => fail('timed out'), 8000).unref();

const url = process.env.REDIS_URL;
if (!url) fail('REDIS_URL is not set');
const prefix = (process.env.REDIS_PREFIX || '').trim() || 'thuchoc';
const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const workerName = new RegExp(`^${escaped}:[A-Za-z0-9+/]+=*(?::w:.*)?$`);

const normalise = (ip) =>
  ip
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:/i, '')
    .toLowerCase();
const own = new Set(
  Object.values(networkInterfaces())
    .flat()
    .map((nic) => normalise(nic.address)),
);

function field(line, name) {
  const match = new RegExp(`(?:^| )${name}=(\\S*)`).exec(line);
  return match ? match[1] : '';
}

async function main() {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError = null;
  redis.on('error', (error) => {
    lastError = error;
  });
  try {
    await redis.connect().catch((error) => {
      throw lastError || error;
    });
    const clients = String(await redis.client('LIST'))
      .split('\n')
      .filter((line) => workerName.test(field(line, 'name')))
      .filter((line) => {
        const addr = field(line, 'addr');
        return own.has(normalise(addr.slice(0, addr.lastIndexOf(':'))));
      });
    if (clients.length === 0) fail(`no BullMQ worker connection from this container (prefix "${prefix}")`);
    console.log(`ok: ${clients.length} BullMQ worker connection(s)`);
  } finally {
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error) => fail(`redis: ${error.message}`),
);
