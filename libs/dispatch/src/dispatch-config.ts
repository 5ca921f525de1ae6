/**
 * The dispatch context's settings, read once from the environment (libs/core's AppConfig does not know them yet).
 * Invalid values fail at boot with the variable's name.
 *
 * - DISPATCH_ACCEPT_TIMEOUT_MINUTES: working minutes an office has to accept an offer (default 15, WorkingCalendar).
 * - DISPATCH_ACCEPT_TIMEOUT_SECONDS: test/demo override in wall-clock seconds; when set it replaces the working minutes.
 * - DISPATCH_PUBLIC_LOOKUP_LIMIT / DISPATCH_PUBLIC_LOOKUP_WINDOW_SECONDS: public lookup fixed window per IP (default 20 / 60 s).
 */
export interface DispatchConfig {
  acceptTimeoutMinutes: number;
  acceptTimeoutSeconds: number | null;
  publicLookupLimit: number;
  publicLookupWindowSeconds: number;
}

export const DISPATCH_CONFIG = Symbol('DISPATCH_CONFIG');

function num(env: NodeJS.ProcessEnv, name: string, fallback: number | null, min: number): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min) throw new Error(`${name} must be a number ≥ ${min} (got "${raw}")`);
  return v;
}

export function loadDispatchConfig(env: NodeJS.ProcessEnv = process.env): DispatchConfig {
  return {
    acceptTimeoutMinutes: num(env, 'DISPATCH_ACCEPT_TIMEOUT_MINUTES', 15, 0.01)!,
    acceptTimeoutSeconds: num(env, 'DISPATCH_ACCEPT_TIMEOUT_SECONDS', null, 0.1),
    publicLookupLimit: num(env, 'DISPATCH_PUBLIC_LOOKUP_LIMIT', 20, 1)!,
    publicLookupWindowSeconds: num(env, 'DISPATCH_PUBLIC_LOOKUP_WINDOW_SECONDS', 60, 1)!,
  };
}
