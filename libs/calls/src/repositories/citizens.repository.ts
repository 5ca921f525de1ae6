import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BaseRepository, likePrefix } from '@hotline/core';
import { CitizenPhone } from '../citizen-phone.entity';
import { Citizen } from '../citizen.entity';
import { citizenByPhoneSql, citizenFromRows } from './citizen-by-phone';

/** Citizens and their numbers (`citizen_phones`: one E.164 number belongs to one citizen). */
@Injectable()
export class CitizensRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  findById(id: string): Promise<Citizen | null> {
    return this.repo(Citizen).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Citizen[]> {
    return ids.length ? this.repo(Citizen).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Ids of the citizens whose name starts with `prefix` (case and accents ignored by the collation; ix_citizens_name). */
  async idsByNamePrefix(prefix: string, limit: number): Promise<string[]> {
    const rows = await this.repo(Citizen)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.full_name LIKE :prefix', { prefix: likePrefix(prefix) })
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.repo(Citizen).countBy({ id })) > 0;
  }

  /** The link of a number to its citizen, if any. */
  phoneLink(e164: string): Promise<CitizenPhone | null> {
    return this.repo(CitizenPhone).findOneBy({ phone: e164 });
  }

  /**
   * The citizen of a number with all of its numbers (primary first, then oldest), in one read: the intake's hot path
   * (a ticket, a call) needs the whole view and used to take three.
   */
  async byPhoneWithPhones(
    e164: string,
    { lock = false } = {},
  ): Promise<{ citizen: Citizen; phones: CitizenPhone[] } | null> {
    // A locking read sees the latest committed rows (a plain one, the transaction's snapshot).
    const sql = citizenByPhoneSql(this.ds) + (lock ? ' LOCK IN SHARE MODE' : '');
    return citizenFromRows(this.ds, (await this.manager.query(sql, [e164])) as Array<Record<string, unknown>>);
  }

  /** Only the citizen id of a number: one primary-key read (the hot path of creating a BCCI request). */
  async citizenIdOf(e164: string): Promise<string | null> {
    const [row] = (await this.manager.query(
      'SELECT citizen_id AS citizenId FROM citizen_phones WHERE phone = ? LIMIT 1',
      [e164],
    )) as Array<{ citizenId: string }>;
    return row?.citizenId ?? null;
  }

  /** The numbers of these citizens, primary first then oldest first. */
  phonesOf(citizenIds: string[]): Promise<CitizenPhone[]> {
    if (!citizenIds.length) return Promise.resolve([]);
    return this.repo(CitizenPhone).find({
      where: { citizenId: In(citizenIds) },
      order: { isPrimary: 'DESC', createdAt: 'ASC' },
    });
  }

  /** A citizen's numbers, oldest first, locked for a change of the set (remove, promote). */
  lockPhones(citizenId: string): Promise<CitizenPhone[]> {
    return this.repo(CitizenPhone).find({
      where: { citizenId },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insert(citizen: Citizen): Promise<void> {
    await this.repo(Citizen).insert(citizen);
  }

  async insertPhone(phone: CitizenPhone): Promise<void> {
    await this.repo(CitizenPhone).insert(phone);
  }

  /** False when the number already belongs to somebody (a concurrent intake won); the transaction goes on. */
  async insertPhoneUnlessTaken(phone: CitizenPhone): Promise<boolean> {
    try {
      await this.repo(CitizenPhone).insert(phone);
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === 'ER_DUP_ENTRY') return false;
      throw err;
    }
  }

  /** Removes a citizen row this transaction has just inserted (its numbers go with it). */
  async remove(id: string): Promise<void> {
    await this.repo(Citizen).delete({ id });
  }

  async update(id: string, changes: Partial<Citizen>, at: Date): Promise<void> {
    await this.repo(Citizen).update({ id }, { ...changes, updatedAt: at, version: () => 'version + 1' });
  }

  async deletePhone(e164: string): Promise<void> {
    await this.repo(CitizenPhone).delete({ phone: e164 });
  }

  async makePrimary(e164: string): Promise<void> {
    await this.repo(CitizenPhone).update({ phone: e164 }, { isPrimary: true });
  }
}
