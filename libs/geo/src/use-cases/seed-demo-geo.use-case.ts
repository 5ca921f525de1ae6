import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@hotline/core';
import type { AdministrativeUnit } from '../administrative-unit.entity';
import { AdministrativeUnitsService } from '../administrative-units.service';
import { DEFAULT_OPENING_HOURS } from '../opening-hours';
import type { CleanOfficeInput } from '../post-office-input';
import { PostOfficeWriter } from '../post-office-writer';
import { PostOfficesRepository } from '../repositories/post-offices.repository';

const toRad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km. */
export function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const h =
    Math.sin(toRad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lng - a.lng) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** The demo office of a commune: at its centroid, serving it and its 3 nearest neighbours (a rejected leg can re-route). */
export function demoOffice(unit: AdministrativeUnit, all: AdministrativeUnit[]): CleanOfficeInput {
  const here = { lat: Number(unit.lat), lng: Number(unit.lng) };
  const neighbours = all
    .filter((u) => u.code !== unit.code)
    .map((u) => ({ code: u.code, d: km({ lat: Number(u.lat), lng: Number(u.lng) }, here) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((p) => p.code);
  return {
    code: `DEMO-${unit.code}`,
    name: `[DEMO] Bưu điện ${unit.name}`,
    address: `Trung tâm ${unit.name} (dữ liệu minh họa)`,
    communeCode: unit.code,
    ...here,
    phone: null,
    openingHours: DEFAULT_OPENING_HOURS,
    dailyCapacity: 50,
    active: true,
    serviceArea: [unit.code, ...neighbours],
  };
}

/**
 * Demo highland communes flagged as remote/ethnic-minority areas: Jarai and Bahnar place names of the former Gia Lai
 * plus the mountain communes of former An Lão, Vĩnh Thạnh, Vân Canh. An approximation for the demo only: the admin
 * applies the official list (e.g. Decision 861/QĐ-TTg and its successors) in production.
 */
export const DEMO_REMOTE_NAME =
  /^(Ia |Kon |Krông|Chư |Đak |Đăk |Kbang|KDang|Ya |Ayun|SRó|Hra|Lơ Pang|Bờ Ngoong|Al Bá|Uar|Pờ Tó|Mang Yang|Đak Sơmei|Tơ Tung|Kông|An Toàn|Vĩnh Sơn|Vĩnh Kim|Canh Liên|An Vinh|Chơ Long|Đak Pơ)/i;

/**
 * The geo part of the demo. No public list of Gia Lai's post offices exists: one office per commune (a commune post office
 * exists in nearly every commune), labelled as demo data, until an admin imports the real ones; and the demo's remote
 * communes flagged. Run once (the caller keeps a marker: the flags would undo an admin's edits); offices are idempotent.
 */
@Injectable()
export class SeedDemoGeoUseCase {
  constructor(
    private readonly units: AdministrativeUnitsService,
    private readonly offices: PostOfficesRepository,
    private readonly writer: PostOfficeWriter,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(): Promise<{ offices: number; remoteAreas: number }> {
    const units = [...(await this.units.all()).values()];
    return this.uow.run(async () => {
      const existing = await this.offices.idsByCode(units.map((u) => `DEMO-${u.code}`));
      const missing = units.filter((u) => !existing.has(`demo-${u.code}`));
      for (const unit of missing) await this.writer.create(demoOffice(unit, units), { actorId: null, isDemo: true });
      const remote = units.filter((u) => DEMO_REMOTE_NAME.test(u.shortName)).map((u) => u.code);
      await this.units.setRemoteAreas(remote, true);
      return { offices: missing.length, remoteAreas: remote.length };
    });
  }
}
