import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/** UTC instant with millisecond precision (DATETIME(3)); the connection runs with timezone 'Z'. */
export function DateTimeColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, ...options });
}

/** UUID v7 primary key stored as CHAR(36): portable between MariaDB and MySQL 8 (MariaDB's native UUID type is not). */
export function UuidPrimaryColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci' });
}

export function UuidColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_general_ci', ...options });
}

/** Money is integer VND. BIGINT comes back from mysql2 as a string unless converted. */
export const bigintToNumber = {
  to: (v: number | null | undefined) => v,
  from: (v: string | number | null) => (v === null || v === undefined ? v : Number(v)),
};

/** DECIMAL comes back as a string; coordinates are numbers in the code. */
export const decimalToNumber = bigintToNumber;
