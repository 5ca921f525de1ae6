import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { LEG_MACHINE, type LegState } from '@hotline/contracts';
import { afterCursor, BaseRepository, plainFindOne, plainUpdate, type Keyset } from '@hotline/core';
import { BcciLeg } from '../bcci-leg.entity';

export interface LegListFilter {
  officeId?: string | null;
  state?: LegState;
  active?: boolean;
  unremitted?: boolean;
  after?: Keyset | null;
  /** Rows to read (the page's limit + 1). */
  take: number;
}

/** The state change of one leg: conditional on the state and version read (and the routing attempt when given). */
export interface LegStateUpdate {
  leg: Pick<BcciLeg, 'id' | 'state' | 'version'>;
  to: LegState;
  at: Date;
  changes?: Partial<BcciLeg>;
  routingAttempt?: number;
}

const UNREMITTED = 'l.fee_collected > 0 AND l.remittance_id IS NULL';

/** The legs table: reads scoped by office, the conditional state change, the remittance marks. */
@Injectable()
export class LegsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  insertMany(legs: BcciLeg[]): Promise<void> {
    return this.insertDeferred(BcciLeg, legs);
  }

  /** The leg, scoped to an office inside the query when `officeId` is given (another office's leg is "not found"). */
  find(id: string, officeId?: string | null): Promise<BcciLeg | null> {
    // Every leg command and the routing job start here: a fixed statement instead of TypeORM's select builder.
    return plainFindOne(this.manager, BcciLeg, officeId ? { id, officeId } : { id });
  }

  findByRequests(requestIds: string[]): Promise<BcciLeg[]> {
    return requestIds.length ? this.repo(BcciLeg).findBy({ requestId: In(requestIds) }) : Promise.resolve([]);
  }

  /** Newest change first (keyset over updated_at desc, id desc). */
  list(f: LegListFilter): Promise<BcciLeg[]> {
    const qb = this.repo(BcciLeg)
      .createQueryBuilder('l')
      .orderBy('l.updated_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(f.take);
    if (f.officeId) qb.andWhere('l.office_id = :officeId', { officeId: f.officeId });
    if (f.state) qb.andWhere('l.state = :state', { state: f.state });
    if (f.active) qb.andWhere('l.state IN (:...active)', { active: [...LEG_MACHINE.sets.active] });
    if (f.unremitted) qb.andWhere(UNREMITTED);
    if (f.after) {
      const c = afterCursor(f.after, 'l.updated_at', 'l.id');
      qb.andWhere(c.sql, c.params);
    }
    return qb.getMany();
  }

  /** Returns false when the leg changed meanwhile (another writer won). Version + 1 with every change. */
  async updateState(u: LegStateUpdate): Promise<boolean> {
    const changed = await plainUpdate(
      this.manager,
      BcciLeg,
      { ...(u.changes ?? {}), state: u.to, updatedAt: u.at },
      { id: u.leg.id, state: u.leg.state, version: u.leg.version, routingAttempt: u.routingAttempt },
    );
    return changed > 0;
  }

  /** Routing waits for the next opening: only while the leg is still routing in this attempt. */
  async setRouteAfter(legId: string, attempt: number, at: Date): Promise<boolean> {
    const res = await this.repo(BcciLeg).update(
      { id: legId, state: 'routing', routingAttempt: attempt },
      { routeAfter: at },
    );
    return !!res.affected;
  }

  /** The reconciler's view: legs waiting for routing, and unfinished legs (their overdue timers). */
  routingLegs(): Promise<Array<Pick<BcciLeg, 'id' | 'routingAttempt' | 'routeAfter' | 'remoteArea'>>> {
    return this.repo(BcciLeg).find({
      where: { state: 'routing' },
      select: ['id', 'routingAttempt', 'routeAfter', 'remoteArea'],
    });
  }

  unfinishedLegs(): Promise<Array<Pick<BcciLeg, 'id' | 'dueAt'>>> {
    return this.repo(BcciLeg).find({
      where: { state: Not(In([...LEG_MACHINE.sets.finished])) as never },
      select: ['id', 'dueAt'],
    });
  }

  /** The legs of a remittance, locked until the batch commits (two batches cannot take the same fee). */
  lockForRemittance(ids: string[], officeId: string): Promise<BcciLeg[]> {
    return this.repo(BcciLeg).find({ where: { id: In(ids), officeId }, lock: { mode: 'pessimistic_write' } });
  }

  async markRemitted(ids: string[], remittanceId: string): Promise<void> {
    await this.repo(BcciLeg).update({ id: In(ids), remittanceId: IsNull() }, { remittanceId });
  }

  /** Collected and not remitted, per office. */
  async unremittedByOffice(
    officeId: string | null,
  ): Promise<Array<{ officeId: string; legs: number; amount: number }>> {
    const rows = (await this.manager.query(
      `SELECT office_id AS officeId, COUNT(*) AS legs, SUM(fee_collected) AS amount FROM bcci_legs
        WHERE fee_collected > 0 AND remittance_id IS NULL AND office_id IS NOT NULL ${officeId ? 'AND office_id = ?' : ''} GROUP BY office_id ORDER BY amount DESC`,
      officeId ? [officeId] : [],
    )) as Array<{ officeId: string; legs: string | number; amount: string | number }>;
    return rows.map((r) => ({ officeId: r.officeId, legs: Number(r.legs), amount: Number(r.amount) }));
  }

  /** The legs of the collected-not-remitted report, by office then oldest change first. */
  unremittedLegs(officeId: string | null): Promise<BcciLeg[]> {
    return this.repo(BcciLeg)
      .createQueryBuilder('l')
      .where(`${UNREMITTED} AND l.office_id IS NOT NULL`)
      .andWhere(officeId ? 'l.office_id = :officeId' : '1=1', { officeId })
      .orderBy('l.office_id')
      .addOrderBy('l.updated_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .getMany();
  }
}
