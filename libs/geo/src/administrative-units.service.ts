import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AdministrativeUnitView } from '@hotline/contracts';
import { Clock, dbManager, NotFoundError, writeAudit } from '@hotline/core';
import { AdministrativeUnit } from './administrative-unit.entity';
import type { ListUnitsQuery } from './geo.dto';

export function toUnitView(u: AdministrativeUnit): AdministrativeUnitView {
  return {
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    nameAscii: u.nameAscii,
    type: u.type,
    lat: u.lat,
    lng: u.lng,
    remoteArea: u.remoteArea,
  };
}

export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The communes of Gia Lai. They change only by law; admins edit the remote-area flag. */
@Injectable()
export class AdministrativeUnitsService {
  private cache: Map<string, AdministrativeUnit> | null = null;
  private cachedAt = 0;
  /** Other api instances may change a flag: the in-process copy lives at most this long. */
  private static readonly CACHE_MS = 30_000;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async all(): Promise<Map<string, AdministrativeUnit>> {
    if (!this.cache || Date.now() - this.cachedAt > AdministrativeUnitsService.CACHE_MS) {
      this.cachedAt = Date.now();
      const units = await dbManager(this.db)
        .getRepository(AdministrativeUnit)
        .find({ order: { code: 'ASC' } });
      this.cache = new Map(units.map((u) => [u.code, u]));
    }
    return this.cache;
  }

  async list(query: ListUnitsQuery): Promise<AdministrativeUnitView[]> {
    const q = query.q ? foldAccents(query.q.trim()) : null;
    return [...(await this.all()).values()]
      .filter((u) => (query.type ? u.type === query.type : true))
      .filter((u) => (query.remoteArea === undefined ? true : u.remoteArea === query.remoteArea))
      .filter((u) => (q ? foldAccents(u.name).includes(q) || u.nameAscii.toLowerCase().includes(q) : true))
      .map(toUnitView);
  }

  async get(code: string): Promise<AdministrativeUnitView> {
    const unit = (await this.all()).get(code);
    if (!unit) throw new NotFoundError('Commune', code);
    return toUnitView(unit);
  }

  async find(code: string): Promise<AdministrativeUnit | undefined> {
    return (await this.all()).get(code);
  }

  /** Codes from the list that are not communes of Gia Lai. */
  async unknownCodes(codes: string[]): Promise<string[]> {
    const all = await this.all();
    return [...new Set(codes)].filter((c) => !all.has(c));
  }

  async setRemoteArea(code: string, remoteArea: boolean, actorId: string): Promise<AdministrativeUnitView> {
    const unit = await dbManager(this.db).getRepository(AdministrativeUnit).findOneBy({ code });
    if (!unit) throw new NotFoundError('Commune', code);
    await this.db.transaction(async (m) => {
      await m.update(AdministrativeUnit, { code }, { remoteArea, updatedAt: this.clock.now() });
      await writeAudit(m, {
        actorId,
        entityType: 'administrative_unit',
        entityId: code,
        action: 'remote_area_changed',
        from: String(unit.remoteArea),
        to: String(remoteArea),
      });
    });
    this.cache = null;
    return this.get(code);
  }

  async setRemoteAreas(codes: string[], remoteArea: boolean): Promise<void> {
    if (!codes.length) return;
    await dbManager(this.db)
      .getRepository(AdministrativeUnit)
      .update({ code: In(codes) }, { remoteArea, updatedAt: this.clock.now() });
    this.cache = null;
  }

  /** Another process (or a test) changed the table. */
  invalidate(): void {
    this.cache = null;
  }
}
