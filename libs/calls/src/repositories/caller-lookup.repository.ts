import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { BaseRepository } from '@hotline/core';
import { Call } from '../call.entity';
import { Callback } from '../callback.entity';
import { CitizenPhone } from '../citizen-phone.entity';
import { Citizen } from '../citizen.entity';

/** The screen-pop's columns of a previous call. */
const LAST_CALL_COLUMNS: Array<keyof Call> = [
  'id',
  'direction',
  'channel',
  'startedAt',
  'outcome',
  'topicId',
  'operatorId',
  'talkSeconds',
];

/**
 * The reads of the screen-pop (budget: 50 ms p95 with 1 M calls, see scripts/bench/calls.mjs), each one index range:
 * the number's citizen, their numbers, the last calls and the count of calls of these numbers, their open callback.
 */
@Injectable()
export class CallerLookupRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  phoneLink(e164: string): Promise<CitizenPhone | null> {
    return this.repo(CitizenPhone).findOneBy({ phone: e164 });
  }

  citizen(id: string): Promise<Citizen | null> {
    return this.repo(Citizen).findOneBy({ id });
  }

  /** Primary first, then oldest first. */
  phonesOf(citizenId: string): Promise<CitizenPhone[]> {
    return this.repo(CitizenPhone).find({ where: { citizenId }, order: { isPrimary: 'DESC', createdAt: 'ASC' } });
  }

  /** Newest first (ix_calls_phone_started). */
  lastCalls(phones: string[], take: number): Promise<Call[]> {
    return this.repo(Call).find({
      select: LAST_CALL_COLUMNS,
      where: { phone: In(phones) },
      order: { startedAt: 'DESC', id: 'DESC' },
      take,
    });
  }

  callCount(phones: string[]): Promise<number> {
    return this.repo(Call).countBy({ phone: In(phones) });
  }

  /** The open callback task of one of these numbers (ux_callbacks_open_phone). */
  async openCallbackId(phones: string[]): Promise<string | null> {
    const row = await this.repo(Callback).findOne({
      select: ['id'],
      where: { openPhone: In(phones), state: 'open', id: Not(IsNull()) },
    });
    return row?.id ?? null;
  }
}
