import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { NotFound } from '../common/errors/domain-errors';
import { keyset } from '../common/pagination/connection';
import type { Scope, SqlParameters } from '../common/scope';
import { rowAsJsonSql } from '../database/hydrate';
import type { Loaders } from '../graphql/loaders';
import type { PremisesKind } from '../reference/target-category.entity';
import type { PremisesFilter } from './dto/premises.inputs';
import { Premises, type Licence, type RiskLevel } from './premises.entity';

/** `%` and `_` typed by a user are letters, not wildcards (backslash is ILIKE's escape). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** A premises as the registry import reads and writes it: camelCase, like the entity, for the audit trail. */
export interface PremisesRecord {
  id: string;
  name: string;
  kind: PremisesKind;
  bureauId: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  creditCode: string | null;
  licences: Licence[];
  riskLevel: RiskLevel | null;
  pharmacistRegistrations: string[];
}

/** What the rows of an import are matched to the registry by. */
export interface ImportMatchKeys {
  creditCodes: string[];
  /** Names and addresses, pairwise (same length). */
  names: string[];
  addresses: string[];
}

/**
 * The sort key of premisesList after which a page starts: (name, id), or (last inspection as
 * stored in UTC with microseconds, id).
 */
export type PremisesPosition = readonly [key: string, id: string];

/** The order of a premises list. */
export interface PremisesOrder {
  field: 'NAME' | 'LAST_INSPECTED_AT';
  direction: 'ASC' | 'DESC';
}

/**
 * The sort expression of LAST_INSPECTED_AT (the index premises_last_inspected_idx is on exactly
 * this): never-inspected premises sort as inspected at the epoch, before every real inspection.
 */
export const LAST_INSPECTED_SORT_SQL = `COALESCE(p.last_inspected_at, '1970-01-01T00:00:00Z'::timestamptz)`;

const RECORD_COLUMNS = `id, name, kind, bureau_id AS "bureauId", address, latitude, longitude,
  credit_code AS "creditCode", licences, risk_level AS "riskLevel",
  pharmacist_registrations AS "pharmacistRegistrations"`;

/** The columns of jsonb_to_recordset that the set-based writes read the records from. */
const RECORDSET = `jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, kind text, "bureauId" uuid,
  address text, latitude double precision, longitude double precision, "creditCode" text,
  licences jsonb, "riskLevel" text, "pharmacistRegistrations" text[])`;

/** A DataLoader cache name per scope, so that two scopes in one request never share results. */
function scopeName(scope: Scope): string {
  return scope.bureauIds === null ? 'city' : [...scope.bureauIds].sort().join(',');
}

/**
 * Every SQL statement on premises (市场主体). Premises are jurisdiction-bound (`bureau_id`): every
 * read of them takes the caller's Scope and applies it, except the registry import's matching,
 * which is city-wide by nature and says so in its name.
 */
@Injectable()
export class PremisesRepository {
  /** The premises if it is inside the scope; null when unknown or outside it. */
  findInScope(manager: EntityManager, scope: Scope, id: string): Promise<Premises | null> {
    const query = manager.createQueryBuilder(Premises, 'p').where('p.id = :id', { id });
    return scope.apply(query, 'p.bureau_id').getOne();
  }

  /**
   * The premises `id$` if it is inside the scope, inside a larger statement: its row as JSON for
   * `hydrate(…, Premises, row, true)`, or null. The scope's parameter is added to `params`.
   */
  inScopeJsonSql(manager: EntityManager, scope: Scope, id$: string, params: SqlParameters): string {
    return `(SELECT ${rowAsJsonSql(manager, Premises, 'p')} FROM premises p
              WHERE p.id = ${id$} AND ${scope.sql('p.bureau_id', params)})`;
  }

  /** The premises of these ids that are inside the scope (the others are left out), in no order. */
  findByIds(manager: EntityManager, scope: Scope, ids: readonly string[]): Promise<Premises[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const query = manager
      .createQueryBuilder(Premises, 'p')
      .where('p.id = ANY(:ids)', { ids: [...ids] });
    return scope.apply(query, 'p.bureau_id').getMany();
  }

  /** Whether the premises exists inside the scope (the audit trail's jurisdiction check). */
  async existsInScope(manager: EntityManager, scope: Scope, id: string): Promise<boolean> {
    const query = manager.createQueryBuilder(Premises, 'p').where('p.id = :id', { id });
    return scope.apply(query, 'p.bureau_id').getExists();
  }

