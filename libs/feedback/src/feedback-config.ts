import { z } from 'zod';
import { env } from '@hotline/core';

/** The feedback context's settings: its fragment of the one configuration schema (composed in apps/composition). */
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

declare module '@hotline/core' {
  interface AppConfig {
    feedback: FeedbackConfig;
  }
}

export const FEEDBACK_CONFIG = Symbol('FEEDBACK_CONFIG');

const smtpUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = raw?.trim();
    if (!v) return null;
    if (!URL.canParse(v)) ctx.addIssue({ code: 'custom', message: 'must be a URL like smtp://user:password@host:587' });
    else {
      const u = new URL(v);
      if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
        ctx.addIssue({ code: 'custom', message: `must start with smtp:// or smtps:// (got "${u.protocol}")` });
      else if (!u.hostname) ctx.addIssue({ code: 'custom', message: 'has no host' });
    }
    return v;
  });

const mailFrom = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const from = raw?.trim() || 'Tổng đài 0269.3888.222 <no-reply@localhost>';
    if (!/<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/.test(from))
      ctx.addIssue({ code: 'custom', message: `must be an address or "Name <address>" (got "${from}")` });
    return from;
  });

export const FEEDBACK_CONFIG_SCHEMA = z
  .object({
    FEEDBACK_LOOKUP_LIMIT: env.int(20, 1, 100_000),
    FEEDBACK_LOOKUP_WINDOW_SECONDS: env.int(60, 1, 86_400),
    SMTP_URL: smtpUrl,
    MAIL_FROM: mailFrom,
    MAIL_MAX_ATTEMPTS: env.int(8, 1, 100),
    MAIL_RETRY_BASE_MS: env.int(30_000, 10, 3_600_000),
  })
  .transform((e): FeedbackConfig => ({
    lookupLimit: e.FEEDBACK_LOOKUP_LIMIT,
    lookupWindowSeconds: e.FEEDBACK_LOOKUP_WINDOW_SECONDS,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
    },
  }));
