import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import type { CallChannel, CallDirection, CallOutcome } from '@hotline/contracts';
import { CALL_MACHINE } from '@hotline/contracts';
import { BaseRepository, hydrate, type Keyset, selectList } from '@hotline/core';
import { Call } from '../call.entity';

/** The equality filters of the call log: each has an index ending in (started_at, id), the list's sort. */
export interface CallLogFilter {
  operatorId?: string;
  outcome?: CallOutcome;
  topicId?: string;
  citizenId?: string;
  phone?: string;
  direction?: CallDirection;
  channel?: CallChannel;
  from?: Date;
  to?: Date;
}

/** The first row of a PBX call, inserted by whichever of its events arrives first (its citizen: the number's). */
export type PbxCallSeed = Pick<
  Call,
  'id' | 'direction' | 'phone' | 'withheld' | 'line' | 'queue' | 'pbx' | 'externalId' | 'startedAt'
> & { at: Date };

/** The call of a PBX call id, locked, and the citizen its number belongs to now (null: nobody's, or no number). */
export interface LockedPbxCall {
  call: Call;
  numberCitizenId: string | null;
}

const CITIZEN_OF_NUMBER = '(SELECT citizen_id FROM citizen_phones WHERE phone = ?)';

const FILTER_COLUMNS: Array<[keyof CallLogFilter, string]> = [
  ['operatorId', 'operator_id'],
  ['outcome', 'outcome'],
  ['topicId', 'topic_id'],
  ['citizenId', 'citizen_id'],
  ['phone', 'phone'],
  ['direction', 'direction'],
  ['channel', 'channel'],
];

@Injectable()
export class CallsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  findById(id: string): Promise<Call | null> {
    return this.repo(Call).findOneBy({ id });
  }

  lockById(id: string): Promise<Call | null> {
    return this.repo(Call).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(call: Call): Promise<void> {
    await this.insertDeferred(Call, [call]);
  }

  /** A conditional update on the version read: false when somebody changed the call meanwhile. */
  async updateIfVersion(id: string, version: number, changes: Partial<Call>): Promise<boolean> {
    const res = await this.repo(Call).update({ id, version }, { ...changes, version: version + 1 });
    return !!res.affected;
  }

  /** For a row already locked by this transaction: sent with its next statement (see BaseRepository.updateDeferred). */
  update(id: string, changes: Partial<Call>): Promise<void> {
    return this.updateDeferred(Call, changes, { id });
  }

  /**
   * Keyset page over (started_at desc, id desc), `limit + 1` rows. The cursor predicate is written so that the optimizer sees
   * a plain range on started_at (core's `afterCursor` OR form hides it on the 1 M-row table, see scripts/bench/calls.mjs).
   */
  page(filter: CallLogFilter, limit: number, after: Keyset | null): Promise<Call[]> {
    const qb = this.repo(Call).createQueryBuilder('c');
    for (const [key, column] of FILTER_COLUMNS)
      if (filter[key] !== undefined) qb.andWhere(`c.${column} = :${key}`, { [key]: filter[key] });
    if (filter.from) qb.andWhere('c.started_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('c.started_at < :to', { to: filter.to });
    if (after)
      qb.andWhere('c.started_at <= :cAt AND (c.started_at < :cAt OR c.id < :cId)', { cAt: after.at, cId: after.id });
    return qb
      .orderBy('c.started_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  /** Calls ringing or in progress that started after `since`, newest first. */
  live(since: Date, limit: number): Promise<Call[]> {
    return this.repo(Call).find({
      where: CALL_MACHINE.sets.live.map((state) => ({ state, startedAt: MoreThan(since) })),
      order: { startedAt: 'DESC' },
      take: limit,
    });
  }

  /**
   * Creates the call of a PBX call id unless it exists (`INSERT … ON DUPLICATE KEY UPDATE id = id` on the unique
   * (pbx, external_id)), then locks it: the events of one call are serialised, whichever arrives first. One round trip
   * (the transaction's START TRANSACTION travels with it): the insert (the number's citizen read inside it), the locked
   * read and the number's citizen as one multi-statement query, with no builder.
   */
  async upsertAndLockPbxCall(seed: PbxCallSeed): Promise<LockedPbxCall> {
    this.lockSql ??=
      'INSERT INTO `calls` (`id`, `direction`, `channel`, `state`, `phone`, `withheld`, `line`, `queue`, `citizen_id`, `pbx`, `external_id`, `started_at`, `created_at`, `updated_at`, `version`) ' +
      `VALUES (?, ?, 'phone', 'ringing', ?, ?, ?, ?, ${CITIZEN_OF_NUMBER}, ?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE \`id\` = \`id\`;\n` +
      `SELECT ${selectList(this.ds, Call, 'c', '')} FROM \`calls\` c WHERE c.\`pbx\` = ? AND c.\`external_id\` = ? FOR UPDATE;\n` +
      // The number's citizen as a plain read apart (inside the locking read, its lock would take the number's row too).
      'SELECT `citizen_id` FROM `citizen_phones` WHERE `phone` = ?';
    const results = (await this.manager.query(this.lockSql, [
      seed.id,
      seed.direction,
      seed.phone,
      seed.withheld ? 1 : 0,
      seed.line,
      seed.queue,
      seed.phone,
      seed.pbx,
      seed.externalId,
      seed.startedAt,
      seed.at,
      seed.at,
      seed.pbx,
      seed.externalId,
      seed.phone,
    ])) as [unknown, Array<Record<string, unknown>>, Array<{ citizen_id: string }>];
    const [row] = results[1];
    if (!row) throw new Error(`the call ${seed.pbx}/${seed.externalId} was not found after its upsert`);
    return { call: hydrate(this.ds, Call, row, ''), numberCitizenId: results[2][0]?.citizen_id ?? null };
  }

  private lockSql: string | undefined;
}