  /**
   * Premises by id for this request, within the scope (by the premises' bureau now): one that is
   * unknown or outside it (one moved to another bureau since it was inspected) loads as
   * NOT_FOUND, however it is reached. One query per tick, read as the request's loaders read
   * (replica outside mutations); one cache per scope.
   */
  premisesLoader(loaders: Loaders, scope: Scope): DataLoader<string, Premises> {
    return loaders.custom(
      `premisesById:${scopeName(scope)}`,
      () =>
        new DataLoader<string, Premises>(async (ids) => {
          const rows = await loaders.read((manager) => this.findByIds(manager, scope, ids));
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Premises', id));
        }),
    );
  }

  /** How many premises of the scope match the filter. */
  count(manager: EntityManager, scope: Scope, filter: PremisesFilter): Promise<number> {
    const query = scope.apply(manager.createQueryBuilder(Premises, 'p'), 'p.bureau_id');
    applyFilter(query, filter);
    return query.getCount();
  }

  /**
   * One page of premises of the scope matching the filter, in `order` (ties by id in the same
   * direction), from the edge whose sort key is `cursor` on (in the traversal order: backwards
   * when `backward`); `limit` rows at most, and the count of all matches of the scope and filter.
   */
  async page(
    manager: EntityManager,
    scope: Scope,
    filter: PremisesFilter,
    cursor: PremisesPosition | null,
    limit: number,
    order: PremisesOrder = { field: 'NAME', direction: 'ASC' },
    backward = false,
  ): Promise<{ rows: (Premises & { sortKey: string })[]; totalCount: number }> {
    const query = scope.apply(manager.createQueryBuilder(Premises, 'p'), 'p.bureau_id');
    applyFilter(query, filter);
    // The count of all matches in the same statement (one round trip, not two): an uncorrelated
    // subquery, run once, with the same filter and parameters, without the cursor.
    const countSql = query.clone().select('count(*)').getQuery();
    const byName = order.field === 'NAME';
    const sortSql = byName ? 'p.name' : LAST_INSPECTED_SORT_SQL;
    const descending = order.direction === 'DESC';
    const keys = keyset(
      [
        { sql: sortSql, descending },
        { sql: 'p.id', descending },
      ],
      backward,
    );
    if (cursor) {
      query.andWhere(
        keys.after([
          byName ? ':cursorKey::varchar' : `(:cursorKey::timestamp AT TIME ZONE 'UTC')`,
          ':cursorId::uuid',
        ]),
        { cursorKey: cursor[0], cursorId: cursor[1] },
      );
    }
    const { raw, entities } = await query
      .addSelect(
        // `(p.name)`, not `p.name`: the property path would replace the entity's own column.
        byName
          ? '(p.name)'
          : `to_char(${LAST_INSPECTED_SORT_SQL} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
        'sort_key',
      )
      .addSelect(`(${countSql})`, 'total_count')
      .orderBy(sortSql, keys.directions[0])
      .addOrderBy('p.id', keys.directions[1])
      .limit(limit)
      .getRawAndEntities<{ sort_key: string; total_count: string }>();
    const rows = entities.map((premises, index) =>
      Object.assign(premises, { sortKey: raw[index].sort_key }),
    );
    // No row, no count from it: zero matches from the start, else ask (a page past the end).
    const totalCount = raw.length
      ? Number(raw[0].total_count)
      : cursor
        ? await this.count(manager, scope, filter)
        : 0;
    return { rows, totalCount };
  }

  /**
   * Makes registry imports run one at a time, until the transaction ends: name + address is not
   * unique in the table, so two concurrent batches could otherwise both create the same premises.
   */
  async lockImports(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('premises-import'))`);
  }

  /**
   * Premises anywhere in the city that share a credit code, or a name and address, with the rows
   * of an import, locked (FOR UPDATE) for the rest of the transaction. Unscoped: the registry is
   * imported for the whole city (ADMIN or the command line).
   */
  lockMatchingForImportUnscoped(
    manager: EntityManager,
    keys: ImportMatchKeys,
  ): Promise<PremisesRecord[]> {
    if (keys.creditCodes.length === 0 && keys.names.length === 0) return Promise.resolve([]);
    return manager.query<PremisesRecord[]>(
      `SELECT ${RECORD_COLUMNS} FROM premises
        WHERE credit_code = ANY($1::text[])
           OR (name, address) IN (SELECT * FROM unnest($2::text[], $3::text[]))
        ORDER BY created_at, id
        FOR UPDATE`,
      [keys.creditCodes, keys.names, keys.addresses],
    );
  }

