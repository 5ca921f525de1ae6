import { z } from 'zod';
import { env } from '@hotline/core';

/** Settings of the calls context: its fragment of the one configuration schema (composed in apps/composition). */
export interface CallsConfig {
  /** An unanswered inbound call whose caller waited at least this long is `abandoned`; shorter ones are `missed`. */
  abandonAfterSeconds: number;
  /** After a hangup the operator stays in `wrap_up` this long, then becomes `available`. 0 = straight to available. */
  wrapUpSeconds: number;
  /** When the last socket of an operator goes away, they become `offline` after this grace period. */
  presenceGraceSeconds: number;
  /** How many previous calls the screen-pop shows. */
  screenPopLastCalls: number;
}

declare module '@hotline/core' {
  interface AppConfig {
    calls: CallsConfig;
  }
}

export const CALLS_CONFIG = Symbol('CALLS_CONFIG');

export const CALLS_CONFIG_SCHEMA = z
  .object({
    CALLS_ABANDON_AFTER_SECONDS: env.int(20, 0, 3600),
    CALLS_WRAP_UP_SECONDS: env.int(30, 0, 3600),
    CALLS_PRESENCE_GRACE_SECONDS: env.int(60, 0, 86400),
    CALLS_SCREEN_POP_LAST_CALLS: env.int(5, 1, 50),
  })
  .transform((e): CallsConfig => ({
    abandonAfterSeconds: e.CALLS_ABANDON_AFTER_SECONDS,
    wrapUpSeconds: e.CALLS_WRAP_UP_SECONDS,
    presenceGraceSeconds: e.CALLS_PRESENCE_GRACE_SECONDS,
    screenPopLastCalls: e.CALLS_SCREEN_POP_LAST_CALLS,
  }));
