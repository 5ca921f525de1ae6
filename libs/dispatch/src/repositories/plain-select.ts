import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface SelectShape {
  sql: string;
  columns: ColumnMetadata[];
  whereColumns: ColumnMetadata[];
}

const shapes = new Map<unknown, Map<string, SelectShape>>();

function shapeOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>, keys: string[]): SelectShape {
  let byKeys = shapes.get(entity);
  if (!byKeys) shapes.set(entity, (byKeys = new Map()));
  const id = keys.join(',');
  let shape = byKeys.get(id);
  if (!shape) {
    const meta = m.connection.getMetadata(entity);
    const columns = meta.columns.filter((c) => !c.isVirtual);
    const whereColumns = keys.map((k) => {
      const c = meta.findColumnWithPropertyName(k);
      if (!c) throw new Error(`${meta.name} has no column ${k}`);
      return c;
    });
    const list = columns.map((c) => `\`${c.databaseName}\``).join(', ');
    const where = whereColumns.map((c) => `\`${c.databaseName}\` = ?`).join(' AND ');
    shape = { sql: `SELECT ${list} FROM \`${meta.tableName}\` WHERE ${where} LIMIT 1`, columns, whereColumns };
    byKeys.set(id, shape);
  }
  return shape;
}

/**
 * findOneBy for the hot paths, without TypeORM's select builder (it re-derives the statement, its aliases and the
 * hydration plan on every call: measurable in the routing job). One fixed statement per entity and set of keys; the row
 * is hydrated by the driver's own `prepareHydratedValue` (transformers, JSON, booleans, dates), into an instance of the
 * entity class, as TypeORM does. Plain columns only (no relations, no embedded entities).
 */
export async function plainFindOne<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  where: Partial<Record<keyof T & string, unknown>>,
): Promise<T | null> {
  const keys = Object.keys(where);
  const shape = shapeOf(m, entity, keys);
  const driver = m.connection.driver;
  const params = keys.map((k, i) => driver.preparePersistentValue(where[k as keyof T & string], shape.whereColumns[i]));
  const rows = (await m.query(shape.sql, params)) as Array<Record<string, unknown>>;
  if (!rows.length) return null;
  const row = rows[0];
  const out = m.connection.getMetadata(entity).create() as T;
  for (const c of shape.columns) c.setEntityValue(out, driver.prepareHydratedValue(row[c.databaseName], c));
  return out;
}
