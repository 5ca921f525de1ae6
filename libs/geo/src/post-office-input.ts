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
  const text = (field: keyof RawOfficeInput, min: number, max: number): string => {
    const v = typeof raw[field] === 'string' ? (raw[field] as string).trim() : '';
    if (v.length < min || v.length > max)
      problems.push({
        field,
        message: `${field} must be ${min}–${max} characters`,
        constraint: 'isLength',
        params: { min, max },
      });
    return v;
  };
  const code = text('code', 2, 20);
  if (code && !/^[A-Za-z0-9._-]+$/.test(code))
    problems.push({ field: 'code', message: 'code may contain only letters, digits, dot, dash, underscore' });
  const name = text('name', 2, 150);
  const address = text('address', 2, 255);
  const communeCode = typeof raw.communeCode === 'string' ? raw.communeCode.trim() : String(raw.communeCode ?? '');
  if (!knownCommunes(communeCode))
    problems.push({
      field: 'communeCode',
      message: `unknown commune code "${communeCode}"`,
      constraint: 'exists',
      params: { value: communeCode },
    });

  const lat = toNumber(raw.lat);
  const lng = toNumber(raw.lng);
  if (lat === null || lat < PROVINCE_BOUNDS.minLat || lat > PROVINCE_BOUNDS.maxLat) {
    problems.push({
      field: 'lat',
      message: `lat must be a number between ${PROVINCE_BOUNDS.minLat} and ${PROVINCE_BOUNDS.maxLat} (Gia Lai), got "${String(raw.lat ?? '')}"`,
      constraint: 'inProvince',
    });
  }
  if (lng === null || lng < PROVINCE_BOUNDS.minLng || lng > PROVINCE_BOUNDS.maxLng) {
    problems.push({
      field: 'lng',
      message: `lng must be a number between ${PROVINCE_BOUNDS.minLng} and ${PROVINCE_BOUNDS.maxLng} (Gia Lai), got "${String(raw.lng ?? '')}"`,
      constraint: 'inProvince',
    });
  }

  let phone: string | null = null;
  if (raw.phone !== undefined && raw.phone !== null && String(raw.phone).trim() !== '') {
    phone = normalizePhone(String(raw.phone));
    if (!phone)
      problems.push({
        field: 'phone',
        message: `phone "${String(raw.phone)}" is not a valid phone number`,
        constraint: 'isPhone',
      });
  }

  let openingHours: OpeningHours = DEFAULT_OPENING_HOURS;
  if (raw.openingHours !== undefined && raw.openingHours !== null && raw.openingHours !== '') {
    const parsed =
      typeof raw.openingHours === 'string'
        ? parseOpeningHours(raw.openingHours)
        : validateOpeningHours(raw.openingHours);
    if (parsed.ok) openingHours = parsed.value;
    else problems.push({ field: 'openingHours', message: parsed.error });
  }

  let dailyCapacity = DEFAULT_DAILY_CAPACITY;
  if (raw.dailyCapacity !== undefined && raw.dailyCapacity !== null && raw.dailyCapacity !== '') {
    const n = toNumber(raw.dailyCapacity);
    if (n === null || !Number.isInteger(n) || n < 0 || n > 100000)
      problems.push({
        field: 'dailyCapacity',
        message: 'dailyCapacity must be a whole number from 0 to 100000',
        constraint: 'isIntRange',
        params: { min: 0, max: 100000 },
      });
    else dailyCapacity = n;
  }

  let active = true;
  if (raw.active !== undefined && raw.active !== null && raw.active !== '') {
    const b = toBool(raw.active);
    if (b === null) problems.push({ field: 'active', message: 'active must be true/false (or 1/0, yes/no, có/không)' });
    else active = b;
  }

  const served = Array.isArray(raw.serviceArea)
    ? raw.serviceArea.map(String)
    : typeof raw.serviceArea === 'string'
      ? raw.serviceArea.split(/[;|,\s]+/).filter(Boolean)
      : [];
  const unknown = served.filter((c) => !knownCommunes(c));
  if (unknown.length)
    problems.push({ field: 'serviceArea', message: `unknown commune code(s) in service area: ${unknown.join(', ')}` });
  const serviceArea = [...new Set([communeCode, ...served])].filter(Boolean);

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
