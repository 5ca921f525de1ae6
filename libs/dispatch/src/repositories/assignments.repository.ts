import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { type AssignmentState, OFFER_MACHINE } from '@hotline/contracts';
import { BaseRepository } from '@hotline/core';
import { BcciAssignment } from '../bcci-assignment.entity';

/** How a pending offer ends, and who ended it. */
export interface OfferEnd {
  state: Exclude<AssignmentState, 'pending'>;
  at: Date;
  actorId: string | null;
  reason?: string | null;
}

/** Offers of legs to offices. */
@Injectable()
export class AssignmentsRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  insert(assignment: BcciAssignment): Promise<void> {
    return this.insertDeferred(BcciAssignment, [assignment]);
  }

  find(id: string): Promise<BcciAssignment | null> {
    return this.repo(BcciAssignment).findOneBy({ id });
  }

  /** The pending offer of a leg (to one office when given). */
  pending(legId: string, officeId?: string | null): Promise<BcciAssignment | null> {
    return this.repo(BcciAssignment).findOneBy(
      officeId ? { legId, state: 'pending', officeId } : { legId, state: 'pending' },
    );
  }

  allPending(legId: string): Promise<BcciAssignment[]> {
    return this.repo(BcciAssignment).findBy({ legId, state: 'pending' });
  }

  /** Pending offers of these legs (the views' pendingOffer). */
  pendingOf(legIds: string[]): Promise<BcciAssignment[]> {
    return legIds.length
      ? this.repo(BcciAssignment).find({ where: { legId: In(legIds), state: 'pending' } })
      : Promise.resolve([]);
  }

  /** Every offer of these legs, oldest first. */
  ofLegs(legIds: string[]): Promise<BcciAssignment[]> {
    return legIds.length
      ? this.repo(BcciAssignment).find({ where: { legId: In(legIds) }, order: { createdAt: 'ASC' } })
      : Promise.resolve([]);
  }

  /** Ends one pending offer; false when it was not pending any more (answered, timed out: the other writer won). */
  async end(id: string, end: OfferEnd): Promise<boolean> {
    const res = await this.manager
      .createQueryBuilder()
      .update(BcciAssignment)
      .set({
        state: end.state,
        respondedAt: end.at,
        respondedById: end.actorId,
        ...(end.reason !== undefined ? { reason: end.reason } : {}),
      })
      .where('id = :id AND state = :pending', { id, pending: 'pending' })
      .execute();
    return !!res.affected;
  }

  /** Withdraws every pending offer of a leg (cancel). */
  async withdrawAll(legId: string, end: OfferEnd): Promise<void> {
    await this.repo(BcciAssignment).update(
      { legId, state: 'pending' },
      { state: end.state, respondedAt: end.at, respondedById: end.actorId, reason: end.reason ?? null },
    );
  }

  /** Offices whose offer of this leg ended (rejected, timed out, withdrawn): routing skips them. */
  async triedOffices(legId: string): Promise<string[]> {
    const rows = await this.repo(BcciAssignment).find({
      where: { legId, state: In([...OFFER_MACHINE.sets.ended]) },
      select: ['officeId'],
    });
    return rows.map((r) => r.officeId);
  }

  /** Offers counted against the offices' daily capacity since `since` (pending + accepted). */
  async loadSince(officeIds: string[], since: Date): Promise<Map<string, number>> {
    if (!officeIds.length) return new Map();
    const states = OFFER_MACHINE.sets.countsAgainstCapacity;
    const rows = (await this.manager.query(
      `SELECT office_id AS o, COUNT(*) AS n FROM bcci_assignments WHERE office_id IN (${officeIds.map(() => '?').join(',')}) AND created_at >= ? AND state IN (${states.map(() => '?').join(',')}) GROUP BY office_id`,
      [...officeIds, since, ...states],
    )) as Array<{ o: string; n: number | string }>;
    return new Map(rows.map((r) => [r.o, Number(r.n)]));
  }

  /** The reconciler's view: offers waiting for an answer before a deadline. */
  pendingWithDeadline(): Promise<Array<Pick<BcciAssignment, 'id' | 'deadlineAt'>>> {
    return this.repo(BcciAssignment)
      .find({ where: { state: 'pending' }, select: ['id', 'deadlineAt'] })
      .then((rows) => rows.filter((a) => a.deadlineAt));
  }
}
