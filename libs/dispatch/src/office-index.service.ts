import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OpeningHours } from '@hotline/contracts';
import { IndexedOffice, OfficeIndex } from './office-index';
import { dbManager } from '@hotline/core';

/**
 * Keeps the routing index of post offices in memory. Before each routing decision one cheap query reads a version stamp
 * of the offices (`MAX(updated_at)`, `COUNT(*)`, plus the service-area row count); the index is rebuilt only when the stamp
 * changed. Editing an office or its service area through the geo context bumps `updated_at`, so every worker sees an edit at
 * its next routing — no periodic refresh lag, no cross-process invalidation message. (It reads the geo tables read-only:
 * a bulk snapshot method on PostOfficesService would be the cleaner boundary.)
 */
@Injectable()
export class OfficeIndexService {
  private readonly logger = new Logger(OfficeIndexService.name);
  private index: OfficeIndex | null = null;
  private stamp = '';
  private building: Promise<OfficeIndex> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(): Promise<OfficeIndex> {
    const [row] = (await dbManager(this.db).query(
      'SELECT MAX(updated_at) AS m, COUNT(*) AS c, (SELECT COUNT(*) FROM post_office_service_areas) AS a FROM post_offices',
    )) as Array<{ m: Date | string | null; c: number | string; a: number | string }>;
    const stamp = `${row.m instanceof Date ? row.m.toISOString() : String(row.m)}|${row.c}|${row.a}`;
    if (this.index && stamp === this.stamp) return this.index;
    if (!this.building) {
      this.building = this.build()
        .then((index) => {
          this.index = index;
          this.stamp = stamp;
          return index;
        })
        .finally(() => (this.building = null));
    }
    return this.building;
  }

  private async build(): Promise<OfficeIndex> {
    const offices = (await dbManager(this.db).query(
      'SELECT id, lat, lng, active, daily_capacity, opening_hours FROM post_offices',
    )) as Array<{
      id: string;
      lat: string;
      lng: string;
      active: number;
      daily_capacity: number;
      opening_hours: string | OpeningHours;
    }>;
    const areas = (await dbManager(this.db).query(
      'SELECT post_office_id, commune_code FROM post_office_service_areas',
    )) as Array<{ post_office_id: string; commune_code: string }>;
    const serves = new Map<string, string[]>();
    for (const a of areas) {
      const list = serves.get(a.post_office_id);
      if (list) list.push(a.commune_code);
      else serves.set(a.post_office_id, [a.commune_code]);
    }
    const list: IndexedOffice[] = offices.map((o) => ({
      id: o.id,
      lat: Number(o.lat),
      lng: Number(o.lng),
      active: !!Number(o.active),
      dailyCapacity: Number(o.daily_capacity),
      openingHours:
        typeof o.opening_hours === 'string' ? (JSON.parse(o.opening_hours) as OpeningHours) : o.opening_hours,
      serves: serves.get(o.id) ?? [],
    }));
    this.logger.debug(`Office index rebuilt: ${list.length} offices`);
    return new OfficeIndex(list);
  }
}
