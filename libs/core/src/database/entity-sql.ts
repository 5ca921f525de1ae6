import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
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

/**
 * `UPDATE table SET … WHERE key = ?` for the properties in `changes` (each through the column's conversion, as TypeORM's
 * update builder writes them; `undefined` left out), without the builder. `where` names properties too. Null when there
 * is nothing to set.
 */
export function updateStatement<E extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<E>,
  changes: Partial<E>,
  where: Partial<E>,
): { sql: string; params: unknown[] } | null {
  const metadata = ds.getMetadata(entity);
  const params: unknown[] = [];
  const pairs = (values: Partial<E>, joiner: string): string =>
    Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([property, value]) => {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`${metadata.name} has no column ${property}`);
        params.push(ds.driver.preparePersistentValue(value, column));
        return `${ds.driver.escape(column.databaseName)} = ?`;
      })
      .join(joiner);
  const set = pairs(changes, ', ');
  if (!set) return null;
  const condition = pairs(where, ' AND ');
  if (!condition) throw new Error(`an UPDATE of ${metadata.name} without a condition`);
  return { sql: `UPDATE ${ds.driver.escape(metadata.tableName)} SET ${set} WHERE ${condition}`, params };
}
