import type { ValidationFieldError, ValidationFieldParams } from '@hotline/contracts';
import type { MessageKey, Params, Translate } from '../i18n/i18n';
import { ApiError } from './api-client';

/**
 * A refused save said in the UI language. The api names each failed rule of a 400 in `details.fields`
 * (`{ field: 'pickup.communeCode', constraint: 'matches', params: { pattern } }`); this file turns a rule into
 * "Bắt buộc nhập", "Phải là số nguyên ≥ 1"... and a rule it does not know into the server's own message.
 */

type Rule = Pick<ValidationFieldError, 'constraint' | 'message'> & { field?: string; params?: ValidationFieldParams };
type Say = (p: ValidationFieldParams, rule: Rule, t: Translate) => [MessageKey, Params?] | string | null;

const has = (n: number | undefined): n is number => typeof n === 'number';

function length(p: ValidationFieldParams): [MessageKey, Params] | null {
  if (has(p.min) && has(p.max))
    return p.min === p.max
      ? ['catalog.validation.lengthExact', { min: p.min }]
      : p.min <= 1
        ? ['catalog.validation.lengthMax', { max: p.max }]
        : ['catalog.validation.lengthRange', { min: p.min, max: p.max }];
  if (has(p.min)) return ['catalog.validation.lengthMin', { min: p.min }];
  if (has(p.max)) return ['catalog.validation.lengthMax', { max: p.max }];
  return null;
}

const list = (values: ValidationFieldParams['values']) => (values ?? []).join(', ');

/** class-validator's rule names (and the api's domain rules) → a sentence. null: not said here, use the server's. */
const RULES: Record<string, Say> = {
  isNotEmpty: () => ['catalog.validation.required'],
  isDefined: () => ['catalog.validation.required'],
  arrayNotEmpty: () => ['catalog.validation.arrayNotEmpty'],
  isInt: () => ['catalog.validation.int'],
  isIntRange: (p) =>
    has(p.min) && has(p.max) ? ['catalog.validation.intRange', { min: p.min, max: p.max }] : ['catalog.validation.int'],
  isNumber: () => ['catalog.validation.number'],
  isNumberString: () => ['catalog.validation.number'],
  min: (p) => (has(p.min) ? ['catalog.validation.min', { min: p.min }] : null),
  max: (p) => (has(p.max) ? ['catalog.validation.max', { max: p.max }] : null),
  isLength: length,
  minLength: length,
  maxLength: length,
  arrayMinSize: (p) => (has(p.min) ? ['catalog.validation.arrayMin', { min: p.min }] : null),
  arrayMaxSize: (p) => (has(p.max) ? ['catalog.validation.arrayMax', { max: p.max }] : null),
  isIn: (p) => (p.values?.length ? ['catalog.validation.oneOf', { values: list(p.values) }] : null),
  isEnum: (p) => (p.values?.length ? ['catalog.validation.oneOf', { values: list(p.values) }] : null),
  isNotIn: (p) => (p.values?.length ? ['catalog.validation.notOneOf', { values: list(p.values) }] : null),
  matches: (p, rule, t) => formatRule(t, p.pattern, rule.field),
  isPhone: () => ['catalog.validation.phone'],
  isPhoneNumber: () => ['catalog.validation.phone'],
  isMobilePhone: () => ['catalog.validation.phone'],
  isEmail: () => ['catalog.validation.email'],
  isDate: () => ['catalog.validation.date'],
  isIso8601: () => ['catalog.validation.dateTime'],
  isDateString: () => ['catalog.validation.dateTime'],
  isUuid: () => ['catalog.validation.uuid'],
  isBoolean: () => ['catalog.validation.boolean'],
  isString: () => ['catalog.validation.string'],
  isArray: () => ['catalog.validation.array'],
  isObject: () => ['catalog.validation.object'],
  nestedValidation: () => ['catalog.validation.object'],
  isLatitude: () => ['catalog.validation.latitude'],
  isLongitude: () => ['catalog.validation.longitude'],
  inProvince: () => ['catalog.validation.inProvince'],
  whitelistValidation: (_p, rule) => ['catalog.validation.notAllowed', { field: rule.field ?? '' }],
  exists: (p) =>
    p.value !== undefined && p.value !== ''
      ? ['catalog.validation.existsValue', { value: p.value }]
      : ['catalog.validation.exists'],
  dateOrder: () => ['catalog.validation.dateOrder'],
  notInFuture: () => ['catalog.validation.notInFuture'],
  notInPast: () => ['catalog.validation.notInPast'],
};

