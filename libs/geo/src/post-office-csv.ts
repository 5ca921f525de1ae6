import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { ERROR_CODES, type CsvLineError } from '@hotline/contracts';
import { DomainError } from '@hotline/core';
import { type CleanOfficeInput, checkOfficeInput } from './post-office-input';

/** CSV columns, in the order of the template. Only code, name, address, commune_code, lat, lng are required. */
export const CSV_COLUMNS = [
  'code',
  'name',
  'address',
  'commune_code',
  'lat',
  'lng',
  'phone',
  'opening_hours',
  'daily_capacity',
  'active',
  'serves',
] as const;
const REQUIRED_COLUMNS = ['code', 'name', 'address', 'commune_code', 'lat', 'lng'];
export const MAX_CSV_ROWS = 20000;

export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/** A 400 listing every problem of the file with its line; nothing is imported. */
export class CsvInvalidError extends DomainError {
  constructor(errors: CsvLineError[]) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    super(
      HttpStatus.BAD_REQUEST,
      ERROR_CODES.CSV_INVALID,
      `CSV line ${first.line}: ${first.message}${more}. Nothing was imported.`,
      { errors },
    );
  }
}

/** The data lines of a CSV file (comma, semicolon or tab separated, header required), or a CsvInvalidError. */
export function parseOfficeCsv(content: string): CsvRow[] {
  const records = readRecords(content);
  if (!records.length) throw new CsvInvalidError([{ line: 1, message: 'the file has no data lines' }]);
  checkHeader(Object.keys(records[0].record));
  if (records.length > MAX_CSV_ROWS)
    throw new CsvInvalidError([{ line: MAX_CSV_ROWS + 2, message: `too many lines (at most ${MAX_CSV_ROWS})` }]);
  return records.map((r) => ({ line: r.info.lines, record: r.record }));
}

type ParsedRecord = { record: Record<string, string>; info: { lines: number } };

function readRecords(content: string): ParsedRecord[] {
  try {
    return parse(content, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      delimiter: [',', ';', '\t'].find((d) => (content.split(/\r?\n/)[0] ?? '').includes(d)) ?? ',',
    }) as ParsedRecord[];
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new CsvInvalidError([{ line: e.lines ?? 1, message: `unreadable CSV: ${e.message}` }]);
  }
}

function checkHeader(header: string[]): void {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (!missing.length && !unknown.length) return;
  const parts = [
    missing.length ? `missing column(s) ${missing.join(', ')}` : '',
    unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '',
  ];
  throw new CsvInvalidError([
    { line: 1, message: `${parts.filter(Boolean).join('; ')} — expected ${CSV_COLUMNS.join(',')}` },
  ]);
}

/** Every line checked with the same rules as the REST API, and codes unique in the file; one bad line refuses the file. */
export function checkCsvRows(rows: CsvRow[], knownCommune: (code: string) => boolean): CleanOfficeInput[] {
  const errors: CsvLineError[] = [];
  const clean: CleanOfficeInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of rows) {
    const result = checkOfficeInput(
      {
        code: record.code,
        name: record.name,
        address: record.address,
        communeCode: record.commune_code,
        lat: record.lat,
        lng: record.lng,
        phone: record.phone,
        openingHours: record.opening_hours,
        dailyCapacity: record.daily_capacity,
        active: record.active,
        serviceArea: record.serves,
      },
      knownCommune,
    );
    for (const p of result.problems) errors.push({ line, ...p });
    const code = String(record.code ?? '').trim();
    const key = code.toLowerCase();
    if (code && seen.has(key))
      errors.push({ line, field: 'code', message: `duplicate code "${code}" (already on line ${seen.get(key)})` });
    else if (code) seen.set(key, line);
    if (result.value) clean.push(result.value);
  }
  if (errors.length) throw new CsvInvalidError(errors);
  return clean;
}
