/**
 * Settings of the calls context, read once from the environment and validated (libs/core's AppConfig is not ours
 * to edit; the lead may move these there later). A bad value throws at boot listing every problem.
 */
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

export const CALLS_CONFIG = Symbol('CALLS_CONFIG');

const SPEC: Record<keyof CallsConfig, { env: string; def: number; min: number; max: number }> = {
  abandonAfterSeconds: { env: 'CALLS_ABANDON_AFTER_SECONDS', def: 20, min: 0, max: 3600 },
  wrapUpSeconds: { env: 'CALLS_WRAP_UP_SECONDS', def: 30, min: 0, max: 3600 },
  presenceGraceSeconds: { env: 'CALLS_PRESENCE_GRACE_SECONDS', def: 60, min: 0, max: 86400 },
  screenPopLastCalls: { env: 'CALLS_SCREEN_POP_LAST_CALLS', def: 5, min: 1, max: 50 },
};

export function loadCallsConfig(env: Record<string, string | undefined> = process.env): CallsConfig {
  const problems: string[] = [];
  const out = {} as CallsConfig;
  for (const [key, s] of Object.entries(SPEC) as Array<[keyof CallsConfig, (typeof SPEC)[keyof CallsConfig]]>) {
    const raw = env[s.env];
    if (raw === undefined || raw.trim() === '') {
      out[key] = s.def;
      continue;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < s.min || n > s.max)
      problems.push(`${s.env} must be an integer between ${s.min} and ${s.max} (got "${raw}")`);
    else out[key] = n;
  }
  if (problems.length) throw new Error(`Invalid calls configuration:\n  - ${problems.join('\n  - ')}`);
  return out;
}
