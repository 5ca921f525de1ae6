/**
 * Phone numbers: parse anything a citizen, an agent or a PBX hands us, store E.164 (`+84…`), show Vietnamese style.
 *
 * Framework-free; shared by the NestJS server and the React dashboard (browser).
 *
 * Vietnamese numbers are classified with our own explicit tables below, NOT with libphonenumber-js: its default ('min')
 * metadata only knows the generic VN pattern (it happily validates 0112345678) and cannot tell mobile from landline,
 * while the 'max' metadata would roughly double the browser bundle and still gives no province. libphonenumber-js
 * (default 'min' metadata, ≈ 80 kB raw JSON) is used only for foreign numbers written with an explicit `+` country code.
 *
 * Vietnamese numbering plan (since the 2017 landline and 2018 mobile renumbering):
 * - landlines: 0 + area code + subscriber number, 11 digits in all. Hà Nội (024) and TP. Hồ Chí Minh (028) have a
 *   2-digit code after the 0 and 8 subscriber digits (`024 3825 1234`); every other province has a 3-digit code and
 *   7 subscriber digits (`0269 3888 222`). A subscriber number never starts with 0 or 1 (they would clash with the
 *   trunk prefix and short codes when dialled locally).
 * - mobiles: 0 + 9 digits, prefixes 03[2-9], 05[25689], 07[06-9], 08[1-9], 09x (operator-level allocation; we accept
 *   the whole block rather than libphonenumber's finer sub-ranges so a newly assigned range never locks a caller out).
 * - 1800 (toll-free) / 1900 (premium) service numbers: 8 or 10 digits, dialled without a leading 0. Accepted with
 *   kind 'other', stored as `+841800…` / `+841900…` (that is how they arrive on SIP trunks).
 * - obsolete 11-digit mobile numbers (0162…, 0120…, …) are rejected with a hint to the new prefix; they are never
 *   silently converted, since the number we would store is not the one that was typed.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js';

export type PhoneKind = 'mobile' | 'landline' | 'other';

export interface PhoneParseOk {
  ok: true;
  /** E.164, e.g. `+842693888222`. The storage and comparison key. */
  e164: string;
  /**
   * Digits as dialled inside the number's own country, trunk prefix included: `02693888222`, `0912345678`,
   * `19001234` (service numbers have no trunk 0), `02079460958` (UK).
   */
  national: string;
  /** Human display: Vietnamese style for +84 (`0269 3888 222`), international style otherwise (`+44 20 7946 0958`). */
  display: string;
  /** 'mobile' / 'landline' for Vietnamese numbers; 'other' for 1800/1900 service numbers and all foreign numbers. */
  kind: PhoneKind;
  /** Vietnamese landlines only: the area code with its trunk 0, e.g. `0269`, `024`. */
  areaCode?: string;
  /** Vietnamese landlines only: the province the area code was assigned to (pre-2025 name), e.g. `Gia Lai`. */
  province?: string;
}

export interface PhoneParseError {
  ok: false;
  /** Plain English explanation, fit to show to an agent next to the field. */
  reason: string;
}

export type PhoneParseResult = PhoneParseOk | PhoneParseError;

export interface AreaCodeInfo {
  /** Province the area code was assigned to (names before the 1 July 2025 merger). */
  province: string;
  /** Province that covers that territory since the 1 July 2025 merger (area codes were not changed). */
  province2025: string;
}

