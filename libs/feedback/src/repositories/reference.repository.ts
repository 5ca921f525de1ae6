import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { Agency, FeedbackCategory, SlaPolicy } from '../entities/reference.entities';

type ReferenceEntity = typeof FeedbackCategory | typeof Agency | typeof SlaPolicy;
type Row<E extends ReferenceEntity> = InstanceType<E>;

/** The managed lists of the context: categories, agencies, SLA policies (small tables read whole, in name order). */
@Injectable()
export class ReferenceRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  all<E extends ReferenceEntity>(entity: E): Promise<Array<Row<E>>> {
    return this.repo<Row<E>>(entity).find({ order: { name: 'ASC' } as never });
  }

  find<E extends ReferenceEntity>(entity: E, id: string): Promise<Row<E> | null> {
    return this.repo<Row<E>>(entity).findOneBy({ id } as never);
  }

  findByCode<E extends typeof FeedbackCategory | typeof Agency>(entity: E, code: string): Promise<Row<E> | null> {
    return this.repo<Row<E>>(entity).findOneBy({ code } as never);
  }

  /** The row locked until the unit of work commits (two edits of a policy are serialised: versions 2 then 3). */
  lock<E extends ReferenceEntity>(entity: E, id: string): Promise<Row<E> | null> {
    return this.repo<Row<E>>(entity).findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
  }

  async insert<E extends ReferenceEntity>(entity: E, row: Row<E>): Promise<void> {
    await this.repo<Row<E>>(entity).insert(row as never);
  }

  async update<E extends ReferenceEntity>(entity: E, id: string, changes: Partial<Row<E>>): Promise<void> {
    await this.repo<Row<E>>(entity).update({ id } as never, changes as never);
  }

  activePolicies(): Promise<SlaPolicy[]> {
    return this.repo(SlaPolicy).findBy({ active: true });
  }

  /** Changes whenever a policy is added or edited (every edit bumps its version): the policy cache's cheap check. */
  async policiesVersion(): Promise<string> {
    const [row] = (await this.manager.query(
      'SELECT COUNT(*) AS n, COALESCE(SUM(version), 0) AS v FROM sla_policies',
    )) as [{ n: number | string; v: number | string }];
    return `${row.n}:${row.v}`;
  }

  policyVersion(id: string): Promise<number | null> {
    return this.repo(SlaPolicy)
      .findOne({ select: { id: true, version: true }, where: { id } })
      .then((p) => p?.version ?? null);
  }
}
