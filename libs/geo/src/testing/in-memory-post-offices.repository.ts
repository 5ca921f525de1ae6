import type { PostOffice } from '../post-office.entity';
import type {
  PostOfficeFields,
  PostOfficeFilter,
  PostOfficesRepository,
} from '../repositories/post-offices.repository';

type PublicOf<T> = { [K in keyof T]: T[K] };

/** PostOfficesRepository in memory. */
export class InMemoryPostOfficesRepository implements PublicOf<PostOfficesRepository> {
  readonly rows = new Map<string, PostOffice>();
  readonly areas = new Map<string, string[]>();

  async exists(id: string): Promise<boolean> {
    return this.rows.has(id);
  }

  async findById(id: string): Promise<PostOffice | null> {
    const o = this.rows.get(id);
    return o ? { ...o } : null;
  }

  async findByCode(code: string): Promise<PostOffice | null> {
    return [...this.rows.values()].find((o) => o.code.toLowerCase() === code.toLowerCase()) ?? null;
  }

  async idsByCode(codes: string[]): Promise<Map<string, string>> {
    const wanted = new Set(codes.map((c) => c.toLowerCase()));
    const found = [...this.rows.values()].filter((o) => wanted.has(o.code.toLowerCase()));
    return new Map(found.map((o) => [o.code.toLowerCase(), o.id]));
  }

  async list(filter: PostOfficeFilter): Promise<PostOffice[]> {
    return [...this.rows.values()]
      .filter((o) => !filter.afterCode || o.code > filter.afterCode)
      .filter((o) => !filter.q || o.name.includes(filter.q) || o.code.includes(filter.q))
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, filter.limit + 1);
  }

  async serviceAreas(ids: string[]): Promise<Map<string, string[]>> {
    return new Map(ids.filter((id) => this.areas.has(id)).map((id) => [id, [...this.areas.get(id)!]]));
  }

  async insert(office: PostOffice, serviceArea: string[]): Promise<void> {
    this.rows.set(office.id, { ...office });
    this.areas.set(office.id, [...serviceArea]);
  }

  async overwrite(id: string, fields: PostOfficeFields & { updatedAt: Date }, serviceArea: string[]): Promise<void> {
    const o = this.rows.get(id)!;
    this.rows.set(id, { ...o, ...fields, version: o.version + 1 });
    this.areas.set(id, [...serviceArea]);
  }
}
