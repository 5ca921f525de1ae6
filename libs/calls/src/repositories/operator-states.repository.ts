import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource } from 'typeorm';
import { BaseRepository, hydrate, selectList } from '@hotline/core';
import { OperatorState } from '../operator-state.entity';
import { OperatorStatusPeriod } from '../operator-status-period.entity';

/** Operators' current status (one row each) and the closed periods of their history. */
@Injectable()
export class OperatorStatesRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  find(userId: string): Promise<OperatorState | null> {
    return this.repo(OperatorState).findOneBy({ userId });
  }

  all(): Promise<OperatorState[]> {
    return this.repo(OperatorState).find({ order: { since: 'ASC' } });
  }

  /**
   * The operator's row, created `offline` if they have none yet, locked for a change: the insert and the locking read in
   * one round trip (a multi-statement query; in a unit of work, with the writes queued before it).
   */
  async lockOrCreate(userId: string, at: Date): Promise<OperatorState> {
    this.lockSql ??=
      'INSERT INTO `operator_states` (`user_id`, `status`, `since`, `reason`, `disconnected_at`, `version`) VALUES (?, ?, ?, NULL, NULL, 1) ON DUPLICATE KEY UPDATE `user_id` = `user_id`;\n' +
      `SELECT ${selectList(this.ds, OperatorState, 's', '')} FROM \`operator_states\` s WHERE s.\`user_id\` = ? FOR UPDATE`;
    const [, [row]] = (await this.manager.query(this.lockSql, [userId, 'offline', at, userId])) as [
      unknown,
      Array<Record<string, unknown>>,
    ];
    if (!row) throw new Error(`the status row of ${userId} was not found after its upsert`);
    return hydrate(this.ds, OperatorState, row, '');
  }

  private lockSql: string | undefined;

  /** For the row this transaction locked (lockOrCreate): sent with the transaction's next statement. */
  updateIfVersion(userId: string, version: number, changes: Partial<OperatorState>): Promise<void> {
    return this.updateDeferred(OperatorState, { ...changes, version: version + 1 }, { userId, version });
  }

  /** The last socket went away at `at` (the row is created `offline` for an operator never seen). */
  async markDisconnected(userId: string, at: Date): Promise<void> {
    await this.manager.query(
      'INSERT INTO `operator_states` (`user_id`, `status`, `since`, `reason`, `disconnected_at`, `version`) VALUES (?, ?, ?, NULL, ?, 1) ON DUPLICATE KEY UPDATE `disconnected_at` = VALUES(`disconnected_at`)',
      [userId, 'offline', at, at],
    );
  }

  async markConnected(userId: string): Promise<void> {
    await this.repo(OperatorState).update({ userId }, { disconnectedAt: null });
  }

  /** Rows with a pending timer: in wrap-up, or disconnected while not offline. */
  withTimers(): Promise<OperatorState[]> {
    return this.repo(OperatorState)
      .createQueryBuilder('s')
      .where("s.status = 'wrap_up'")
      .orWhere("s.disconnected_at IS NOT NULL AND s.status <> 'offline'")
      .getMany();
  }

  /** Sent with the transaction's next statement (its id made here, nothing branches on it). */
  insertPeriod(period: OperatorStatusPeriod): Promise<void> {
    return this.insertDeferred(OperatorStatusPeriod, [period]);
  }

  periods(filter: { userId?: string; from: Date; to: Date }, limit: number): Promise<OperatorStatusPeriod[]> {
    return this.repo(OperatorStatusPeriod).find({
      where: { ...(filter.userId ? { userId: filter.userId } : {}), startedAt: Between(filter.from, filter.to) },
      order: { startedAt: 'ASC' },
      take: limit,
    });
  }
}
