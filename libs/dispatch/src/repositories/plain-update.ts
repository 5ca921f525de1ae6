import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface UpdateShape {
  sql: string;
  columns: ColumnMetadata[];
}

const shapes = new Map<unknown, Map<string, UpdateShape>>();

function column(m: EntityManager, entity: EntityTarget<ObjectLiteral>, key: string): ColumnMetadata {
  const meta = m.connection.getMetadata(entity);
  const c = meta.findColumnWithPropertyName(key);
  if (!c) throw new Error(`${meta.name} has no column ${key}`);
  return c;
}

function shapeOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>, set: string[], where: string[]): UpdateShape {
  let byKeys = shapes.get(entity);
  if (!byKeys) shapes.set(entity, (byKeys = new Map()));
  const id = `${set.join(',')}|${where.join(',')}`;
  let shape = byKeys.get(id);
  if (!shape) {
    const meta = m.connection.getMetadata(entity);
    const setColumns = set.map((k) => column(m, entity, k));
    const whereColumns = where.map((k) => column(m, entity, k));
    const assignments = setColumns.map((c) => `\`${c.databaseName}\` = ?`);
    // The version column goes up with every update, as TypeORM's update builder does it.
    if (meta.versionColumn && !set.includes(meta.versionColumn.propertyName))
      assignments.push(`\`${meta.versionColumn.databaseName}\` = \`${meta.versionColumn.databaseName}\` + 1`);
    const conditions = whereColumns.map((c) => `\`${c.databaseName}\` = ?`).join(' AND ');
    shape = {
      sql: `UPDATE \`${meta.tableName}\` SET ${assignments.join(', ')} WHERE ${conditions}`,
      columns: [...setColumns, ...whereColumns],
    };
    byKeys.set(id, shape);
  }
  return shape;
}

/**
 * A conditional UPDATE for the hot paths, without TypeORM's update builder (it re-derives the statement on every call):
 * one fixed statement per entity and set of columns, values through the driver's own `preparePersistentValue`
 * (transformers, JSON, booleans, dates), the version column incremented. Returns the number of rows changed.
 */
export async function plainUpdate<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  set: Partial<T>,
  where: Partial<T>,
): Promise<number> {
  const setKeys = Object.keys(set).filter((k) => set[k] !== undefined);
  const whereKeys = Object.keys(where).filter((k) => where[k] !== undefined);
  const shape = shapeOf(m, entity, setKeys, whereKeys);
  const values = [...setKeys.map((k) => set[k] as unknown), ...whereKeys.map((k) => where[k] as unknown)];
  const driver = m.connection.driver;
  const params = values.map((v, i) => driver.preparePersistentValue(v, shape.columns[i]));
  const res = (await m.query(shape.sql, params)) as { affectedRows?: number };
  return res.affectedRows ?? 0;
}
