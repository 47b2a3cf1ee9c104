import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { ancestryOf, subtreeOf } from '../bureaus/bureau-tree';
import { keyset } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { rowAsJsonSql } from '../database/hydrate';
import { likePattern } from '../premises/premises.repository';
import type { Loaders } from '../graphql/loaders';
import { Officer, type Role } from './officer.entity';

/**
 * Whether officer `alias` may be named on a visit to premises of the bureau `bureauId$` (an SQL
 * expression): active, INSPECTOR or SUPERVISOR, of that bureau or one of its ancestors.
 */
function eligibleForVisitSql(alias: string, bureauId$: string): string {
  return `${alias}.active AND ${alias}.roles && ARRAY['INSPECTOR','SUPERVISOR']::varchar[]
    AND ${alias}.bureau_id IN ${ancestryOf(bureauId$)}`;
}

/** Which officers a list holds; every given condition holds (the scope applies besides). */
export interface OfficerListFilter {
  /** Officers of this bureau and its descendants. */
  subtreeOf?: string | null;
  /** Officers of exactly this bureau. */
  bureauId?: string | null;
  /** Officers holding any of these roles. */
  roles?: readonly Role[] | null;
  active?: boolean | null;
  /** In part, case-insensitively, in the name or the certificate number. */
  search?: string | null;
}

/** An officer to insert. */
export interface NewOfficer {
  name: string;
  certificateNumber: string;
  bureauId: string;
  roles: Role[];
  passwordHash: string;
}

/** What a login checks: the stored hash and whether the account is active. */
export interface OfficerCredentials {
  id: string;
  certificateNumber: string;
  passwordHash: string;
  active: boolean;
}

/** An officer with their jurisdiction (管辖范围): their bureau and every descendant of it. */
export interface OfficerWithJurisdiction {
  id: string;
  name: string;
  bureauId: string;
  roles: Role[];
  active: boolean;
  /** The version every valid token of the officer carries (raised to end them all). */
  tokenVersion: number;
  jurisdiction: string[];
}

/**
 * Every SQL statement on officers (执法人员). Officers are not jurisdiction-bound records (their
 * names appear on records of other bureaus), so no read here takes a scope.
 */
interface CredentialsRow {
  id: string;
  certificate_number: string;
  password_hash: string;
  active: boolean;
}

function credentialsOf(row: CredentialsRow): OfficerCredentials {
  return {
    id: row.id,
    certificateNumber: row.certificate_number,
    passwordHash: row.password_hash,
    active: row.active,
  };
}

@Injectable()
export class OfficersRepository {
  findById(manager: EntityManager, id: string): Promise<Officer | null> {
    return manager.findOneBy(Officer, { id });
  }

  /** Whether any officer exists at all (the bootstrap administrator is written only before). */
  async any(manager: EntityManager): Promise<boolean> {
    return (await manager.count(Officer)) > 0;
  }