/** Well-known shapes of a `matches` rule, by the pattern's source. */
const PATTERNS: Array<[RegExp, MessageKey]> = [
  [/^\^\(?\\d\{4\}\)?-/, 'catalog.validation.date'],
  [/^\^\(\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d/, 'catalog.validation.time'],
  [/@/, 'catalog.validation.email'],
];

const CHAR_NAMES: Array<[string, MessageKey]> = [
  ['a-z', 'catalog.validation.chars.lower'],
  ['A-Z', 'catalog.validation.chars.upper'],
  ['0-9', 'catalog.validation.chars.digit'],
  ['\\d', 'catalog.validation.chars.digit'],
  ['_', 'catalog.validation.chars.underscore'],
  ['-', 'catalog.validation.chars.dash'],
  ['.', 'catalog.validation.chars.dot'],
];

/** `^[a-z0-9_-]{2,40}$` → "Gồm 2–40 ký tự: chữ thường không dấu, chữ số, gạch dưới, gạch ngang"; `^\d{5}$` → 5 chữ số. */
function formatRule(t: Translate, pattern: string | undefined, field: string | undefined): [MessageKey, Params?] {
  if (pattern) {
    const known = PATTERNS.find(([re]) => re.test(pattern));
    if (known) return [known[1]];
    const digits = /^\^\\d\{(\d+)\}\$$/.exec(pattern);
    if (digits)
      return /communeCode$/.test(field ?? '')
        ? ['catalog.validation.communeCode']
        : ['catalog.validation.formatDigits', { count: digits[1] }];
    const chars = /^\^\[([^\]^]+)\]\{(\d+)(?:,(\d+))?\}\$$/.exec(pattern);
    if (chars) {
      let rest = chars[1].replace('\\w', 'a-zA-Z0-9_');
      const names: string[] = [];
      for (const [token, key] of CHAR_NAMES) {
        if (!rest.includes(token)) continue;
        rest = rest.replace(token, '');
        if (!names.includes(t(key))) names.push(t(key));
      }
      for (const c of rest.replace(/\\/g, '')) names.push(t('catalog.validation.chars.other', { char: c }));
      const count = chars[3] ? `${chars[2]}–${chars[3]}` : chars[2];
      return ['catalog.validation.formatChars', { count, chars: names.join(', ') }];
    }
  }
  if (/phone$/i.test(field ?? '')) return ['catalog.validation.phone'];
  if (/(date|On)$/.test(field ?? '')) return ['catalog.validation.date'];
  return ['catalog.validation.format'];
}

/** The server's message without the property it starts with (`priceVnd must not be negative` → `must not be negative`). */
export function serverText(rule: Rule): string {
  const property = rule.field?.split('.').pop();
  if (!property || !rule.message.startsWith(property)) return rule.message;
  const rest = rule.message.slice(property.length).replace(/^(\.[A-Za-z0-9.]+)?:?\s*/, '');
  return rest || rule.message;
}

/** One failed rule in the UI language; one it does not know is the server's message. */
export function translateRule(t: Translate, rule: Rule): string {
  const said = RULES[rule.constraint]?.(rule.params ?? {}, rule, t);
  if (!said) return serverText(rule);
  if (typeof said === 'string') return said;
  return t(said[0], said[1]);
}

/** The rules of one field, said once each; "whole number" and "≥ 1" become "Phải là số nguyên ≥ 1". */
export function translateRules(t: Translate, rules: readonly Rule[]): string[] {
  const isInt = rules.find((r) => r.constraint === 'isInt');
  const min = rules.find((r) => r.constraint === 'min' && has(r.params?.min));
  const max = rules.find((r) => r.constraint === 'max' && has(r.params?.max));
  const merged = new Set<Rule>();
  const out: string[] = [];
  if (isInt && (min || max)) {
    const key: MessageKey =
      min && max ? 'catalog.validation.intRange' : min ? 'catalog.validation.intMin' : 'catalog.validation.intMax';
    out.push(t(key, { ...(min ? { min: min.params!.min! } : {}), ...(max ? { max: max.params!.max! } : {}) }));
    [isInt, min, max].forEach((r) => r && merged.add(r));
  }
  for (const rule of rules) if (!merged.has(rule)) out.push(translateRule(t, rule));
  return [...new Set(out)];
}

/** The failed rules of a 400 (`details.fields`); [] for anything else or an older server. */
export function validationFields(err: unknown): ValidationFieldError[] {
  if (!(err instanceof ApiError) || err.status !== 400) return [];
  const fields = (err.body.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is ValidationFieldError =>
      !!f &&
      typeof f === 'object' &&
      typeof f.field === 'string' &&
      typeof f.constraint === 'string' &&
      typeof f.message === 'string',
  );
}
