import type { OpeningHours, ValidationFieldParams } from '@hotline/contracts';
import { normalizePhone } from '@hotline/contracts';
import { DEFAULT_OPENING_HOURS, parseOpeningHours, validateOpeningHours } from './opening-hours';

/** Gia Lai (with Bình Định) spans about 12.6–14.7°N, 107.4–109.4°E; a point far outside is a typo. */
export const PROVINCE_BOUNDS = { minLat: 12.4, maxLat: 15.0, minLng: 107.2, maxLng: 109.6 };
export const DEFAULT_DAILY_CAPACITY = 50;

/** A post office as the admin gives it (JSON body or a CSV line), before domain checks. */
export interface RawOfficeInput {
  code?: unknown;
  name?: unknown;
  address?: unknown;
  communeCode?: unknown;
  lat?: unknown;
  lng?: unknown;
  phone?: unknown;
  openingHours?: unknown;
  dailyCapacity?: unknown;
  active?: unknown;
  serviceArea?: unknown;
}

export interface CleanOfficeInput {
  code: string;
  name: string;
  address: string;
  communeCode: string;
  lat: number;
  lng: number;
  phone: string | null;
  openingHours: OpeningHours;
  dailyCapacity: number;
  active: boolean;
  serviceArea: string[];
}

export interface FieldProblem {
  field: string;
  message: string;
  /** The rule, in the names of the api's `details.fields` (a client translates it). */
  constraint?: string;
  params?: ValidationFieldParams;
}

/**
 * The one set of domain rules for a post office, shared by the REST API and the CSV import.
 * `knownCommunes` answers whether a commune code exists.
 */
export function checkOfficeInput(
  raw: RawOfficeInput,
  knownCommunes: (code: string) => boolean,
): { value?: CleanOfficeInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const code = checkCode(raw, problems);
  const name = checkText(raw, 'name', { min: 2, max: 150 }, problems);
  const address = checkText(raw, 'address', { min: 2, max: 255 }, problems);
  const communeCode = typeof raw.communeCode === 'string' ? raw.communeCode.trim() : String(raw.communeCode ?? '');
  if (!knownCommunes(communeCode))
    problems.push({
      field: 'communeCode',
      message: `unknown commune code "${communeCode}"`,
      constraint: 'exists',
      params: { value: communeCode },
    });
  const lat = checkCoordinate(raw, 'lat', problems);
  const lng = checkCoordinate(raw, 'lng', problems);
  const phone = checkPhone(raw.phone, problems);
  const openingHours = checkOpeningHours(raw.openingHours, problems);
  const dailyCapacity = checkCapacity(raw.dailyCapacity, problems);
  const active = checkActive(raw.active, problems);
  const serviceArea = checkServiceArea(raw.serviceArea, communeCode, knownCommunes, problems);
  if (problems.length) return { problems };
  return {
    value: {
      code,
      name,
      address,
      communeCode,
      lat: lat!,
      lng: lng!,
      phone,
      openingHours,
      dailyCapacity,
      active,
      serviceArea,
    },
    problems,
  };
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

function checkText(
  raw: RawOfficeInput,
  field: keyof RawOfficeInput,
  { min, max }: { min: number; max: number },
  problems: FieldProblem[],
): string {
  const v = typeof raw[field] === 'string' ? (raw[field] as string).trim() : '';
  if (v.length < min || v.length > max)
    problems.push({
      field,
      message: `${field} must be ${min}–${max} characters`,
      constraint: 'isLength',
      params: { min, max },
    });
  return v;
}

function checkCode(raw: RawOfficeInput, problems: FieldProblem[]): string {
  const code = checkText(raw, 'code', { min: 2, max: 20 }, problems);
  if (code && !/^[A-Za-z0-9._-]+$/.test(code))
    problems.push({ field: 'code', message: 'code may contain only letters, digits, dot, dash, underscore' });
  return code;
}

function checkCoordinate(raw: RawOfficeInput, field: 'lat' | 'lng', problems: FieldProblem[]): number | null {
  const value = toNumber(raw[field]);
  const [min, max] =
    field === 'lat'
      ? [PROVINCE_BOUNDS.minLat, PROVINCE_BOUNDS.maxLat]
      : [PROVINCE_BOUNDS.minLng, PROVINCE_BOUNDS.maxLng];
  if (value === null || value < min || value > max)
    problems.push({
      field,
      message: `${field} must be a number between ${min} and ${max} (Gia Lai), got "${String(raw[field] ?? '')}"`,
      constraint: 'inProvince',
    });
  return value;
}

function checkPhone(raw: unknown, problems: FieldProblem[]): string | null {
  if (raw === undefined || raw === null || String(raw).trim() === '') return null;
  const phone = normalizePhone(String(raw));
  if (!phone)
    problems.push({
      field: 'phone',
      message: `phone "${String(raw)}" is not a valid phone number`,
      constraint: 'isPhone',
    });
  return phone;
}

function checkOpeningHours(raw: unknown, problems: FieldProblem[]): OpeningHours {
  if (!given(raw)) return DEFAULT_OPENING_HOURS;
  const parsed = typeof raw === 'string' ? parseOpeningHours(raw) : validateOpeningHours(raw);
  if (parsed.ok) return parsed.value;
  problems.push({ field: 'openingHours', message: parsed.error });
  return DEFAULT_OPENING_HOURS;
}

function checkCapacity(raw: unknown, problems: FieldProblem[]): number {
  if (!given(raw)) return DEFAULT_DAILY_CAPACITY;
  const n = toNumber(raw);
  if (n !== null && Number.isInteger(n) && n >= 0 && n <= 100000) return n;
  problems.push({
    field: 'dailyCapacity',
    message: 'dailyCapacity must be a whole number from 0 to 100000',
    constraint: 'isIntRange',
    params: { min: 0, max: 100000 },
  });
  return DEFAULT_DAILY_CAPACITY;
}

function checkActive(raw: unknown, problems: FieldProblem[]): boolean {
  if (!given(raw)) return true;
  const b = toBool(raw);
  if (b === null) problems.push({ field: 'active', message: 'active must be true/false (or 1/0, yes/no, có/không)' });
  return b ?? true;
}

/** The communes served: the office's own one always, plus those listed (an array, or a string split on ; | , or spaces). */
function checkServiceArea(
  raw: unknown,
  communeCode: string,
  knownCommunes: (code: string) => boolean,
  problems: FieldProblem[],
): string[] {
  const served = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.split(/[;|,\s]+/).filter(Boolean)
      : [];
  const unknown = served.filter((c) => !knownCommunes(c));
  if (unknown.length)
    problems.push({ field: 'serviceArea', message: `unknown commune code(s) in service area: ${unknown.join(', ')}` });
  return [...new Set([communeCode, ...served])].filter(Boolean);
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  if (['true', '1', 'yes', 'y', 'có', 'co', 'x'].includes(s)) return true;
  if (['false', '0', 'no', 'n', 'không', 'khong'].includes(s)) return false;
  return null;
}
