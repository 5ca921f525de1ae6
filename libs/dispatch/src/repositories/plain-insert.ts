import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface InsertShape {
  head: string;
  row: string;
  columns: ColumnMetadata[];
}

const shapes = new Map<unknown, InsertShape>();

function shapeOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>): InsertShape {
  let shape = shapes.get(entity);
  if (!shape) {
    const meta = m.connection.getMetadata(entity);
    const columns = meta.columns.filter((c) => !c.isVirtual);
    shape = {
      head: `INSERT INTO \`${meta.tableName}\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')}) VALUES `,
      row: `(${columns.map(() => '?').join(', ')})`,
      columns,
    };
    shapes.set(entity, shape);
  }
  return shape;
}

function toDb(column: ColumnMetadata, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const v = column.transformer && !Array.isArray(column.transformer) ? column.transformer.to(value) : value;
  if (column.type === 'json') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/**
 * One multi-row INSERT of fully built entities, without TypeORM's insert builder (it re-derives the statement, collects
 * generated values and re-reads defaults on every call: measurable on the request-creation hot path). The column list
 * comes from the entity metadata, so it follows the entity; every column must be given (no default is relied upon).
 */
export async function plainInsert<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: T[],
): Promise<void> {
  if (!rows.length) return;
  const shape = shapeOf(m, entity);
  const params: unknown[] = [];
  for (const row of rows) for (const c of shape.columns) params.push(toDb(c, c.getEntityValue(row)));
  await m.query(shape.head + rows.map(() => shape.row).join(', '), params);
}
