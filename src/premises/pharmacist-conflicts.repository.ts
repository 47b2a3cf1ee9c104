import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParameters, type Scope } from '../common/scope';

/** Each (registration number, pharmacy) once: the facts every conflict query groups. */
const REGISTRATIONS_SQL = `registrations AS (
    SELECT DISTINCT r.number, p.id AS premises_id, p.bureau_id
      FROM premises p CROSS JOIN LATERAL unnest(p.pharmacist_registrations) AS r(number)
     WHERE p.kind = 'PHARMACY')`;

/** A registration number recorded at two or more pharmacies, as seen from a scope. */
export interface ConflictRow {
  number: string;
  pharmacy_count: number;
  /** The pharmacies of the scope that record it; null when none. */
  visible_ids: string[] | null;
}

/**
 * Every SQL statement on pharmacist registrations (执业药师注册证) across premises: the conflicts
 * (挂证) are computed from `premises.pharmacist_registrations`, never stored. A conflict is seen
 * from a scope when one of its pharmacies is inside it, and of its pharmacies only those inside
 * are named (`visible_ids`).
 */
@Injectable()
export class PharmacistConflictsRepository {
  /**
   * Conflicts seen from the scope, by number after `after` (null: from the first), `limit` rows at
   * most, each with the count of all conflicts seen from the scope (`total`).
   */
  page(
    manager: EntityManager,
    scope: Scope,
    cursor: string | null,
    limit: number,
    backward = false,
  ): Promise<(ConflictRow & { total: number })[]> {
    const params = new SqlParameters();
    const after$ = params.add(cursor, 'varchar');
    const limit$ = params.add(limit);
    const inScope = scope.sql('bureau_id', params);
    return manager.query<(ConflictRow & { total: number })[]>(
      `WITH ${REGISTRATIONS_SQL},
       conflicts AS (
         SELECT number, count(*)::int AS pharmacy_count,
                array_agg(premises_id ORDER BY premises_id) FILTER (WHERE ${inScope}) AS visible_ids
           FROM registrations GROUP BY number
          HAVING count(*) > 1 AND bool_or(${inScope}))
       SELECT number, pharmacy_count, visible_ids, (SELECT count(*)::int FROM conflicts) AS total
         FROM conflicts WHERE ${after$} IS NULL OR number ${backward ? '<' : '>'} ${after$}
        ORDER BY number ${backward ? 'DESC' : 'ASC'} LIMIT ${limit$}`,
      params.values,
    );
  }

  /** The number of conflicts seen from the scope. */
  count(manager: EntityManager, scope: Scope): Promise<number> {
    const params = new SqlParameters();
    return this.countWhere(manager, scope.sql('bureau_id', params), params);
  }

  /**
   * The number of conflicts that involve at least one pharmacy of these bureaus (all bureaus when
   * null): the 挂证 figure of the sweep progress statistics, whose caller has already limited the
   * bureaus to the officer's scope and the filter's subtree.
   */
  countInBureaus(manager: EntityManager, bureauIds: readonly string[] | null): Promise<number> {
    const params = new SqlParameters();
    const condition =
      bureauIds === null ? 'TRUE' : `bureau_id = ANY(${params.add([...bureauIds], 'uuid[]')})`;
    return this.countWhere(manager, condition, params);
  }

  /**
   * For each pharmacy asked, its registration numbers also recorded at another pharmacy, seen from
   * the scope (`visible_ids`: the pharmacies of the scope recording the number), ordered by
   * pharmacy and number. One query for all premises of a page (the GIN index serves `&&`).
   */
  forPremises(
    manager: EntityManager,
    scope: Scope,
    premisesIds: readonly string[],
  ): Promise<(ConflictRow & { premises_id: string })[]> {
    const params = new SqlParameters();
    const ids$ = params.add([...premisesIds], 'uuid[]');
    const inScope = scope.sql('o.bureau_id', params);
    return manager.query<(ConflictRow & { premises_id: string })[]>(
      `WITH mine AS (
         SELECT DISTINCT p.id, r.number
           FROM premises p CROSS JOIN LATERAL unnest(p.pharmacist_registrations) AS r(number)
          WHERE p.id = ANY(${ids$}) AND p.kind = 'PHARMACY'),
       others AS (
         SELECT DISTINCT r.number, o.id, o.bureau_id
           FROM premises o CROSS JOIN LATERAL unnest(o.pharmacist_registrations) AS r(number)
          WHERE o.kind = 'PHARMACY'
            AND o.pharmacist_registrations && (SELECT array_agg(number) FROM mine)::varchar[]
            AND r.number IN (SELECT number FROM mine))
       SELECT m.id AS premises_id, m.number, count(*)::int AS pharmacy_count,
              array_agg(o.id ORDER BY o.id) FILTER (WHERE ${inScope}) AS visible_ids
         FROM mine m JOIN others o ON o.number = m.number
        GROUP BY m.id, m.number HAVING count(*) > 1
        ORDER BY m.id, m.number`,
      params.values,
    );
  }

  private async countWhere(
    manager: EntityManager,
    condition: string,
    params: SqlParameters,
  ): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `WITH ${REGISTRATIONS_SQL}
       SELECT count(*)::int AS count FROM (
         SELECT number FROM registrations GROUP BY number
         HAVING count(*) > 1 AND bool_or(${condition})) c`,
      params.values,
    );
    return row.count;
  }
}