/** Vietnamese landline area codes (with the trunk 0) → province. All 63 codes of the 2017 plan. */
export const VN_LANDLINE_AREA_CODES: Readonly<Record<string, AreaCodeInfo>> = Object.freeze({
  '0203': { province: 'Quảng Ninh', province2025: 'Quảng Ninh' },
  '0204': { province: 'Bắc Giang', province2025: 'Bắc Ninh' },
  '0205': { province: 'Lạng Sơn', province2025: 'Lạng Sơn' },
  '0206': { province: 'Cao Bằng', province2025: 'Cao Bằng' },
  '0207': { province: 'Tuyên Quang', province2025: 'Tuyên Quang' },
  '0208': { province: 'Thái Nguyên', province2025: 'Thái Nguyên' },
  '0209': { province: 'Bắc Kạn', province2025: 'Thái Nguyên' },
  '0210': { province: 'Phú Thọ', province2025: 'Phú Thọ' },
  '0211': { province: 'Vĩnh Phúc', province2025: 'Phú Thọ' },
  '0212': { province: 'Sơn La', province2025: 'Sơn La' },
  '0213': { province: 'Lai Châu', province2025: 'Lai Châu' },
  '0214': { province: 'Lào Cai', province2025: 'Lào Cai' },
  '0215': { province: 'Điện Biên', province2025: 'Điện Biên' },
  '0216': { province: 'Yên Bái', province2025: 'Lào Cai' },
  '0218': { province: 'Hòa Bình', province2025: 'Phú Thọ' },
  '0219': { province: 'Hà Giang', province2025: 'Tuyên Quang' },
  '0220': { province: 'Hải Dương', province2025: 'Hải Phòng' },
  '0221': { province: 'Hưng Yên', province2025: 'Hưng Yên' },
  '0222': { province: 'Bắc Ninh', province2025: 'Bắc Ninh' },
  '0225': { province: 'Hải Phòng', province2025: 'Hải Phòng' },
  '0226': { province: 'Hà Nam', province2025: 'Ninh Bình' },
  '0227': { province: 'Thái Bình', province2025: 'Hưng Yên' },
  '0228': { province: 'Nam Định', province2025: 'Ninh Bình' },
  '0229': { province: 'Ninh Bình', province2025: 'Ninh Bình' },
  '0232': { province: 'Quảng Bình', province2025: 'Quảng Trị' },
  '0233': { province: 'Quảng Trị', province2025: 'Quảng Trị' },
  '0234': { province: 'Thừa Thiên Huế', province2025: 'Huế' },
  '0235': { province: 'Quảng Nam', province2025: 'Đà Nẵng' },
  '0236': { province: 'Đà Nẵng', province2025: 'Đà Nẵng' },
  '0237': { province: 'Thanh Hóa', province2025: 'Thanh Hóa' },
  '0238': { province: 'Nghệ An', province2025: 'Nghệ An' },
  '0239': { province: 'Hà Tĩnh', province2025: 'Hà Tĩnh' },
  '024': { province: 'Hà Nội', province2025: 'Hà Nội' },
  '0251': { province: 'Đồng Nai', province2025: 'Đồng Nai' },
  '0252': { province: 'Bình Thuận', province2025: 'Lâm Đồng' },
  '0254': { province: 'Bà Rịa - Vũng Tàu', province2025: 'TP. Hồ Chí Minh' },
  '0255': { province: 'Quảng Ngãi', province2025: 'Quảng Ngãi' },
  '0256': { province: 'Bình Định', province2025: 'Gia Lai' },
  '0257': { province: 'Phú Yên', province2025: 'Đắk Lắk' },
  '0258': { province: 'Khánh Hòa', province2025: 'Khánh Hòa' },
  '0259': { province: 'Ninh Thuận', province2025: 'Khánh Hòa' },
  '0260': { province: 'Kon Tum', province2025: 'Quảng Ngãi' },
  '0261': { province: 'Đắk Nông', province2025: 'Lâm Đồng' },
  '0262': { province: 'Đắk Lắk', province2025: 'Đắk Lắk' },
  '0263': { province: 'Lâm Đồng', province2025: 'Lâm Đồng' },
  '0269': { province: 'Gia Lai', province2025: 'Gia Lai' },
  '0270': { province: 'Vĩnh Long', province2025: 'Vĩnh Long' },
  '0271': { province: 'Bình Phước', province2025: 'Đồng Nai' },
  '0272': { province: 'Long An', province2025: 'Tây Ninh' },
  '0273': { province: 'Tiền Giang', province2025: 'Đồng Tháp' },
  '0274': { province: 'Bình Dương', province2025: 'TP. Hồ Chí Minh' },
  '0275': { province: 'Bến Tre', province2025: 'Vĩnh Long' },
  '0276': { province: 'Tây Ninh', province2025: 'Tây Ninh' },
  '0277': { province: 'Đồng Tháp', province2025: 'Đồng Tháp' },
  '028': { province: 'TP. Hồ Chí Minh', province2025: 'TP. Hồ Chí Minh' },
  '0290': { province: 'Cà Mau', province2025: 'Cà Mau' },
  '0291': { province: 'Bạc Liêu', province2025: 'Cà Mau' },
  '0292': { province: 'Cần Thơ', province2025: 'Cần Thơ' },
  '0293': { province: 'Hậu Giang', province2025: 'Cần Thơ' },
  '0294': { province: 'Trà Vinh', province2025: 'Vĩnh Long' },
  '0296': { province: 'An Giang', province2025: 'An Giang' },
  '0297': { province: 'Kiên Giang', province2025: 'An Giang' },
  '0299': { province: 'Sóc Trăng', province2025: 'Cần Thơ' },
});

