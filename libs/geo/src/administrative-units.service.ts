import { Injectable } from '@nestjs/common';
import { onePage } from '@hotline/contracts';
import type { AdministrativeUnitView, Page } from '@hotline/contracts';
import { Clock, NotFoundError, UnitOfWork, VersionedCache } from '@hotline/core';
import { AdministrativeUnit } from './administrative-unit.entity';
import type { ListUnitsQuery } from './geo.dto';
import { AdministrativeUnitsRepository } from './repositories/administrative-units.repository';

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

/** The units a list query asks for, in code order. */
export function filterUnits(units: Iterable<AdministrativeUnit>, query: ListUnitsQuery): AdministrativeUnit[] {
  const q = query.q ? foldAccents(query.q.trim()) : null;
  return [...units]
    .filter((u) => (query.type ? u.type === query.type : true))
    .filter((u) => (query.remoteArea === undefined ? true : u.remoteArea === query.remoteArea))
    .filter((u) => (q ? foldAccents(u.name).includes(q) || u.nameAscii.toLowerCase().includes(q) : true));
}

/** An edit in another process (another api instance, the seed, plain SQL) shows here within this time. */
export const UNITS_RECHECK_MS = 10_000;

/** The communes of Gia Lai. They change only by law; admins edit the remote-area flag. Read from an in-process copy. */
@Injectable()
export class AdministrativeUnitsService {
  private readonly cache: VersionedCache<'all', Map<string, AdministrativeUnit>>;

  constructor(
    private readonly units: AdministrativeUnitsRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {
    this.cache = new VersionedCache({
      recheckMs: UNITS_RECHECK_MS,
      version: () => this.units.version(),
      load: async () => new Map((await this.units.all()).map((u) => [u.code, u])),
    });
  }

  all(): Promise<Map<string, AdministrativeUnit>> {
    return this.cache.get('all');
  }

  /** The 135 communes fit in one page: nextCursor is always null. */
  async list(query: ListUnitsQuery): Promise<Page<AdministrativeUnitView>> {
    return onePage(filterUnits((await this.all()).values(), query).map(toUnitView));
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

  /** An admin flags or unflags a commune as a remote, ethnic-minority or especially difficult area. */
  async setRemoteArea(code: string, remoteArea: boolean, actorId: string): Promise<AdministrativeUnitView> {
    const saved = await this.uow.run(async (tx) => {
      const unit = await this.units.findByCode(code);
      if (!unit) throw new NotFoundError('Commune', code);
      const updatedAt = this.clock.now();
      await this.units.setRemoteArea([code], remoteArea, updatedAt);
      await tx.history({
        actorId,
        entityType: 'administrative_unit',
        entityId: code,
        action: 'remote_area_changed',
        from: String(unit.remoteArea),
        to: String(remoteArea),
      });
      return { ...unit, remoteArea, updatedAt };
    });
    this.cache.invalidate();
    // From the row written, not the cache: a concurrent reload may still be reading an older snapshot.
    return toUnitView(saved);
  }

  /** Seeding: flags many communes at once (no history: nobody decided it). */
  async setRemoteAreas(codes: string[], remoteArea: boolean): Promise<void> {
    await this.uow.run(() => this.units.setRemoteArea(codes, remoteArea, this.clock.now()));
    this.cache.invalidate();
  }

  /** Another process (or a test) changed the table: reload at the next read. */
  invalidate(): void {
    this.cache.invalidate();
  }
}
