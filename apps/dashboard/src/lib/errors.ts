import { ERROR_CODES } from '@hotline/contracts';
import type { MessageKey, Translate } from '../i18n/i18n';
import { ApiError, NetworkError } from './api-client';
import { splitDuration } from './format';

/** Error codes with a fixed Vietnamese/English text; the others show the server's message after a translated prefix. */
const FIXED: Partial<Record<string, MessageKey>> = {
  [ERROR_CODES.INVALID_CREDENTIALS]: 'error.invalidCredentials',
  [ERROR_CODES.USER_DISABLED]: 'error.userDisabled',
  [ERROR_CODES.FORBIDDEN]: 'error.forbidden',
  [ERROR_CODES.UNAUTHENTICATED]: 'error.unauthenticated',
  [ERROR_CODES.TOKEN_EXPIRED]: 'error.unauthenticated',
  [ERROR_CODES.INTERNAL]: 'error.internal',
};

const PREFIXED: Partial<Record<string, MessageKey>> = {
  [ERROR_CODES.VALIDATION_FAILED]: 'error.validation',
  [ERROR_CODES.CSV_INVALID]: 'error.validation',
  [ERROR_CODES.CONFLICT]: 'error.conflict',
  [ERROR_CODES.NOT_FOUND]: 'error.notFound',
};

export function formatWait(t: Translate, seconds: number): string {
  const { hours, minutes, seconds: s } = splitDuration(seconds);
  if (hours) return t('time.hoursMinutes', { h: hours, m: minutes });
  if (minutes) return t('time.minutesSeconds', { m: minutes, s: String(s).padStart(2, '0') });
  return t('time.seconds', { s });
}

/** One sentence for a user, in the UI language, for any error a screen can meet. */
export function describeError(t: Translate, err: unknown): string {
  if (err instanceof NetworkError) return t('error.network');
  if (err instanceof ApiError) {
    if (err.code === ERROR_CODES.TOO_MANY_REQUESTS) {
      return err.retryAfterSeconds ? t('error.tooManyWait', { wait: formatWait(t, err.retryAfterSeconds) }) : t('error.tooMany');
    }
    const fixed = FIXED[err.code];
    if (fixed) return t(fixed);
    const prefixed = PREFIXED[err.code];
    if (prefixed) return t(prefixed, { message: err.message });
    if (err.status >= 500) return t('error.internal');
    return err.message;
  }
  return t('error.unexpected');
}

/** The field a 400/409 is about, when the server says (`details.field`). */
export function errorField(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  const field = (err.body.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? field : null;
}
