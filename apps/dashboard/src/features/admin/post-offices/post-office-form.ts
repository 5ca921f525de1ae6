import type { OpeningHours, PostOfficeView } from '@hotline/contracts';
import { formatPhone } from '../../../lib/format';

export interface PostOfficeFormValues {
  code: string;
  name: string;
  address: string;
  communeCode: string;
  lat: number;
  lng: number;
  phone?: string;
  openingHours: OpeningHours;
  dailyCapacity: number;
  active: boolean;
  serviceArea: string[];
}

/** The seeded default of the server (libs/geo DEFAULT_OPENING_HOURS), offered for a new office. */
const WEEKDAY_HOURS: Array<[string, string]> = [
  ['07:00', '11:30'],
  ['13:30', '17:00'],
];
const NEW_OFFICE_HOURS: OpeningHours = {
  mon: WEEKDAY_HOURS,
  tue: WEEKDAY_HOURS,
  wed: WEEKDAY_HOURS,
  thu: WEEKDAY_HOURS,
  fri: WEEKDAY_HOURS,
  sat: [['07:00', '11:30']],
};

/** Fields a refused save may name (the api's property names are the form's). */
export const OFFICE_FIELDS: ReadonlyArray<keyof PostOfficeFormValues> = [
  'code',
  'name',
  'address',
  'communeCode',
  'lat',
  'lng',
  'phone',
  'dailyCapacity',
  'active',
  'serviceArea',
  'openingHours',
];

/** What the form starts with: the office (its own commune is implied in the service area) or a new one's defaults. */
export function formValuesOf(office: PostOfficeView | null): Partial<PostOfficeFormValues> {
  if (!office) return { openingHours: NEW_OFFICE_HOURS, dailyCapacity: 50, active: true, serviceArea: [] };
  return {
    code: office.code,
    name: office.name,
    address: office.address,
    communeCode: office.communeCode,
    lat: office.lat,
    lng: office.lng,
    phone: office.phone ? formatPhone(office.phone) : '',
    openingHours: office.openingHours,
    dailyCapacity: office.dailyCapacity,
    active: office.active,
    serviceArea: office.serviceArea.filter((c) => c !== office.communeCode),
  };
}

/** The PATCH body (the POST adds the code). */
export function officeBody(v: PostOfficeFormValues) {
  return {
    name: v.name.trim(),
    address: v.address.trim(),
    communeCode: v.communeCode,
    lat: v.lat,
    lng: v.lng,
    phone: v.phone?.trim() ? v.phone.trim() : null,
    openingHours: v.openingHours ?? {},
    dailyCapacity: v.dailyCapacity,
    active: v.active,
    serviceArea: v.serviceArea ?? [],
  };
}
