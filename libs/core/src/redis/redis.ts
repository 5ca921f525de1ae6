import Redis, { RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/**
 * The one Redis connection config, shared by BullMQ, the socket.io adapter/emitter, the throttler and health.
 * Keys are namespaced by `config.redis.prefix`, so several environments (or test workers) can share one Redis.
 */
export function redisOptions(config: AppConfig, extra: RedisOptions = {}): RedisOptions {
  return {
    host: config.redis.host,
    port: config.redis.port,
    password: config.redis.password,
    db: config.redis.db,
    lazyConnect: false,
    // Reconnect forever with a capped backoff: Redis holds nothing that cannot be rebuilt, so waiting is always right.
    retryStrategy: (times) => Math.min(times * 200, 5000),
    ...extra,
  };
}

export function createRedis(config: AppConfig, name: string, extra: RedisOptions = {}): Redis {
  return new Redis({ connectionName: `hotline:${name}`, ...redisOptions(config, extra) });
}

export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    if (client.status === 'ready') await client.quit();
    else client.disconnect();
  } catch {
    client.disconnect();
  }
}
