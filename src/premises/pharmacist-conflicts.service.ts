import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Connection, PageArgs, pageOf, toConnection } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import type { PharmacistConflictType } from './dto/pharmacist-conflict.types';
import { PharmacistConflictsRepository, type ConflictRow } from './pharmacist-conflicts.repository';

/** pharmacistRegistrationConflicts' cursor: the registration number of the last edge. */
const conflictCursor = cursorCodec(['text']);

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
  constructor(
    private readonly database: Database,
    private readonly conflicts: PharmacistConflictsRepository,
  ) {}

  /** A page of conflicts seen from the scope, by registration number. */
  async list(page: PageArgs, scope: Scope): Promise<Connection<PharmacistConflictType>> {
    const request = pageOf(page);
    const cursor = request.cursor
      ? conflictCursor.decode(request.cursor, request.cursorArgument)[0]
      : null;
    const manager = this.database.manager;
    const rows = await this.conflicts.page(
      manager,
      scope,
      cursor,
      request.size + 1,
      request.backward,
    );
    const totalCount =
      rows[0]?.total ?? (cursor === null ? 0 : await this.conflicts.count(manager, scope));
    return toConnection(rows.map(toConflict), request, totalCount, (conflict) =>
      conflictCursor.encode([conflict.registrationNumber]),
    );
  }

  /**
   * The number of conflicting registration numbers that involve at least one pharmacy of the given
   * bureaus (all bureaus when omitted): the 挂证 figure of the sweep progress statistics.
   */
  countConflicts(manager: EntityManager, options: { bureauIds?: string[] } = {}): Promise<number> {
    return this.conflicts.countInBureaus(manager, options.bureauIds ?? null);
  }

  /**
   * For a premises, its registration numbers also recorded at another pharmacy, by number, seen
   * from the scope; batched over all premises of a request.
   */
  forPremises(
    loaders: Loaders,
    scope: Scope,
    premisesId: string,
  ): Promise<PharmacistConflictType[]> {
    return loaders
      .custom(
        `premises.pharmacistConflicts:${scope.bureauIds?.join(',') ?? 'city'}`,
        () =>
          new DataLoader<string, PharmacistConflictType[]>(async (premisesIds) => {
            const rows = await loaders.read((manager) =>
              this.conflicts.forPremises(manager, scope, premisesIds),
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
