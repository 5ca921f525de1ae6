import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { LEG_MACHINE, type BcciOption, type LegState } from '@hotline/contracts';
import { BaseRepository, likePrefix, type Keyset } from '@hotline/core';
import { BcciRequest } from '../bcci-request.entity';

export interface RequestListFilter {
  createdById?: string;
  option?: BcciOption;
  citizenId?: string;
  /** E.164. */
  phone?: string;
  /** Start of the request code or of the dossier code. */
  q?: string;
  state?: LegState;
  from?: Date | null;
  to?: Date | null;
  after?: Keyset | null;
  take: number;
}

/** What the citizen's screen-pop shows of their requests. */
export interface CitizenRequestRow {
  id: string;
  code: string;
  procedureName: string;
  createdAt: Date;
  openLegs: number;
  state: string | null;
}

export type RequestSummaryRow = Pick<
  BcciRequest,
  | 'id'
  | 'code'
  | 'dossierCode'
  | 'procedureName'
  | 'field'
  | 'agency'
  | 'serviceLevel'
  | 'contactName'
  | 'citizenPhone'
  | 'notes'
  | 'createdById'
>;

/** BCCI requests. */
@Injectable()
export class RequestsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  insert(request: BcciRequest): Promise<void> {
    return this.insertDeferred(BcciRequest, [request]);
  }

  find(id: string): Promise<BcciRequest | null> {
    return this.repo(BcciRequest).findOneBy({ id });
  }

  /** The request's code and creator (what leg events need). */
  async ref(id: string): Promise<{ requestCode: string; createdById: string }> {
    const r = await this.repo(BcciRequest).findOneOrFail({ where: { id }, select: ['code', 'createdById'] });
    return { requestCode: r.code, createdById: r.createdById };
  }

  findByCode(code: string): Promise<BcciRequest | null> {
    return this.repo(BcciRequest).findOneBy({ code });
  }

  /** What the office handling a leg needs of its request (and its code and creator, for events). */
  summaries(ids: string[]): Promise<RequestSummaryRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(BcciRequest).find({
      where: { id: In([...new Set(ids)]) },
      select: [
        'id',
        'code',
        'dossierCode',
        'procedureName',
        'field',
        'agency',
        'serviceLevel',
        'contactName',
        'citizenPhone',
        'notes',
        'createdById',
      ],
    });
  }

  /** Newest first (keyset over created_at desc, id desc). */
  list(f: RequestListFilter): Promise<BcciRequest[]> {
    const qb = this.repo(BcciRequest).createQueryBuilder('r');
    if (f.createdById) qb.andWhere('r.created_by_id = :me', { me: f.createdById });
    if (f.option) qb.andWhere('r.option = :option', { option: f.option });
    if (f.citizenId) qb.andWhere('r.citizen_id = :citizenId', { citizenId: f.citizenId });
    if (f.phone) qb.andWhere('r.citizen_phone = :phone', { phone: f.phone });
    if (f.q) qb.andWhere('(r.code LIKE :q OR r.dossier_code LIKE :q)', { q: likePrefix(f.q) });
    if (f.state)
      qb.andWhere('EXISTS (SELECT 1 FROM bcci_legs sl WHERE sl.request_id = r.id AND sl.state = :state)', {
        state: f.state,
      });
    if (f.from) qb.andWhere('r.created_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('r.created_at < :to', { to: f.to });
    // A plain range on created_at for the optimizer, then the id tie-break.
    if (f.after)
      qb.andWhere('r.created_at <= :cAt AND (r.created_at < :cAt OR r.id < :cId)', {
        cAt: f.after.at,
        cId: f.after.id,
      });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(f.take).getMany();
  }

  /** A citizen's latest requests with their count of unfinished legs. Index-only (ix_bcci_requests_citizen, ix_bcci_legs_request). */
  async ofCitizen(citizenId: string, limit: number): Promise<CitizenRequestRow[]> {
    const { sql, params, rows } = this.ofCitizenStatement({ sql: '?', params: [citizenId] }, limit);
    return rows(await this.manager.query(sql, params));
  }

  /**
   * `ofCitizen` as a statement to send with other reads (the screen-pop's round): `citizenId` is a scalar SQL expression
   * with its parameters, `rows` maps what the statement answered.
   */
  ofCitizenStatement(
    citizenId: { sql: string; params: unknown[] },
    limit: number,
  ): { sql: string; params: unknown[]; rows: (raw: Array<Record<string, unknown>>) => CitizenRequestRow[] } {
    return {
      sql: `SELECT r.id, r.code, r.procedure_name, r.created_at,
              (SELECT COUNT(*) FROM bcci_legs l WHERE l.request_id = r.id AND l.state NOT IN (?)) AS open_legs,
              (SELECT l.state FROM bcci_legs l WHERE l.request_id = r.id ORDER BY l.updated_at DESC LIMIT 1) AS state
         FROM bcci_requests r WHERE r.citizen_id = ${citizenId.sql} ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
      params: [[...LEG_MACHINE.sets.finished], ...citizenId.params, limit],
      rows: (raw) =>
        raw.map((r) => ({
          id: r.id as string,
          code: r.code as string,
          procedureName: r.procedure_name as string,
          createdAt: new Date(r.created_at as Date),
          openLegs: Number(r.open_legs),
          state: r.state as string | null,
        })),
    };
  }
}
