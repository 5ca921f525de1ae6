import type { FormInstance } from 'antd';
import { ERROR_CODES, type ValidationFieldError } from '@hotline/contracts';
import type { MessageKey, Translate } from '../i18n/i18n';
import { ApiError, NetworkError } from './api-client';
import { splitDuration } from './format';
import { translateRules, validationFields } from './validation';

export { serverText, translateRule, translateRules, validationFields } from './validation';

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
      return err.retryAfterSeconds
        ? t('error.tooManyWait', { wait: formatWait(t, err.retryAfterSeconds) })
        : t('error.tooMany');
    }
    const fixed = FIXED[err.code];
    if (fixed) return t(fixed);
    const rules = validationFields(err);
    if (rules.length) return t('error.validation', { message: describeRules(t, rules) });
    const prefixed = PREFIXED[err.code];
    if (prefixed) return t(prefixed, { message: err.message });
    if (err.status >= 500) return t('error.internal');
    return err.message;
  }
  return t('error.unexpected');
}

/** The rules of a 400 in one sentence: only the texts when they concern one field, else `field: text` for each. */
function describeRules(t: Translate, rules: readonly ValidationFieldError[]): string {
  const byField = groupRules(rules);
  if (byField.size === 1) return translateRules(t, [...byField.values()][0]).join('; ');
  return [...byField]
    .map(([field, list]) => t('catalog.validation.fieldSays', { field, message: translateRules(t, list).join('; ') }))
    .join('; ');
}

function groupRules(rules: readonly ValidationFieldError[]): Map<string, ValidationFieldError[]> {
  const byField = new Map<string, ValidationFieldError[]>();
  for (const r of rules) byField.set(r.field, [...(byField.get(r.field) ?? []), r]);
  return byField;
}

/**
 * The field a 400/409 is about, when a service says so (`details.field`). Forms read it to show their own text for a
 * known domain refusal (ChangePasswordForm), so a DTO rule on the same field (`details.fields` only) is not reported here.
 */
export function errorField(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  const field = (err.body.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? field : null;
}

/** The texts a 400 says about one field (its path as the api names it), in the UI language; [] when none. */
export function describeFieldError(t: Translate, err: unknown, field: string): string[] {
  return translateRules(
    t,
    validationFields(err).filter((f) => f.field === field || f.field.startsWith(`${field}.`)),
  );
}

/**
 * Which form fields a refused save is about, each with its texts. A 400 names its rules in `details.fields` and they
 * are translated (with `t`); an older answer starts each message with the property (`priceVnd must not be negative`,
 * `endsOn: the window ends before...`, `periods.0.start must be HH:mm`), several in `details.errors`, shown as sent.
 * An api path goes to the longest form field it starts with (`pickup.communeCode`, else `pickup`). A 409 rarely names
 * its field: `conflictField` says which. Messages about no known field are returned apart, for a banner.
 */
export interface FieldErrors {
  byField: Map<string, string[]>;
  other: string[];
}

export interface FieldErrorOptions {
  /** Where a 409 (duplicate) is shown. */
  conflictField?: string;
  /** An api property shown by another form field (startsOn and endsOn → one date range field). */
  aliases?: Readonly<Record<string, string>>;
  /** Translates `details.fields`; without it the server's texts are kept. */
  t?: Translate;
}

const LEADING_PROPERTY = /^([A-Za-z][A-Za-z0-9]*)(?:\.[A-Za-z0-9.]+)?(?=[\s:.])/;

/** The form field an api path belongs to: the path itself, else its longest known prefix. */
function formField(path: string, known: readonly string[]): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (known.includes(candidate)) return candidate;
  }
  return null;
}

export function formFieldErrors(err: unknown, fields: readonly string[], options: FieldErrorOptions = {}): FieldErrors {
  const out: FieldErrors = { byField: new Map(), other: [] };
  if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 409)) return out;
  const aliases = options.aliases ?? {};
  const known = [...fields, ...Object.keys(aliases)];
  const add = (field: string, texts: string[]) => {
    const name = aliases[field] ?? field;
    out.byField.set(name, [...new Set([...(out.byField.get(name) ?? []), ...texts])]);
  };
  if (err.status === 409) {
    const field = errorField(err) ?? options.conflictField;
    const target = field ? formField(field, known) : null;
    if (target) add(target, [err.message]);
    else out.other.push(err.message);
    return out;
  }
  const rules = validationFields(err);
  if (rules.length) {
    const byTarget = new Map<string | null, ValidationFieldError[]>();
    for (const rule of rules) {
      const target = formField(rule.field, known);
      byTarget.set(target, [...(byTarget.get(target) ?? []), rule]);
    }
    for (const [target, list] of byTarget) {
      const texts = options.t
        ? [...groupRules(list).values()].flatMap((same) => translateRules(options.t!, same))
        : list.map((r) => r.message);
      if (target) add(target, texts);
      else if (options.t) out.other.push(describeRules(options.t, list));
      else out.other.push(...texts);
    }
    return out;
  }
  const details = err.body.details as { errors?: unknown } | undefined;
  const messages = Array.isArray(details?.errors) ? details.errors.map(String) : [err.message];
  const named = errorField(err);
  for (const message of messages) {
    const property = LEADING_PROPERTY.exec(message)?.[1];
    if (property && known.includes(property)) add(property, [withoutProperty(message, property)]);
    else if (named && known.includes(named) && messages.length === 1) add(named, [message]);
    else out.other.push(message);
  }
  return out;
}

/** The readable part of a message: without the leading property name and its colon, first letter kept as sent. */
function withoutProperty(message: string, property: string): string {
  const rest = message.slice(property.length).replace(/^(\.[A-Za-z0-9.]+)?:?\s*/, '');
  return rest || message;
}

/** A form path as Ant Design names it: `periods.0.start` → ['periods', 0, 'start']. */
function namePath(field: string): string | Array<string | number> {
  return field.includes('.') ? field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : field;
}

/** The form's field names (dotted for nested ones), or those with where a 409 goes and which api property shows where. */
export type FormErrorFields = readonly string[] | ({ fields: readonly string[] } & Omit<FieldErrorOptions, 't'>);

/**
 * The one call a form's catch block needs: puts each translated text under its field of `form` and returns what is
 * left for a banner (null when every text found its field). `fields`: the form's field names (dotted for nested ones),
 * or `{ fields, conflictField, aliases }`.
 */
export function showFormErrors(t: Translate, form: FormInstance, err: unknown, fields: FormErrorFields): string | null {
  const { fields: names, ...options } = isFieldList(fields) ? { fields } : fields;
  const { byField, other } = formFieldErrors(err, names, { ...options, t });
  if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name: namePath(name) as never, errors })));
  if (other.length)
    return err instanceof ApiError && err.status === 400
      ? t('error.validation', { message: other.join('; ') })
      : describeError(t, err);
  return byField.size ? null : describeError(t, err);
}

function isFieldList(fields: FormErrorFields): fields is readonly string[] {
  return Array.isArray(fields);
}
