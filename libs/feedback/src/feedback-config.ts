/** Environment variables of the feedback context, read once and validated (the lead may later move them into AppConfig). */
export interface FeedbackConfig {
  /** Public ticket lookups allowed per client IP (and per ticket code) per window. */
  lookupLimit: number;
  lookupWindowSeconds: number;
  mail: MailConfig;
}

export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; null: mail stays in the outbox as `disabled` until it is configured. */
  smtpUrl: string | null;
  /** The From header, e.g. `Tổng đài 0269.3888.222 <hotline@gialai.gov.vn>`. */
  from: string;
  /** Delivery attempts before a message is `failed` (then only a supervisor's retry sends it again). */
  maxAttempts: number;
  /** First retry delay; doubles on each attempt (capped at one hour). */
  retryBaseMs: number;
}

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  return n;
}

function smtpUrl(env: NodeJS.ProcessEnv, problems: string[]): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
      problems.push(`SMTP_URL must start with smtp:// or smtps:// (got "${u.protocol}")`);
    else if (!u.hostname) problems.push('SMTP_URL has no host');
  } catch {
    problems.push('SMTP_URL must be a URL like smtp://user:password@host:587');
  }
  return raw;
}

export function loadFeedbackConfig(env: NodeJS.ProcessEnv = process.env): FeedbackConfig {
  const problems: string[] = [];
  const from = env.MAIL_FROM?.trim() || 'Tổng đài 0269.3888.222 <no-reply@localhost>';
  if (!/<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(from))
    problems.push(`MAIL_FROM must be an address or "Name <address>" (got "${from}")`);
  const config = {
    lookupLimit: int(env, 'FEEDBACK_LOOKUP_LIMIT', 20, 1, 100_000, problems),
    lookupWindowSeconds: int(env, 'FEEDBACK_LOOKUP_WINDOW_SECONDS', 60, 1, 86_400, problems),
    mail: {
      smtpUrl: smtpUrl(env, problems),
      from,
      maxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 100, problems),
      retryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', 30_000, 10, 3_600_000, problems),
    },
  };
  if (problems.length) throw new Error(`Invalid feedback configuration: ${problems.join('; ')}`);
  return config;
}
