import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput } from '../common/errors/domain-errors';
import {
  Connection,
  decodeCursor,
  PageArgs,
  pageSize,
  toConnection,
} from '../common/pagination/connection';
import { jurisdictionSql } from '../common/scope';
import type { Loaders } from '../graphql/loaders';
import type { PharmacistConflictType } from './dto/pharmacist-conflict.types';

/** Each (registration number, pharmacy) once: the facts every conflict query groups. */
const REGISTRATIONS_SQL = `registrations AS (
    SELECT DISTINCT r.number, p.id AS premises_id, p.bureau_id
      FROM premises p CROSS JOIN LATERAL unnest(p.pharmacist_registrations) AS r(number)
     WHERE p.kind = 'PHARMACY')`;

interface ConflictRow {
  number: string;
  pharmacy_count: number;
  visible_ids: string[] | null;
}

function toConflict(row: ConflictRow): PharmacistConflictType {
  const visible = row.visible_ids ?? [];
  return {
    registrationNumber: row.number,
    pharmacyCount: row.pharmacy_count,
    hiddenPharmacyCount: row.pharmacy_count - visible.length,
    visiblePremisesIds: visible,
  };
}

/**
 * 执业药师挂证 (certificate renting): a pharmacist registration number recorded at two or more
 * pharmacies. Always computed from `premises.pharmacist_registrations`, never stored, so the
 * registry is the only truth. Inspectors and supervisors see a conflict when one of its pharmacies
 * is in their jurisdiction, and of its pharmacies only those of their jurisdiction plus a count of
 * the others (no names of other bureaus' premises leak).
 */
@Injectable()
export class PharmacistConflictsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of conflicts the officer may see, by registration number. */
  async list(page: PageArgs, officer: CurrentOfficer): Promise<Connection<PharmacistConflictType>> {
    const first = pageSize(page);
    let after: string | null = null;
    if (page.after) {
      const [number] = decodeCursor(page.after, 1);
      if (typeof number !== 'string')
        throw BadUserInput.field('after', 'is not a cursor of this list');
      after = number;
    }
    const scope = jurisdictionSql('bureau_id', officer, 3);
    const rows = await this.dataSource.query<(ConflictRow & { total: number })[]>(
      `WITH ${REGISTRATIONS_SQL},
       conflicts AS (
         SELECT number, count(*)::int AS pharmacy_count,
                array_agg(premises_id ORDER BY premises_id) FILTER (WHERE ${scope.sql}) AS visible_ids
           FROM registrations GROUP BY number
          HAVING count(*) > 1 AND bool_or(${scope.sql}))
       SELECT number, pharmacy_count, visible_ids, (SELECT count(*)::int FROM conflicts) AS total
         FROM conflicts WHERE $1::varchar IS NULL OR number > $1::varchar
        ORDER BY number LIMIT $2`,
      [after, first + 1, ...scope.parameters],
    );
    const totalCount =
      rows[0]?.total ?? (after === null ? 0 : await this.count(this.dataSource.manager, officer));
    return toConnection(rows.map(toConflict), first, totalCount, (conflict) => [
      conflict.registrationNumber,
    ]);
  }

  private count(manager: EntityManager, officer: CurrentOfficer): Promise<number> {
    return this.countConflicts(manager, {
      bureauIds: officer.seesEverything ? undefined : officer.jurisdiction,
    });
  }

  /**
   * The number of conflicting registration numbers that involve at least one pharmacy of the given
   * bureaus (all bureaus when omitted): the 挂证 figure of the sweep progress statistics.
   */
  async countConflicts(
    manager: EntityManager,
    options: { bureauIds?: string[] } = {},
  ): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(
      `WITH ${REGISTRATIONS_SQL}
       SELECT count(*)::int AS count FROM (
         SELECT number FROM registrations GROUP BY number
         HAVING count(*) > 1 AND ($1::uuid[] IS NULL OR bool_or(bureau_id = ANY($1::uuid[])))) c`,
      [options.bureauIds ?? null],
    );
    return row.count;
  }

  /**
   * For each premises asked, its registration numbers also recorded at another pharmacy, by
   * number; one query for all premises of a page (the GIN index on the array serves `&&`).
   */
  forPremises(
    loaders: Loaders,
    premisesId: string,
    officer: CurrentOfficer,
  ): Promise<PharmacistConflictType[]> {
    return loaders
      .custom(
        'premises.pharmacistConflicts',
        () =>
          new DataLoader<string, PharmacistConflictType[]>(async (premisesIds) => {
            const scope = jurisdictionSql('o.bureau_id', officer, 2);
            const rows = await this.dataSource.query<(ConflictRow & { premises_id: string })[]>(
              `WITH mine AS (
                 SELECT DISTINCT p.id, r.number
                   FROM premises p CROSS JOIN LATERAL unnest(p.pharmacist_registrations) AS r(number)
                  WHERE p.id = ANY($1::uuid[]) AND p.kind = 'PHARMACY'),
               others AS (
                 SELECT DISTINCT r.number, o.id, o.bureau_id
                   FROM premises o CROSS JOIN LATERAL unnest(o.pharmacist_registrations) AS r(number)
                  WHERE o.kind = 'PHARMACY'
                    AND o.pharmacist_registrations && (SELECT array_agg(number) FROM mine)::varchar[]
                    AND r.number IN (SELECT number FROM mine))
               SELECT m.id AS premises_id, m.number, count(*)::int AS pharmacy_count,
                      array_agg(o.id ORDER BY o.id) FILTER (WHERE ${scope.sql}) AS visible_ids
                 FROM mine m JOIN others o ON o.number = m.number
                GROUP BY m.id, m.number HAVING count(*) > 1
                ORDER BY m.id, m.number`,
              [premisesIds, ...scope.parameters],
            );
            const byPremises = new Map<string, PharmacistConflictType[]>();
            for (const row of rows) {
              const conflicts = byPremises.get(row.premises_id) ?? [];
              conflicts.push(toConflict(row));
              byPremises.set(row.premises_id, conflicts);
            }
            return premisesIds.map((id) => byPremises.get(id) ?? []);
          }),
      )
      .load(premisesId);
  }
}
