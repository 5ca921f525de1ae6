import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OpeningHours } from '@hotline/contracts';
import { BaseRepository } from '@hotline/core';
import type { IndexedOffice } from '../office-index';

/**
 * What routing needs of the post offices, read-only from the geo context's tables (a bulk snapshot method on
 * PostOfficesService would be the cleaner boundary): a cheap version stamp, and every office with its served communes.
 */
@Injectable()
export class OfficeSnapshotRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  /** MAX(updated_at), COUNT(*) of the offices and the service-area row count: geo's edits bump updated_at. */
  async stamp(): Promise<string> {
    const [row] = (await this.manager.query(
      'SELECT MAX(updated_at) AS m, COUNT(*) AS c, (SELECT COUNT(*) FROM post_office_service_areas) AS a FROM post_offices',
    )) as Array<{ m: Date | string | null; c: number | string; a: number | string }>;
    return `${row.m instanceof Date ? row.m.toISOString() : String(row.m)}|${row.c}|${row.a}`;
  }

  async offices(): Promise<IndexedOffice[]> {
    const offices = (await this.manager.query(
      'SELECT id, lat, lng, active, daily_capacity, opening_hours FROM post_offices',
    )) as Array<{
      id: string;
      lat: string;
      lng: string;
      active: number;
      daily_capacity: number;
      opening_hours: string | OpeningHours;
    }>;
    const areas = (await this.manager.query(
      'SELECT post_office_id, commune_code FROM post_office_service_areas',
    )) as Array<{ post_office_id: string; commune_code: string }>;
    const serves = new Map<string, string[]>();
    for (const a of areas) {
      const list = serves.get(a.post_office_id);
      if (list) list.push(a.commune_code);
      else serves.set(a.post_office_id, [a.commune_code]);
    }
    return offices.map((o) => ({
      id: o.id,
      lat: Number(o.lat),
      lng: Number(o.lng),
      active: !!Number(o.active),
      dailyCapacity: Number(o.daily_capacity),
      openingHours:
        typeof o.opening_hours === 'string' ? (JSON.parse(o.opening_hours) as OpeningHours) : o.opening_hours,
      serves: serves.get(o.id) ?? [],
    }));
  }
}
