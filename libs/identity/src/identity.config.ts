import { z } from 'zod';
import { env } from '@hotline/core';

/**
 * The identity context's settings: its fragment of the one configuration schema (composed in apps/composition). The JWT
 * and login settings are core's (`config.auth`: the auth guard lives there).
 *
 * - AUTH_SESSION_CACHE_MS: how long an api process keeps a session's principal (user, role, office, revoked/disabled) in
 *   memory before reading it again — a backstop only: revocations reach every process at once through the invalidation
 *   bus. 0 turns the cache off (one query per authenticated request).
 * - AUTH_SESSION_CACHE_MAX: at most this many sessions per process; the least recently used goes first.
 */
export interface IdentityConfig {
  sessionCacheMs: number;
  sessionCacheMax: number;
}

declare module '@hotline/core' {
  interface AppConfig {
    identity: IdentityConfig;
  }
}

export const IDENTITY_CONFIG_SCHEMA = z
  .object({
    AUTH_SESSION_CACHE_MS: env.int(30_000, 0, 600_000),
    AUTH_SESSION_CACHE_MAX: env.int(20_000, 1, 1_000_000),
  })
  .transform((e): IdentityConfig => ({
    sessionCacheMs: e.AUTH_SESSION_CACHE_MS,
    sessionCacheMax: e.AUTH_SESSION_CACHE_MAX,
  }));
