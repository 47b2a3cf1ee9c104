import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Column types whose value JSON cannot carry exactly (a number loses its scale or its digits). */
const NOT_EXACT_IN_JSON = new Set<unknown>(['numeric', 'decimal', 'bigint', 'int8', 'money']);

/**
 * An entity from a row that raw SQL returned, hydrated the way TypeORM hydrates its own reads
 * (the driver's `prepareHydratedValue` per column, the entity's class): for `INSERT … RETURNING *`
 * (a row by column name, as pg parses it) and for `to_jsonb(alias)` read inside a larger
 * statement (`fromJson`), so a write or a combined read needs no second statement to have its
 * records as entities. Columns that are not selected by default (`select: false`: password hashes,
 * token versions) are left out, as a find would leave them.
 */
export function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
  fromJson = false,
): T {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!column.isSelect || column.isVirtual) continue;
    if (!(column.databaseName in row)) {
      throw new Error(`hydrate ${metadata.name}: the row has no column ${column.databaseName}`);
    }
    const value = row[column.databaseName];
    if (fromJson && value !== null && NOT_EXACT_IN_JSON.has(column.type)) {
      throw new Error(`hydrate ${metadata.name}.${column.propertyName}: not exact through JSON`);
    }
    column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/**
 * The SQL of a row of `alias` as JSON for `hydrate(…, true)`, without the columns a find does not
 * select (so a password hash never leaves the database here).
 */
export function rowAsJsonSql(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
): string {
  const hidden = manager.connection
    .getMetadata(target)
    .columns.filter((column) => !column.isSelect)
    .map((column) => `'${column.databaseName}'`);
  return hidden.length
    ? `(to_jsonb(${alias}) - ARRAY[${hidden.join(', ')}]::text[])`
    : `to_jsonb(${alias})`;
}