  /**
   * Premises' ids by name and address (`name\u0000address`), of those that exist anywhere in the
   * city (the first created of each pair). Unscoped: for the demo seed only.
   */
  async idsByNameAndAddressForSystem(
    manager: EntityManager,
    premises: { name: string; address: string }[],
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; name: string; address: string }[]>(
      `SELECT DISTINCT ON (name, address) id, name, address FROM premises
        WHERE (name, address) IN (SELECT * FROM unnest($1::text[], $2::text[]))
        ORDER BY name, address, created_at, id`,
      [premises.map((row) => row.name), premises.map((row) => row.address)],
    );
    return new Map(rows.map((row) => [`${row.name}\u0000${row.address}`, row.id]));
  }

  /** Writes these records over the premises of their ids, in one statement. */
  async updateRecords(manager: EntityManager, records: PremisesRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `UPDATE premises p SET name = r.name, kind = r.kind, bureau_id = r."bureauId",
          address = r.address, latitude = r.latitude, longitude = r.longitude,
          credit_code = r."creditCode", licences = r.licences, risk_level = r."riskLevel",
          pharmacist_registrations = r."pharmacistRegistrations", updated_at = now()
         FROM ${RECORDSET}
        WHERE p.id = r.id`,
      [JSON.stringify(records)],
    );
  }

  /** Inserts these records (their ids chosen by the caller), in one statement. */
  async insertRecords(manager: EntityManager, records: PremisesRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO premises (id, name, kind, bureau_id, address, latitude, longitude,
          credit_code, licences, risk_level, pharmacist_registrations)
       SELECT r.id, r.name, r.kind, r."bureauId", r.address, r.latitude, r.longitude,
              r."creditCode", r.licences, r."riskLevel", r."pharmacistRegistrations"
         FROM ${RECORDSET}`,
      [JSON.stringify(records)],
    );
  }
}

function applyFilter(query: SelectQueryBuilder<Premises>, filter: PremisesFilter): void {
  const search = filter.search?.trim();
  if (search) {
    // served by the pg_trgm GIN indexes on name, address and credit_code
    query.andWhere(
      '(p.name ILIKE :pattern OR p.address ILIKE :pattern OR p.credit_code ILIKE :pattern)',
      { pattern: likePattern(search) },
    );
  }
  if (filter.kinds?.length) query.andWhere('p.kind = ANY(:kinds)', { kinds: filter.kinds });
  if (filter.riskLevels?.length)
    query.andWhere('p.risk_level = ANY(:riskLevels)', { riskLevels: filter.riskLevels });
  if (filter.bureauId) {
    if (filter.includeSubBureaus === false) {
      query.andWhere('p.bureau_id = :bureauId', { bureauId: filter.bureauId });
    } else {
      query.andWhere(`p.bureau_id IN ${subtreeOf('CAST(:bureauId AS uuid)')}`, {
        bureauId: filter.bureauId,
      });
    }
  }
  if (filter.categoryCodes) {
    // The kinds the categories cover, read in the same statement (like notInspectedInSweepId).
    query.andWhere(
      `p.kind IN (SELECT unnest(tc.premises_kinds) FROM target_categories tc
                   WHERE tc.code = ANY(:categoryCodes))`,
      { categoryCodes: filter.categoryCodes },
    );
  }
  if (filter.notInspectedSince) {
    // On the indexed sort expression, so the DormantPremises order serves this range too.
    query.andWhere(
      `${LAST_INSPECTED_SORT_SQL} < (CAST(:notInspectedSince AS date)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
      { notInspectedSince: filter.notInspectedSince },
    );
  }
  if (filter.notInspectedInSweepId) {
    // A condition on premises that looks at the sweep's categories (sweep_categories) and its
    // inspections: it stays one statement here (sub-selects in the WHERE of the page), not a
    // second read through the sweeps and inspections areas' repositories, so that the page and
    // its count stay one keyset query each.
    query.andWhere(
      `EXISTS (SELECT 1 FROM sweep_categories sc
                 JOIN target_categories tc ON tc.id = sc.category_id
                WHERE sc.sweep_id = :sweepId AND p.kind = ANY(tc.premises_kinds))
       AND NOT EXISTS (SELECT 1 FROM inspections i
                        WHERE i.premises_id = p.id AND i.sweep_id = :sweepId AND NOT i.voided)`,
      { sweepId: filter.notInspectedInSweepId },
    );
  }
}