/** Vietnamese mobile prefixes (with the trunk 0): 03[2-9], 05[25689], 07[06-9], 08[1-9], 09x. */
export const VN_MOBILE_PREFIXES: readonly string[] = Object.freeze([
  ...['2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `03${d}`),
  ...['2', '5', '6', '8', '9'].map((d) => `05${d}`),
  ...['0', '6', '7', '8', '9'].map((d) => `07${d}`),
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `08${d}`),
  ...['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => `09${d}`),
]);

const MOBILE_PREFIXES = new Set(VN_MOBILE_PREFIXES);

/** 2018 mobile renumbering (11 → 10 digits): old prefix → new prefix, only used to explain a rejection. */
const OBSOLETE_MOBILE_PREFIXES: Readonly<Record<string, string>> = {
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

const VN = '84';
/** Everything people put between digit groups: whitespace (incl. NBSP, thin space), dots, dashes, parentheses, slashes. */
const SEPARATORS = /[\s\u00a0\u2000-\u200b\u202f\u3000.\-\u2010-\u2015\u2212()[\]/]/g;
const fail = (reason: string): PhoneParseError => ({ ok: false, reason });

interface Parsed {
  ok: true;
  result: PhoneParseOk;
  /** Country calling code without '+', and the national significant number (for masking). */
  cc: string;
  nsn: string;
}

/**
 * Parse a phone number typed in any common form. Vietnamese numbers may be national (`0269.3888.222`,
 * `(0269) 3888222`, `0912-345-678`), international (`+84 269 3888 222`, `+84 (0) 912 345 678`, `0084 …`),
 * international without the plus (`84912345678`), or the bare national significant number as some SIP trunks
 * deliver it (`912345678`, `2693888222`). Foreign numbers need an explicit `+` (or `00`) and a valid country code.
 * Never throws.
 */
export function parsePhone(input: string): PhoneParseResult {
  const r = parseInternal(input);
  return r.ok ? r.result : r;
}

function parseInternal(input: unknown): Parsed | PhoneParseError {
  if (typeof input !== 'string') return fail('empty input');
  // NFKC folds full-width digits and the full-width plus (０９１２…, ＋８４) into ASCII.
  const text = input.normalize('NFKC').trim();
  if (text === '') return fail('empty input');
  if (/\p{L}/u.test(text)) {
    return fail("contains letters: only digits, spaces, '.', '-', '(', ')' and a leading '+' are allowed");
  }

  // "+84 (0) 912…" needs no special case: the parentheses go with the separators, and a 0 right after the country
  // code is dropped below (for +84) or by libphonenumber-js (for other countries, which knows where it is dialled).
  const compact = text.replace(SEPARATORS, '');
  if (compact === '' || compact === '+') return fail('no digits');
  const bad = compact.replace(/^\+/, '').match(/[^0-9]/);
  if (bad) {
    return fail(
      bad[0] === '+'
        ? "misplaced '+': it may only start the number"
        : `contains an invalid character '${bad[0]}': only digits, spaces, '.', '-', '(', ')' and a leading '+' are allowed`,
    );
  }

  let digits = compact.replace(/^\+/, '');
  let international = compact.startsWith('+');
  if (!international && digits.startsWith('00')) {
    // 00 is the international call prefix dialled from Vietnam.
    international = true;
    digits = digits.slice(2);
  }
  if (digits.length > 15) return fail(`too long: ${digits.length} digits (phone numbers have at most 15)`);

  if (international) {
    if (digits.startsWith(VN)) {
      // "+84 (0) 912…" and the common "+84 0912…" mistake: the trunk 0 is not dialled after the country code.
      const nsn = digits.slice(2).replace(/^0/, '');
      return parseVietnamese(nsn, false);
    }
    return parseForeign(digits);
  }

  if (digits.length < 8) return fail(`too short: ${digits.length} digits`);
  if (digits.startsWith('0')) return parseVietnamese(digits.slice(1), true);
  // "84912345678": country code without the plus. A bare Vietnamese national number is at most 10 digits and one
  // starting with 84 (a 084 mobile) has exactly 9, so 10+ digits starting with 84 can only be the country code.
  if (digits.startsWith(VN) && digits.length >= 10) return parseVietnamese(digits.slice(2).replace(/^0/, ''), false);
  return parseVietnamese(digits, false);
}

function parseVietnamese(nsn: string, hadTrunk: boolean): Parsed | PhoneParseError {
  const trunk = '0';
  if (nsn.length < 7) return fail(`too short: only ${nsn.length} digits after the country code or leading 0`);

  // 1800 / 1900 service numbers: 1800 xxxx or 1800 xxxxxx.
  if (/^1[89]00/.test(nsn)) {
    const svc = nsn.slice(0, 4);
    if (hadTrunk) return fail(`${svc} service numbers are dialled without a leading 0`);
    if (nsn.length !== 8 && nsn.length !== 10) {
      return fail(`${svc} service numbers have 8 or 10 digits (${svc} xxxx or ${svc} xxxxxx), got ${nsn.length}`);
    }
    return vnOk(nsn, nsn, 'other');
  }

  const national = trunk + nsn;
  const first = nsn[0];

  if (first === '2') {
    const areaCode = trunk + (/^2[48]/.test(nsn) ? nsn.slice(0, 2) : nsn.slice(0, 3));
    const area = VN_LANDLINE_AREA_CODES[areaCode];
    if (!area) return fail(`unknown landline area code ${areaCode}`);
    const subscriberLength = 11 - areaCode.length;
    const shape = `${areaCode} + ${subscriberLength} digits`;
    if (national.length < 11) return fail(`too short: landlines in area ${areaCode} have 11 digits (${shape})`);
    if (national.length > 11) return fail(`too long: landlines in area ${areaCode} have 11 digits (${shape})`);
    if (!/[2-9]/.test(national[areaCode.length])) {
      return fail(`invalid subscriber number after area code ${areaCode}: it cannot start with 0 or 1`);
    }
    return vnOk(nsn, national, 'landline', { areaCode, province: area.province });
  }

  const prefix = national.slice(0, 3);
  if (MOBILE_PREFIXES.has(prefix)) {
    if (national.length < 10) return fail(`too short: Vietnamese mobile numbers have 10 digits (${prefix} + 7)`);
    if (national.length > 10) return fail(`too long: Vietnamese mobile numbers have 10 digits (${prefix} + 7)`);
    return vnOk(nsn, national, 'mobile');
  }

  const oldPrefix = OBSOLETE_MOBILE_PREFIXES[national.slice(0, 4)];
  if (oldPrefix && national.length === 11) {
    return fail(
      `obsolete 11-digit mobile prefix ${national.slice(0, 4)} (renumbered to ${oldPrefix} in 2018; use the 10-digit number)`,
    );
  }
  return fail(
    `unknown prefix ${prefix}: not a Vietnamese mobile, landline or 1800/1900 number (write foreign numbers with + and the country code)`,
  );
}

function vnOk(
  nsn: string,
  national: string,
  kind: PhoneKind,
  { areaCode, province }: { areaCode?: string; province?: string } = {},
): Parsed {
  const result: PhoneParseOk = {
    ok: true,
    e164: `+${VN}${nsn}`,
    national,
    display: displayVN(national, areaCode),
    kind,
  };
  if (areaCode) {
    result.areaCode = areaCode;
    result.province = province;
  }
  return { ok: true, result, cc: VN, nsn };
}

/** `0912 345 678`, `0269 3888 222`, `024 3825 1234`, `1900 1234`, `1800 588 888`. */
function displayVN(national: string, areaCode?: string): string {
  const groups = (...sizes: number[]): string => {
    const out: string[] = [];
    let i = 0;
    for (const n of sizes) {
      out.push(national.slice(i, i + n));
      i += n;
    }
    return out.join(' ');
  };
  if (areaCode) return areaCode.length === 3 ? groups(3, 4, 4) : groups(4, 4, 3);
  if (national.length === 8) return groups(4, 4); // 1800 xxxx / 1900 xxxx
  return groups(4, 3, 3); // mobiles and 1800 xxx xxx / 1900 xxx xxx
}

function parseForeign(digits: string): Parsed | PhoneParseError {
  const e164 = `+${digits}`;
  const lengthProblem = validatePhoneNumberLength(e164);
  if (lengthProblem === 'INVALID_COUNTRY') return fail(`unknown country calling code in ${e164}`);
  if (lengthProblem === 'TOO_SHORT' || lengthProblem === 'NOT_A_NUMBER')
    return fail(`too short for a number in ${e164}`);
  if (lengthProblem === 'TOO_LONG') return fail(`too long for a number in ${e164}`);
  const p = parsePhoneNumberFromString(e164);
  if (!p) return fail(`not a valid phone number: ${e164}`);
  if (!p.isValid()) {
    return fail(
      `not a valid number for country calling code +${p.countryCallingCode}${p.country ? ` (${p.country})` : ''}`,
    );
  }
  return {
    ok: true,
    result: {
      ok: true,
      e164: p.number,
      national: p.formatNational().replace(/\D/g, ''),
      display: p.formatInternational(),
      kind: 'other',
    },
    cc: p.countryCallingCode,
    nsn: p.nationalNumber,
  };
}

/** E.164 (`+842693888222`) for any accepted input, `null` otherwise. */
export function normalizePhone(input: string | null | undefined): string | null {
  const r = parseInternal(input);
  return r.ok ? r.result.e164 : null;
}

/**
 * Display form: Vietnamese style for +84 numbers (`0912 345 678`, `0269 3888 222`, `024 3825 1234`, `1900 1234`),
 * international style for foreign ones (`+44 20 7946 0958`). Accepts any input `parsePhone` accepts; input that does
 * not parse is returned unchanged (trimmed), so a display never loses what was stored.
 */
export function formatPhoneVN(e164: string): string {
  const r = parseInternal(e164);
  if (r.ok) return r.result.display;
  return typeof e164 === 'string' ? e164.trim() : '';
}

const WITHHELD_WORDS = new Set([
  'anonymous',
  'anonymous caller',
  'anon',
  'unknown',
  'unknown caller',
  'unknown number',
  'unavailable',
  'not available',
  'number unavailable',
  'private',
  'private number',
  'private caller',
  'restricted',
  'restricted number',
  'presentation restricted',
  'withheld',
  'number withheld',
  'withheld number',
  'hidden',
  'hidden number',
  'blocked',
  'blocked number',
  'caller id blocked',
  'no caller id',
  'nocallerid',
  'no number',
  'out of area',
  'outofarea',
  'o',
  'p',
  'n a',
  'na',
  'none',
  'null',
  'nil',
  'undefined',
  'invalid',
  'asterisk',
  // Vietnamese (compared without diacritics): "số ẩn", "ẩn số", "không xác định", "không hiển thị số", "số riêng tư".
  'so an',
  'an so',
  'khong xac dinh',
  'khong ro',
  'khong hien thi so',
  'so rieng tu',
  'giau so',
]);

/**
 * True when a PBX caller ID means "no number presented": null/undefined/empty, `anonymous`, `unknown`, `private`,
 * `restricted`, `withheld`, `unavailable`, CLASS `O`/`P`, SIP `anonymous@anonymous.invalid` (bare or inside
 * `"Anonymous" <sip:…>`), Vietnamese `số ẩn` / `không xác định`, or all zeros (`0`, `000`, `+0`).
 * A malformed but non-empty number such as `12ab` is not "withheld"; it simply fails `parsePhone`.
 */
export function isWithheldCaller(input: string | null | undefined): boolean {
  if (input == null) return true;
  if (typeof input !== 'string') return false;
  let s = input.normalize('NFKC').trim();
  const bracketed = s.match(/<([^>]*)>/);
  if (bracketed) s = bracketed[1];
  s = s
    .replace(/^["']+|["']+$/g, '')
    .replace(/^(sips?|tel):/i, '')
    .replace(/[@;].*$/, '')
    .trim();
  if (/^\+?[\s.\-()0]*$/.test(s)) return true; // empty, separators only, or all zeros
  const word = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-./]+/g, ' ')
    .trim();
  return WITHHELD_WORDS.has(word);
}

/**
 * Same phone number whatever the separators and form (`0269.3888.222` ≡ `+84 269 3888 222` ≡ `842693888222`).
 * Input that does not parse (withheld callers included) never matches anything, not even itself: two anonymous
 * callers are not the same person.
 */
export function phonesMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  const na = normalizePhone(a);
  return na !== null && na === normalizePhone(b);
}

/**
 * For logs: keep the country code and the last 3 digits, e.g. `+842693888222` → `+84*******222`,
 * `+84912345678` → `+84******678`. Input that does not parse keeps only its last 3 digits (`***` if it has
 * fewer than 7 digits), so nothing more identifying than that can leak.
 */
export function maskPhone(e164: string): string {
  const r = parseInternal(e164);
  if (r.ok) return `+${r.cc}${'*'.repeat(Math.max(r.nsn.length - 3, 0))}${r.nsn.slice(-3)}`;
  const digits = typeof e164 === 'string' ? e164.replace(/\D/g, '') : '';
  return digits.length >= 7 ? `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}` : '***';
}
