import { Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');

/**
 * A command connection that fails fast while Redis is down (no offline queue),
 * so callers answer 503 or retry later instead of hanging.
 */
export function createCommandConnection(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: false,
  });
}

/** A blocking connection for BullMQ workers: retries for ever, as BullMQ requires. */
export function createWorkerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
