import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, likePrefix } from '@hotline/core';
import { PostOffice } from '../post-office.entity';
import { PostOfficeServiceArea } from '../post-office-service-area.entity';

export interface PostOfficeFilter {
  communeCode?: string;
  /** Offices whose service area includes this commune. */
  serves?: string;
  active?: boolean;
  /** Part of the name or the code. */
  q?: string;
  /** The code the previous page ended with. */
  afterCode?: string;
  limit: number;
}

/** The fields of an office an admin (or a CSV line) sets. */
export type PostOfficeFields = Pick<
  PostOffice,
  'code' | 'name' | 'address' | 'communeCode' | 'lat' | 'lng' | 'phone' | 'openingHours' | 'dailyCapacity' | 'active'
>;

/** The post office aggregate: post_offices and their service areas (post_office_service_areas). */
@Injectable()
export class PostOfficesRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repo(PostOffice).countBy({ id })) > 0;
  }

  findById(id: string): Promise<PostOffice | null> {
    return this.repo(PostOffice).findOneBy({ id });
  }

  findByCode(code: string): Promise<PostOffice | null> {
    return this.repo(PostOffice).findOneBy({ code });
  }

  /** Ids of the offices with these codes, by lower-cased code (codes are unique whatever the case). */
  async idsByCode(codes: string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await this.repo(PostOffice).find({ where: { code: In(codes) }, select: ['id', 'code'] });
    return new Map(rows.map((o) => [o.code.toLowerCase(), o.id]));
  }

  /** One page in code order (limit + 1 rows: the extra one says there is a next page). */
  list(filter: PostOfficeFilter): Promise<PostOffice[]> {
    const qb = this.repo(PostOffice)
      .createQueryBuilder('o')
      .orderBy('o.code', 'ASC')
      .take(filter.limit + 1);
    if (filter.communeCode) qb.andWhere('o.commune_code = :cc', { cc: filter.communeCode });
    if (filter.active !== undefined) qb.andWhere('o.active = :active', { active: filter.active });
    if (filter.q) qb.andWhere('(o.name LIKE :q OR o.code LIKE :q)', { q: `%${likePrefix(filter.q)}` });
    if (filter.serves)
      qb.andWhere(
        'o.id IN (SELECT sa.post_office_id FROM post_office_service_areas sa WHERE sa.commune_code = :serves)',
        { serves: filter.serves },
      );
    if (filter.afterCode) qb.andWhere('o.code > :after', { after: filter.afterCode });
    return qb.getMany();
  }

  /** The communes each office serves. */
  async serviceAreas(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows = await this.repo(PostOfficeServiceArea).find({ where: { postOfficeId: In(ids) } });
    for (const r of rows) out.set(r.postOfficeId, [...(out.get(r.postOfficeId) ?? []), r.communeCode]);
    return out;
  }

  async insert(office: PostOffice, serviceArea: string[]): Promise<void> {
    await this.repo(PostOffice).insert(office);
    await this.insertArea(office.id, serviceArea);
  }

  /** Overwrites the office's fields and its whole service area. */
  async overwrite(id: string, fields: PostOfficeFields & { updatedAt: Date }, serviceArea: string[]): Promise<void> {
    await this.repo(PostOffice).update({ id }, { ...fields, version: () => 'version + 1' });
    await this.repo(PostOfficeServiceArea).delete({ postOfficeId: id });
    await this.insertArea(id, serviceArea);
  }

  private async insertArea(postOfficeId: string, communes: string[]): Promise<void> {
    if (!communes.length) return;
    await this.repo(PostOfficeServiceArea).insert(communes.map((communeCode) => ({ postOfficeId, communeCode })));
  }
}
