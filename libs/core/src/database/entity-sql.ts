import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface InsertPlan {
  /** `INSERT INTO \`table\` (\`a\`, \`b\`) VALUES ` */
  head: string;
  columns: readonly ColumnMetadata[];
}

const plans = new WeakMap<object, InsertPlan>();

function planOf(ds: DataSource, entity: EntityTarget<ObjectLiteral>): InsertPlan {
  const metadata = ds.getMetadata(entity);
  let plan = plans.get(metadata);
  if (!plan) {
    const columns = metadata.columns.filter((c) => !c.isVirtual && !c.isGenerated);
    const names = columns.map((c) => ds.driver.escape(c.databaseName)).join(', ');
    plan = { head: `INSERT INTO ${ds.driver.escape(metadata.tableName)} (${names}) VALUES `, columns };
    plans.set(metadata, plan);
  }
  return plan;
}

/**
 * The INSERT of whole entity rows as TypeORM's builder writes it (the same columns, each value through the driver's
 * conversion and the column's transformer, DEFAULT for a value left undefined), without the builder: its column list is
 * made once per entity, and nothing is re-read afterwards. For the hot paths' inserts (a call, a ticket), where the
 * builder's per-call work showed in the CPU per request.
 */
export function insertStatement<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  rows: readonly E[],
): { sql: string; params: unknown[] } {
  const { head, columns } = planOf(ds, entity);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = columns.map((c) => {
      const value = c.getEntityValue(row);
      if (value === undefined) return 'DEFAULT';
      params.push(ds.driver.preparePersistentValue(value, c));
      return '?';
    });
    return `(${cells.join(', ')})`;
  });
  return { sql: head + tuples.join(', '), params };
}

/**
 * The select list of an entity's columns under a table alias, each aliased `prefix + database name` (for a join read
 * with fixed SQL; `hydrate` turns a row back into the entity).
 */
export function selectList(ds: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
  return ds
    .getMetadata(entity)
    .columns.filter((c) => !c.isVirtual)
    .map((c) => `${alias}.${ds.driver.escape(c.databaseName)} AS ${ds.driver.escape(prefix + c.databaseName)}`)
    .join(', ');
}

/** The entity of a raw row read with `selectList(…, prefix)`, each value through the driver's conversion. */
export function hydrate<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  raw: Record<string, unknown>,
  prefix: string,
): E {
  const out = {} as Record<string, unknown>;
  for (const c of ds.getMetadata(entity).columns)
    if (!c.isVirtual) out[c.propertyName] = ds.driver.prepareHydratedValue(raw[prefix + c.databaseName], c);
  return out as E;
}

interface SelectShape {
  sql: string;
  columns: ColumnMetadata[];
  whereColumns: ColumnMetadata[];
}

const selectShapes = new Map<unknown, Map<string, SelectShape>>();

function selectShapeOf(m: EntityManager, entity: EntityTarget<ObjectLiteral>, keys: string[]): SelectShape {
  let byKeys = selectShapes.get(entity);
  if (!byKeys) selectShapes.set(entity, (byKeys = new Map()));
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
  const shape = selectShapeOf(m, entity, keys);
  const driver = m.connection.driver;
  const params = keys.map((k, i) => driver.preparePersistentValue(where[k as keyof T & string], shape.whereColumns[i]));
  const rows = (await m.query(shape.sql, params)) as Array<Record<string, unknown>>;
  if (!rows.length) return null;
  const row = rows[0];
  const out = m.connection.getMetadata(entity).create() as T;
  for (const c of shape.columns) c.setEntityValue(out, driver.prepareHydratedValue(row[c.databaseName], c));
  return out;
}

interface UpdateShape {
  sql: string;
  columns: ColumnMetadata[];
}

const updateShapes = new Map<unknown, Map<string, UpdateShape>>();

function column(m: EntityManager, entity: EntityTarget<ObjectLiteral>, key: string): ColumnMetadata {
  const meta = m.connection.getMetadata(entity);
  const c = meta.findColumnWithPropertyName(key);
  if (!c) throw new Error(`${meta.name} has no column ${key}`);
  return c;
}

function updateShapeOf(
  m: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  set: string[],
  where: string[],
): UpdateShape {
  let byKeys = updateShapes.get(entity);
  if (!byKeys) updateShapes.set(entity, (byKeys = new Map()));
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
  const { sql, params } = updateStatement(m, entity, set, where);
  const res = (await m.query(sql, params)) as { affectedRows?: number };
  return res.affectedRows ?? 0;
}

/** The UPDATE plainUpdate sends, with its parameters: for a caller that defers it (BaseRepository.updateDeferred). */
export function updateStatement<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  set: Partial<T>,
  where: Partial<T>,
): { sql: string; params: unknown[] } {
  const setKeys = Object.keys(set).filter((k) => set[k] !== undefined);
  const whereKeys = Object.keys(where).filter((k) => where[k] !== undefined);
  if (!whereKeys.length) throw new Error('an UPDATE without a condition');
  const shape = updateShapeOf(m, entity, setKeys, whereKeys);
  const values = [...setKeys.map((k) => set[k] as unknown), ...whereKeys.map((k) => where[k] as unknown)];
  const driver = m.connection.driver;
  return { sql: shape.sql, params: values.map((v, i) => driver.preparePersistentValue(v, shape.columns[i])) };
}
