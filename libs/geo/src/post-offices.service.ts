import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager, In } from 'typeorm';
import { ERROR_CODES, CsvLineError, Page, PostOfficeImportResult, PostOfficeView } from '@hotline/contracts';
import {
  Clock,
  ConflictError,
  dbManager,
  DomainError,
  NotFoundError,
  uuidv7,
  ValidationError,
  writeAudit,
  stripUndefined,
} from '@hotline/core';
import { HttpStatus } from '@nestjs/common';
import { AdministrativeUnitsService } from './administrative-units.service';
import type { ListPostOfficesQuery, PostOfficeInputDto, UpdatePostOfficeDto } from './geo.dto';
import { CleanOfficeInput, RawOfficeInput, checkOfficeInput } from './post-office-input';
import { PostOffice } from './post-office.entity';
import { PostOfficeServiceArea } from './post-office-service-area.entity';

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

export type ImportResult = PostOfficeImportResult;

export function toOfficeView(o: PostOffice, serviceArea: string[]): PostOfficeView {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    address: o.address,
    communeCode: o.communeCode,
    lat: Number(o.lat),
    lng: Number(o.lng),
    phone: o.phone,
    openingHours: o.openingHours,
    dailyCapacity: o.dailyCapacity,
    active: o.active,
    serviceArea: [...serviceArea].sort(),
    isDemo: o.isDemo,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

class CsvInvalidError extends DomainError {
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

@Injectable()
export class PostOfficesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: AdministrativeUnitsService,
    private readonly clock: Clock,
  ) {}

  async exists(id: string): Promise<boolean> {
    return (await dbManager(this.db).getRepository(PostOffice).countBy({ id })) > 0;
  }

  async list(query: ListPostOfficesQuery): Promise<Page<PostOfficeView>> {
    const limit = query.limit ?? 100;
    const qb = dbManager(this.db)
      .getRepository(PostOffice)
      .createQueryBuilder('o')
      .orderBy('o.code', 'ASC')
      .take(limit + 1);
    if (query.communeCode) qb.andWhere('o.commune_code = :cc', { cc: query.communeCode });
    if (query.active !== undefined) qb.andWhere('o.active = :active', { active: query.active });
    if (query.q) qb.andWhere('(o.name LIKE :q OR o.code LIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.serves) {
      qb.andWhere(
        'o.id IN (SELECT sa.post_office_id FROM post_office_service_areas sa WHERE sa.commune_code = :serves)',
        { serves: query.serves },
      );
    }
    if (query.cursor)
      qb.andWhere('o.code > :after', { after: Buffer.from(query.cursor, 'base64url').toString('utf8') });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const areas = await this.serviceAreas(
      dbManager(this.db),
      page.map((o) => o.id),
    );
    return {
      items: page.map((o) => toOfficeView(o, areas.get(o.id) ?? [])),
      nextCursor: rows.length > limit ? Buffer.from(page[page.length - 1].code, 'utf8').toString('base64url') : null,
    };
  }

  async get(id: string): Promise<PostOfficeView> {
    const office = await dbManager(this.db).getRepository(PostOffice).findOneBy({ id });
    if (!office) throw new NotFoundError('Post office', id);
    const areas = await this.serviceAreas(dbManager(this.db), [id]);
    return toOfficeView(office, areas.get(id) ?? []);
  }

  async create(dto: PostOfficeInputDto, actorId: string | null): Promise<PostOfficeView> {
    const clean = await this.check({ ...dto });
    const id = await this.db.transaction(async (m) => {
      if (await m.countBy(PostOffice, { code: clean.code }))
        throw new ConflictError(`A post office with code ${clean.code} already exists`);
      return this.insert(m, clean, actorId, false);
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdatePostOfficeDto, actorId: string): Promise<PostOfficeView> {
    const current = await this.get(id);
    const changes = stripUndefined(dto);
    const merged: RawOfficeInput = { ...current, ...changes };
    if (changes.serviceArea === undefined)
      merged.serviceArea = current.serviceArea.filter((c) => c !== current.communeCode);
    const clean = await this.check(merged);
    await this.db.transaction(async (m) => {
      await this.write(m, id, clean);
      await writeAudit(m, {
        actorId,
        entityType: 'post_office',
        entityId: id,
        action: 'updated',
        data: { changes: Object.keys(changes) },
      });
    });
    return this.get(id);
  }

  /**
   * Imports a CSV of post offices (create or update by code). Every line is checked first; one bad line rejects the
   * whole file with every problem and its line number, and nothing is written.
   */
  async importCsv(content: string, actorId: string): Promise<ImportResult> {
    const rows = this.parseCsv(content);
    const units = await this.units.all();
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
        (c) => units.has(c),
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

    return this.db.transaction(async (m) => {
      const existing = await m.find(PostOffice, {
        where: { code: In(clean.map((c) => c.code)) },
        select: ['id', 'code'],
      });
      const idByCode = new Map(existing.map((o) => [o.code.toLowerCase(), o.id]));
      let created = 0;
      for (const office of clean) {
        const id = idByCode.get(office.code.toLowerCase());
        if (id) await this.write(m, id, office);
        else {
          await this.insert(m, office, actorId, false);
          created++;
        }
      }
      await writeAudit(m, {
        actorId,
        entityType: 'post_office',
        entityId: 'csv-import',
        action: 'imported',
        data: { created, updated: clean.length - created },
      });
      return { created, updated: clean.length - created, total: clean.length };
    });
  }

  /** Inserts an office and its service area inside the caller's transaction. */
  async insert(m: EntityManager, office: CleanOfficeInput, actorId: string | null, isDemo: boolean): Promise<string> {
    const now = this.clock.now();
    const id = uuidv7();
    await m.insert(PostOffice, { id, ...omitArea(office), isDemo, createdAt: now, updatedAt: now, version: 1 });
    await m.insert(
      PostOfficeServiceArea,
      office.serviceArea.map((communeCode) => ({ postOfficeId: id, communeCode })),
    );
    await writeAudit(m, {
      actorId,
      entityType: 'post_office',
      entityId: id,
      action: 'created',
      to: office.active ? 'active' : 'inactive',
    });
    return id;
  }

  private async write(m: EntityManager, id: string, office: CleanOfficeInput): Promise<void> {
    const clash = await m.findOneBy(PostOffice, { code: office.code });
    if (clash && clash.id !== id) throw new ConflictError(`A post office with code ${office.code} already exists`);
    await m.update(
      PostOffice,
      { id },
      { ...omitArea(office), updatedAt: this.clock.now(), version: () => 'version + 1' },
    );
    await m.delete(PostOfficeServiceArea, { postOfficeId: id });
    await m.insert(
      PostOfficeServiceArea,
      office.serviceArea.map((communeCode) => ({ postOfficeId: id, communeCode })),
    );
  }

  private async check(raw: RawOfficeInput): Promise<CleanOfficeInput> {
    const units = await this.units.all();
    const { value, problems } = checkOfficeInput(raw, (c) => units.has(c));
    if (!value) {
      const fields = problems.map(({ field, message, constraint, params }) => ({
        field,
        message,
        constraint: constraint ?? 'invalid',
        ...(params ? { params } : {}),
      }));
      throw new ValidationError(problems.map((p) => p.message).join('; '), { errors: problems, fields });
    }
    return value;
  }

  private parseCsv(content: string): Array<{ line: number; record: Record<string, string> }> {
    let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      records = parse(content, {
        bom: true,
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        info: true,
        delimiter: [',', ';', '\t'].find((d) => (content.split(/\r?\n/)[0] ?? '').includes(d)) ?? ',',
      }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    } catch (err) {
      const e = err as { lines?: number; message: string };
      throw new CsvInvalidError([{ line: e.lines ?? 1, message: `unreadable CSV: ${e.message}` }]);
    }
    if (!records.length) throw new CsvInvalidError([{ line: 1, message: 'the file has no data lines' }]);
    const header = Object.keys(records[0].record);
    const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
    const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
    if (missing.length || unknown.length) {
      const parts = [
        missing.length ? `missing column(s) ${missing.join(', ')}` : '',
        unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '',
      ];
      throw new CsvInvalidError([
        { line: 1, message: `${parts.filter(Boolean).join('; ')} — expected ${CSV_COLUMNS.join(',')}` },
      ]);
    }
    if (records.length > MAX_CSV_ROWS)
      throw new CsvInvalidError([{ line: MAX_CSV_ROWS + 2, message: `too many lines (at most ${MAX_CSV_ROWS})` }]);
    return records.map((r) => ({ line: r.info.lines, record: r.record }));
  }

  private async serviceAreas(m: EntityManager, ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows = await m.find(PostOfficeServiceArea, { where: { postOfficeId: In(ids) } });
    for (const r of rows) out.set(r.postOfficeId, [...(out.get(r.postOfficeId) ?? []), r.communeCode]);
    return out;
  }
}

function omitArea(o: CleanOfficeInput): Omit<CleanOfficeInput, 'serviceArea'> {
  const { serviceArea: _ignored, ...rest } = o;
  return rest;
}