  /** Officers' ids by certificate number (执法证号), of those that exist: for the demo seed. */
  async idsByCertificateForSystem(
    manager: EntityManager,
    certificates: readonly string[],
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; certificate_number: string }[]>(
      `SELECT id, certificate_number FROM officers WHERE certificate_number = ANY($1::text[])`,
      [[...certificates]],
    );
    return new Map(rows.map((row) => [row.certificate_number, row.id]));
  }

  /** The officer, locked for update for the rest of the transaction, or null. */
  lockById(manager: EntityManager, id: string): Promise<Officer | null> {
    return manager.findOne(Officer, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(manager: EntityManager, officer: NewOfficer): Promise<Officer> {
    return manager.save(manager.create(Officer, { ...officer, active: true }));
  }

  /** Deactivates the officer and ends every token of theirs. */
  async deactivate(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE officers SET active = false, token_version = token_version + 1, updated_at = now()
       WHERE id = $1`,
      [id],
    );
  }

  async reactivate(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE officers SET active = true, updated_at = now() WHERE id = $1`, [
      id,
    ]);
  }

  /** Stores a new password hash and ends every earlier token; returns the new token version. */
  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<number> {
    const [rows] = await manager.query<[{ token_version: number }[], number]>(
      `UPDATE officers SET password_hash = $2, token_version = token_version + 1, updated_at = now()
       WHERE id = $1 RETURNING token_version`,
      [id, passwordHash],
    );
    return rows[0].token_version;
  }

  /** Ids of the active ADMINs, locked for the rest of the transaction (the last-admin rule). */
  async lockActiveAdminIds(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM officers WHERE active AND 'ADMIN' = ANY(roles) ORDER BY id FOR UPDATE`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * The stored credentials of a certificate number (执法证号), compared without case and
   * surrounding spaces as the unique index does, or null when unknown.
   */
  async credentials(
    manager: EntityManager,
    certificateNumber: string,
  ): Promise<OfficerCredentials | null> {
    const rows = await manager.query<CredentialsRow[]>(
      `SELECT id, certificate_number, password_hash, active FROM officers
       WHERE lower(btrim(certificate_number)) = lower(btrim($1))`,
      [certificateNumber],
    );
    return rows[0] ? credentialsOf(rows[0]) : null;
  }

  /** The stored credentials of an officer by id, or null when unknown. */
  async credentialsById(manager: EntityManager, id: string): Promise<OfficerCredentials | null> {
    const rows = await manager.query<CredentialsRow[]>(
      `SELECT id, certificate_number, password_hash, active FROM officers WHERE id = $1`,
      [id],
    );
    return rows[0] ? credentialsOf(rows[0]) : null;
  }

  /**
   * The officer with the ids of their bureau's subtree, in one statement; null when unknown. Run
   * on every request, so a deactivated officer's token stops working at once.
   */
  async withJurisdiction(
    manager: EntityManager,
    id: string,
  ): Promise<OfficerWithJurisdiction | null> {
    const rows = await manager.query<
      {
        id: string;
        name: string;
        bureau_id: string;
        roles: Role[];
        active: boolean;
        token_version: number;
        jurisdiction: string[];
      }[]
    >(
      `SELECT o.id, o.name, o.bureau_id, o.roles, o.active, o.token_version,
              ARRAY${subtreeOf('o.bureau_id')} AS jurisdiction
       FROM officers o WHERE o.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      bureauId: row.bureau_id,
      roles: row.roles,
      active: row.active,
      tokenVersion: row.token_version,
      jurisdiction: row.jurisdiction,
    };
  }

  /**
   * Which of these officers may be named on an inspection or re-inspection of premises of
   * `bureauId`: active INSPECTORs or SUPERVISORs of that bureau or one of its ancestors (a city
   * officer may join a sub-bureau's visit). What the two-officer rule (`twoOfficersProblem`) is
   * given as `eligible`; unknown, deactivated and ineligible ids alike are simply absent.
   */
  async eligibleForVisit(
    manager: EntityManager,
    ids: readonly string[],
    bureauId: string,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.query<{ id: string }[]>(
      `SELECT o.id FROM officers o WHERE o.id = ANY($1::uuid[]) AND ${eligibleForVisitSql('o', '$2')}`,
      [[...new Set(ids)], bureauId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * The same question inside a larger statement: the officers of `ids$` (a uuid[] placeholder) that
   * are eligible for a visit to premises of the bureau `bureauId$` (an SQL expression), as a JSON
   * array of rows for `hydrate(…, Officer, row, true)` (their password hashes left out).
   */
  eligibleForVisitJsonSql(manager: EntityManager, ids$: string, bureauId$: string): string {
    return `(SELECT coalesce(jsonb_agg(${rowAsJsonSql(manager, Officer, 'o')}), '[]'::jsonb) FROM officers o
              WHERE o.id = ANY(${ids$}) AND ${eligibleForVisitSql('o', bureauId$)})`;
  }

  /**
   * A page of the officers the scope covers (by their bureau) matching the filter, by name then id
   * (backwards: the reverse), from the edge whose key is `cursor` on; `limit` rows at most, and the
   * count of all that match. Listing is scoped (inspectors and supervisors see their
   * jurisdiction's colleagues) although an officer's name on a record of another bureau is not.
   */
  async page(
    manager: EntityManager,
    scope: Scope,
    filter: OfficerListFilter,
    cursor: readonly [name: string, id: string] | null,
    limit: number,
    backward = false,
  ): Promise<{ rows: Officer[]; totalCount: number }> {
    const query = scope.apply(manager.createQueryBuilder(Officer, 'o'), 'o.bureau_id');
    if (filter.subtreeOf) {
      query.andWhere(`o.bureau_id IN ${subtreeOf('CAST(:subtreeRoot AS uuid)')}`, {
        subtreeRoot: filter.subtreeOf,
      });
    }
    if (filter.bureauId) query.andWhere('o.bureau_id = :bureauId', { bureauId: filter.bureauId });
    if (filter.roles?.length) {
      query.andWhere('o.roles && CAST(:roles AS varchar[])', { roles: [...filter.roles] });
    }
    if (filter.active != null) query.andWhere('o.active = :active', { active: filter.active });
    const search = filter.search?.trim();
    if (search) {
      query.andWhere('(o.name ILIKE :pattern OR o.certificate_number ILIKE :pattern)', {
        pattern: likePattern(search),
      });
    }
    const totalCount = await query.clone().getCount();
    const keys = keyset(
      [
        { sql: 'o.name', descending: false },
        { sql: 'o.id', descending: false },
      ],
      backward,
    );
    if (cursor) {
      query.andWhere(keys.after([':cursorName::varchar', ':cursorId::uuid']), {
        cursorName: cursor[0],
        cursorId: cursor[1],
      });
    }
    const rows = await query
      .orderBy('o.name', keys.directions[0])
      .addOrderBy('o.id', keys.directions[1])
      .limit(limit)
      .getMany();
    return { rows, totalCount };
  }

  /** The officer a record names (who approved, voided, acted), through the loader; null for none. */
  async officerOrNull(loaders: Loaders, id: string | null | undefined): Promise<Officer | null> {
    if (!id) return null;
    return (await this.officerLoader(loaders).load(id)) ?? null;
  }

  /** Officers by id for this request (one query per tick), read as the request's loaders read. */
  officerLoader(loaders: Loaders): DataLoader<string, Officer | undefined> {
    return loaders.custom(
      'officers.byId',
      () =>
        new DataLoader<string, Officer | undefined>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.findBy(Officer, { id: In([...ids]) }),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id));
        }),
    );
  }
}
