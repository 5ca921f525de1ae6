import { z } from 'zod';

/**
 * Zod schemas of one environment variable each, with the project's messages ("must be an integer between 1 and 65535
 * (got "x")"): the loader puts the variable's name in front. An empty value means "not set" (the fallback applies).
 */
const unset = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === '';

function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

export const env = {
  /** A string; without a fallback the variable is required. */
  string: (fallback?: string) =>
    z
      .string()
      .optional()
      .transform((raw, ctx) => (unset(raw) ? (fallback ?? refuse(ctx, 'is required')) : raw)),

  optionalString: () =>
    z
      .string()
      .optional()
      .transform((raw) => (unset(raw) ? undefined : raw)),

  int: (fallback: number, min: number, max: number) =>
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (unset(raw)) return fallback;
        const n = Number(raw);
        if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
          return refuse(ctx, `must be an integer between ${min} and ${max} (got "${raw}")`);
        return n;
      }),

  /** A decimal number ≥ min; `fallback` null: unset means null (an optional override). */
  number: <F extends number | null>(fallback: F, min: number) =>
    z
      .string()
      .optional()
      .transform((raw, ctx): number | F => {
        if (unset(raw)) return fallback;
        const n = Number(raw);
        if (!Number.isFinite(n) || n < min) return refuse(ctx, `must be a number ≥ ${min} (got "${raw}")`);
        return n;
      }),

  bool: (fallback: boolean) =>
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (unset(raw)) return fallback;
        const v = raw.trim().toLowerCase();
        if (['true', '1', 'yes', 'on'].includes(v)) return true;
        if (['false', '0', 'no', 'off'].includes(v)) return false;
        return refuse(ctx, `must be true or false (got "${raw}")`);
      }),

  oneOf: <T extends string>(allowed: readonly T[], fallback: T) =>
    z
      .string()
      .optional()
      .transform((raw, ctx): T => {
        if (unset(raw)) return fallback;
        if (!allowed.includes(raw as T)) return refuse(ctx, `must be one of ${allowed.join(', ')} (got "${raw}")`);
        return raw as T;
      }),

  list: (fallback: string[]) =>
    z
      .string()
      .optional()
      .transform((raw) =>
        unset(raw)
          ? fallback
          : raw
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
      ),

  url: (fallback: string) =>
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        const v = unset(raw) ? fallback : raw;
        if (!URL.canParse(v)) return refuse(ctx, `must be an absolute URL (got "${v}")`);
        return v.replace(/\/+$/, '');
      }),
};

export type Env = Record<string, string | undefined>;

/** A context's settings: a schema over the environment's variables and the typed object it becomes. */
export type ConfigFragment<T> = z.ZodType<T, Env>;

/** One problem per variable: `NAME message`, in the order of the schema. */
export function envProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')} ${issue.message}` : issue.message));
}
