/** Environment variables of the feedback context, read once and validated (the lead may later move them into AppConfig). */
export interface FeedbackConfig {
  /** Public ticket lookups allowed per client IP (and per ticket code) per window. */
  lookupLimit: number;
  lookupWindowSeconds: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  return n;
}

export function loadFeedbackConfig(env: NodeJS.ProcessEnv = process.env): FeedbackConfig {
  const problems: string[] = [];
  const config = {
    lookupLimit: int(env, 'FEEDBACK_LOOKUP_LIMIT', 20, 1, 100_000, problems),
    lookupWindowSeconds: int(env, 'FEEDBACK_LOOKUP_WINDOW_SECONDS', 60, 1, 86_400, problems),
  };
  if (problems.length) throw new Error(`Invalid feedback configuration: ${problems.join('; ')}`);
  return config;
}
