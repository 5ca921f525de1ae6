import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig, REDIS, TooManyRequestsError } from '@hotline/core';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../feedback-config';

/**
 * A fixed-window counter in Redis for the citizens' public lookup (no login). Counted per client IP and per ticket code, so neither
 * one address nor many addresses can enumerate phone numbers of one ticket. When Redis is down the lookup is allowed (logged): the
 * limiter protects, it must not take the citizens' lookup down with it.
 */
@Injectable()
export class LookupRateLimiter {
  private readonly logger = new Logger(LookupRateLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  async hit(keys: string[], nowMs = Date.now()): Promise<void> {
    const windowMs = this.config.lookupWindowSeconds * 1000;
    const window = Math.floor(nowMs / windowMs);
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * windowMs - nowMs) / 1000));
    let counts: number[];
    try {
      const multi = this.redis.multi();
      for (const k of keys) multi.incr(this.key(k, window)).pexpire(this.key(k, window), windowMs + 1000);
      const res = (await multi.exec()) ?? [];
      counts = res.filter((_, i) => i % 2 === 0).map(([, v]) => Number(v));
    } catch (err) {
      this.logger.warn(`Lookup rate limiter unavailable, request allowed: ${(err as Error).message}`);
      return;
    }
    if (counts.some((c) => c > this.config.lookupLimit)) {
      throw new TooManyRequestsError(`Too many lookups: try again in ${retryAfter} s`, retryAfter);
    }
  }

  private key(k: string, window: number): string {
    return `${this.app.redis.prefix}feedback:lookup:${k}:${window}`;
  }
}
