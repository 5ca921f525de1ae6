import { z } from 'zod';
import { env } from '@hotline/core';

/**
 * The dispatch context's settings: its fragment of the one configuration schema (composed in apps/composition).
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

declare module '@hotline/core' {
  interface AppConfig {
    dispatch: DispatchConfig;
  }
}

export const DISPATCH_CONFIG = Symbol('DISPATCH_CONFIG');

export const DISPATCH_CONFIG_SCHEMA = z
  .object({
    DISPATCH_ACCEPT_TIMEOUT_MINUTES: env.number(15, 0.01),
    DISPATCH_ACCEPT_TIMEOUT_SECONDS: env.number(null, 0.1),
    DISPATCH_PUBLIC_LOOKUP_LIMIT: env.number(20, 1),
    DISPATCH_PUBLIC_LOOKUP_WINDOW_SECONDS: env.number(60, 1),
  })
  .transform((e): DispatchConfig => ({
    acceptTimeoutMinutes: e.DISPATCH_ACCEPT_TIMEOUT_MINUTES,
    acceptTimeoutSeconds: e.DISPATCH_ACCEPT_TIMEOUT_SECONDS,
    publicLookupLimit: e.DISPATCH_PUBLIC_LOOKUP_LIMIT,
    publicLookupWindowSeconds: e.DISPATCH_PUBLIC_LOOKUP_WINDOW_SECONDS,
  }));
