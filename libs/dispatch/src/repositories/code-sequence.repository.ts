import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository } from '@hotline/core';

/** The daily counters behind the request codes (bcci_code_sequences). */
@Injectable()
export class CodeSequenceRepository extends BaseRepository {
  constructor(@InjectDataSource() ds: DataSource) {
    super(ds);
  }

  /**
   * The next value of a day's counter, in one statement: LAST_INSERT_ID(expr) makes the new value the statement's insert
   * id, so no second round trip (SELECT LAST_INSERT_ID()) is needed; the counter row is locked for this statement only.
   */
  async next(day: string): Promise<number> {
    const res = (await this.manager.query(
      'INSERT INTO bcci_code_sequences (day, last) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)',
      [day],
    )) as { insertId?: number | string };
    const n = Number(res.insertId);
    if (!Number.isInteger(n) || n < 1) throw new Error(`bcci_code_sequences: no counter value for ${day}`);
    return n;
  }
}
