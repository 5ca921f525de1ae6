import type { ValidationFieldParams } from './errors';

export const UNIT_TYPES = ['ward', 'commune'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface AdministrativeUnitView {
  code: string;
  name: string;
  shortName: string;
  nameAscii: string;
  type: UnitType;
  lat: number;
  lng: number;
  remoteArea: boolean;
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Local (Asia/Ho_Chi_Minh) opening periods per weekday, e.g. { mon: [["07:00","11:30"],["13:30","17:00"]] }. */
export type OpeningHours = Partial<Record<Weekday, Array<[string, string]>>>;

export interface PostOfficeView {
  id: string;
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
  /** Communes this office serves (its own commune included). */
  serviceArea: string[];
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What POST /post-offices/import answers. */
export interface PostOfficeImportResult {
  created: number;
  updated: number;
  total: number;
}

export interface CsvLineError {
  line: number;
  field?: string;
  message: string;
  /** The rule, named as in a 400's `details.fields` (isLength, isPhone, exists...), for a client to translate. */
  constraint?: string;
  params?: ValidationFieldParams;
}
