import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CallbackState } from '@hotline/contracts';
import { BaseRepository, type Keyset } from '@hotline/core';
import { CallbackAttempt } from '../callback-attempt.entity';
import { Callback } from '../callback.entity';

export interface CallbackBacklogRow {
  open: number;
  unassigned: number;
  oldest: Date | null;
  /** Open tasks created after each of these instants. */
  newerThan: [number, number, number];
}

/** Callback tasks and their attempts (one aggregate). */
@Injectable()
export class CallbacksRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  findById(id: string): Promise<Callback | null> {
    return this.repo(Callback).findOneBy({ id });
  }

  lockById(id: string): Promise<Callback | null> {
    return this.repo(Callback).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repo(Callback).countBy({ id })) > 0;
  }

  /**
   * Oldest first, keyset over (created_at asc, id asc) on `ix_callbacks_state_created` (InnoDB appends the id); `limit + 1`
   * rows (the extra one says there is a next page).
   */
  page(
    filter: { state: CallbackState; assigneeId?: string },
    limit: number,
    after: Keyset | null,
  ): Promise<Callback[]> {
    const qb = this.repo(Callback).createQueryBuilder('cb').where('cb.state = :state', { state: filter.state });
    if (filter.assigneeId) qb.andWhere('cb.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (after)
      qb.andWhere('cb.created_at >= :cAt AND (cb.created_at > :cAt OR cb.id > :cId)', { cAt: after.at, cId: after.id });
    return qb
      .orderBy('cb.created_at', 'ASC')
      .addOrderBy('cb.id', 'ASC')
      .limit(limit + 1)
      .getMany();
  }

  openOfSourceCall(callId: string): Promise<Callback | null> {
    return this.repo(Callback).findOneBy({ sourceCallId: callId, state: 'open' });
  }

  /**
   * The open task of this number, created or bumped: the unique `open_phone` makes two concurrent missed calls from one
   * number meet on the same row.
   */
  async openOrBump(input: {
    id: string;
    phone: string;
    citizenId: string | null;
    callId: string;
    at: Date;
  }): Promise<Callback> {
    await this.manager.query(
      'INSERT INTO `callbacks` (`id`, `phone`, `open_phone`, `citizen_id`, `state`, `source_call_id`, `missed_count`, `assignee_id`, `attempts`, `created_at`, `updated_at`, `version`) ' +
        "VALUES (?, ?, ?, ?, 'open', ?, 1, NULL, 0, ?, ?, 1) " +
        'ON DUPLICATE KEY UPDATE `missed_count` = `missed_count` + 1, `updated_at` = VALUES(`updated_at`), `version` = `version` + 1',
      [input.id, input.phone, input.phone, input.citizenId, input.callId, input.at, input.at],
    );
    return this.repo(Callback).findOneByOrFail({ openPhone: input.phone });
  }

  /** A conditional update on the version read: false when somebody changed the task meanwhile. */
  async updateIfVersion(id: string, version: number, changes: Partial<Callback>): Promise<boolean> {
    const res = await this.repo(Callback).update({ id, version }, { ...changes, version: version + 1 });
    return !!res.affected;
  }

  async backlog(newerThan: [Date, Date, Date]): Promise<CallbackBacklogRow> {
    const [r] = (await this.manager.query(
      "SELECT COUNT(*) AS `open`, SUM(`assignee_id` IS NULL) AS `unassigned`, MIN(`created_at`) AS `oldest`, SUM(`created_at` > ? ) AS `lt15`, SUM(`created_at` > ?) AS `lt60`, SUM(`created_at` > ?) AS `lt240` FROM `callbacks` WHERE `state` = 'open'",
      newerThan,
    )) as Array<Record<'open' | 'unassigned' | 'lt15' | 'lt60' | 'lt240', string | null> & { oldest: Date | null }>;
    return {
      open: Number(r.open),
      unassigned: Number(r.unassigned ?? 0),
      oldest: r.oldest ? new Date(r.oldest) : null,
      newerThan: [Number(r.lt15 ?? 0), Number(r.lt60 ?? 0), Number(r.lt240 ?? 0)],
    };
  }

  async insertAttempt(attempt: CallbackAttempt): Promise<void> {
    await this.repo(CallbackAttempt).insert(attempt);
  }

  attemptsOf(callbackId: string): Promise<CallbackAttempt[]> {
    return this.repo(CallbackAttempt).find({ where: { callbackId }, order: { at: 'ASC' } });
  }
}
