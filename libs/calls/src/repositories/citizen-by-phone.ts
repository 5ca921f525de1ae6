import type { DataSource } from 'typeorm';
import { hydrate, selectList } from '@hotline/core';
import { CitizenPhone } from '../citizen-phone.entity';
import { Citizen } from '../citizen.entity';

const sqlOf = new WeakMap<DataSource, string>();

/**
 * The citizen of a number (`?`) with all of their numbers, primary first then oldest, in one join read (primary key,
 * ix_citizen_phones_citizen): the intake's and the screen-pop's read. `citizenFromRows` turns its rows back into entities.
 */
export function citizenByPhoneSql(ds: DataSource): string {
  let sql = sqlOf.get(ds);
  if (!sql) {
    sql =
      `SELECT ${selectList(ds, Citizen, 'c', 'c_')}, ${selectList(ds, CitizenPhone, 'p', 'p_')} ` +
      'FROM citizen_phones k JOIN citizens c ON c.id = k.citizen_id JOIN citizen_phones p ON p.citizen_id = c.id ' +
      'WHERE k.phone = ? ORDER BY p.is_primary DESC, p.created_at ASC';
    sqlOf.set(ds, sql);
  }
  return sql;
}

export function citizenFromRows(
  ds: DataSource,
  rows: Array<Record<string, unknown>>,
): { citizen: Citizen; phones: CitizenPhone[] } | null {
  if (!rows.length) return null;
  return {
    citizen: hydrate(ds, Citizen, rows[0], 'c_'),
    phones: rows.map((r) => hydrate(ds, CitizenPhone, r, 'p_')),
  };
}
