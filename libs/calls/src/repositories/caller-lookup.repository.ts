import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CallChannel, CallDirection, CallOutcome } from '@hotline/contracts';
import { BaseRepository } from '@hotline/core';
import type { Call } from '../call.entity';
import { CitizenPhone } from '../citizen-phone.entity';
import { Citizen } from '../citizen.entity';
import { citizenByPhoneSql, citizenFromRows } from './citizen-by-phone';

/** The screen-pop's columns of a previous call. */
export type LastCall = Pick<
  Call,
  'id' | 'direction' | 'channel' | 'startedAt' | 'outcome' | 'topicId' | 'operatorId' | 'talkSeconds'
>;

/** A statement sent with the screen-pop's own reads (a history section of another context, see CitizenHistoryRegistry). */
export interface SideStatement {
  sql: string;
  params: unknown[];
}

/** The calls of a set of numbers: the last ones, how many, the open callback. */
export interface CallsOfNumbers {
  lastCalls: LastCall[];
  callCount: number;
  openCallbackId: string | null;
}

export interface FirstRound extends CallsOfNumbers {
  /** The number's citizen with all of their numbers (primary first, then oldest), or null. */
  citizen: { row: Citizen; phones: CitizenPhone[] } | null;
  /** The rows of each side statement, in order. */
  side: Array<Array<Record<string, unknown>>>;
}

type Row = Record<string, unknown>;

const LAST_CALLS_SQL = (phones: string) =>
  'SELECT id, direction, channel, started_at, outcome, topic_id, operator_id, talk_seconds FROM calls ' +
  `WHERE phone ${phones} ORDER BY started_at DESC, id DESC LIMIT ?`;
const COUNT_SQL = (phones: string) => `SELECT COUNT(*) AS n FROM calls WHERE phone ${phones}`;
const OPEN_CALLBACK_SQL = (phones: string) =>
  `SELECT id FROM callbacks WHERE open_phone ${phones} AND state = 'open' LIMIT 1`;

const lastCallOf = (r: Row): LastCall => ({
  id: r.id as string,
  direction: r.direction as CallDirection,
  channel: r.channel as CallChannel,
  startedAt: new Date(r.started_at as Date),
  outcome: (r.outcome as CallOutcome | null) ?? null,
  topicId: (r.topic_id as string | null) ?? null,
  operatorId: (r.operator_id as string | null) ?? null,
  talkSeconds: r.talk_seconds === null || r.talk_seconds === undefined ? null : Number(r.talk_seconds),
});

/**
 * The reads of the screen-pop (budget: 5 ms p95 over HTTP with 1 M calls, see scripts/bench/calls.mjs), each one index
 * range, sent together: one multi-statement query on one connection is one round trip, where four parallel queries took
 * four connections from the pool and as many round trips' worth of CPU (packets, parsing, TypeORM's find builders).
 */
@Injectable()
export class CallerLookupRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  /** SQL of the citizen id of a number (NULL when nobody has it), for statements sent in the same round. */
  citizenIdOf(e164: string): SideStatement {
    return { sql: '(SELECT citizen_id FROM citizen_phones WHERE phone = ?)', params: [e164] };
  }

  /**
   * The citizen of the number with all of their numbers (ix: primary key, ix_citizen_phones_citizen), the number's last
   * calls and call count (ix_calls_phone_started), its open callback (ux_callbacks_open_phone), then the side statements.
   */
  async firstRound(e164: string, take: number, side: readonly SideStatement[]): Promise<FirstRound> {
    const sql = [citizenByPhoneSql(this.ds), LAST_CALLS_SQL('= ?'), COUNT_SQL('= ?'), OPEN_CALLBACK_SQL('= ?')]
      .concat(side.map((s) => s.sql))
      .join(';\n');
    const params = [e164, e164, take, e164, e164, ...side.flatMap((s) => s.params)];
    const [citizenRows, ...rest] = (await this.manager.query(sql, params)) as Row[][];
    return {
      citizen: toFound(citizenFromRows(this.ds, citizenRows)),
      ...callsOf(rest),
      side: rest.slice(3),
    };
  }

  /** The same three reads for several numbers (a citizen with more than one), in one round trip. */
  async callsOfNumbers(phones: string[], take: number): Promise<CallsOfNumbers> {
    const sql = [LAST_CALLS_SQL('IN (?)'), COUNT_SQL('IN (?)'), OPEN_CALLBACK_SQL('IN (?)')].join(';\n');
    return callsOf((await this.manager.query(sql, [phones, take, phones, phones])) as Row[][]);
  }
}

function callsOf([last, count, callback]: Row[][]): CallsOfNumbers {
  return {
    lastCalls: last.map(lastCallOf),
    callCount: Number(count[0]?.n ?? 0),
    openCallbackId: (callback[0]?.id as string | undefined) ?? null,
  };
}

const toFound = (r: { citizen: Citizen; phones: CitizenPhone[] } | null) =>
  r ? { row: r.citizen, phones: r.phones } : null;
