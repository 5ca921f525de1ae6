import type { AdministrativeUnit } from '../administrative-unit.entity';
import type { AdministrativeUnitsRepository } from '../repositories/administrative-units.repository';

type PublicOf<T> = { [K in keyof T]: T[K] };

export function unit(code: string, name: string, over: Partial<AdministrativeUnit> = {}): AdministrativeUnit {
  return {
    code,
    name,
    shortName: name.replace(/^(Phường|Xã) /, ''),
    nameAscii: name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D'),
    type: name.startsWith('Phường') ? 'ward' : 'commune',
    provinceCode: '52',
    lat: 13.98,
    lng: 108.0,
    areaKm2: null,
    minLat: 13.9,
    maxLat: 14.0,
    minLng: 107.9,
    maxLng: 108.1,
    remoteArea: false,
    updatedAt: new Date('2025-07-01T00:00:00Z'),
    ...over,
  };
}

/** AdministrativeUnitsRepository in memory; counts its reads, to test the cache. */
export class InMemoryAdministrativeUnitsRepository implements PublicOf<AdministrativeUnitsRepository> {
  readonly rows = new Map<string, AdministrativeUnit>();
  loads = 0;
  versionReads = 0;

  constructor(units: AdministrativeUnit[]) {
    for (const u of units) this.rows.set(u.code, { ...u });
  }

  async all(): Promise<AdministrativeUnit[]> {
    this.loads++;
    return [...this.rows.values()].sort((a, b) => a.code.localeCompare(b.code)).map((u) => ({ ...u }));
  }

  async findByCode(code: string): Promise<AdministrativeUnit | null> {
    const u = this.rows.get(code);
    return u ? { ...u } : null;
  }

  async version(): Promise<string> {
    this.versionReads++;
    return [...this.rows.values()].map((u) => `${u.code}${u.remoteArea}${u.updatedAt.getTime()}`).join();
  }

  async setRemoteArea(codes: string[], remoteArea: boolean, at: Date): Promise<void> {
    for (const c of codes) Object.assign(this.rows.get(c)!, { remoteArea, updatedAt: at });
  }
}
