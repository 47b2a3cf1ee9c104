import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { isUUID } from 'class-validator';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import {
  Connection,
  decodeCursor,
  PageArgs,
  pageSize,
  toConnection,
} from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import { Inspection } from '../inspections/inspection.entity';
import type { PremisesFilter } from './dto/premises.inputs';
import type { Premises } from './premises.entity';
import { PremisesRepository } from './premises.repository';

/** premisesList's cursor: the (name, id) of the last edge. */
const premisesCursor = cursorCodec(['text', 'uuid']);

/**
 * Reads of premises (市场主体): search and detail, always within the caller's scope (their
 * jurisdiction), through PremisesRepository.
 */
@Injectable()
export class PremisesService {
  constructor(
    private readonly database: Database,
    private readonly premises: PremisesRepository,
  ) {}

  /** A premises of the scope; outside it, it does not exist (NOT_FOUND). */
  async get(id: string, scope: Scope): Promise<Premises> {
    const premises = await this.premises.findInScope(this.database.manager, scope, id);
    if (!premises) throw new NotFound('Premises', id);
    return premises;
  }

  /** A page of premises ordered by (name, id), with the total count of all matches. */
  async list(
    filter: PremisesFilter | null | undefined,
    page: PageArgs,
    scope: Scope,
  ): Promise<Connection<Premises>> {
    const first = pageSize(page);
    const after = page.after ? premisesCursor.decode(page.after) : null;
    // Lists may come from the read replica (DATABASE_READ_URL).
    const { rows, totalCount } = await this.database.read((manager) =>
      this.premises.page(manager, scope, filter ?? {}, after, first + 1),
    );
    return toConnection(rows, first, totalCount, (row) =>
      premisesCursor.encode([row.name, row.id]),
    );
  }

  /*
   * TRANSITIONAL: PremisesType.lastInspection and PremisesType.inspections move to the inspections
   * area (scoped reads through its repository); these two go when those field resolvers do.
   */

  /** The latest non-voided inspection of each premises, batched over all premises asked. */
  lastInspection(loaders: Loaders, premisesId: string): Promise<Inspection | undefined> {
    return loaders
      .custom('premises.lastInspection', () => {
        return new DataLoader<string, Inspection | undefined>(async (premisesIds) => {
          const rows = await this.database.manager.query<{ premises_id: string; id: string }[]>(
            `SELECT DISTINCT ON (premises_id) premises_id, id FROM inspections
              WHERE premises_id = ANY($1::uuid[]) AND NOT voided
              ORDER BY premises_id, inspected_at DESC, id DESC`,
            [premisesIds],
          );
          const ids = new Map(rows.map((row) => [row.premises_id, row.id]));
          const inspections = await loaders
            .byId(Inspection)
            .loadMany(premisesIds.map((id) => ids.get(id) ?? '').filter(Boolean));
          const byPremises = new Map<string, Inspection>();
          for (const inspection of inspections) {
            if (inspection && !(inspection instanceof Error))
              byPremises.set(inspection.premisesId, inspection);
          }
          return premisesIds.map((id) => byPremises.get(id));
        });
      })
      .load(premisesId);
  }

  /**
   * A page of a premises' non-voided inspections, newest first. One loader per (first, after),
   * so a list of premises asking the same page costs one windowed query for all of them.
   */
  inspections(
    loaders: Loaders,
    premisesId: string,
    page: PageArgs,
  ): Promise<Connection<Inspection>> {
    const first = pageSize(page);
    let after: [string, string] | null = null;
    if (page.after) {
      const [at, id] = decodeCursor(page.after, 2);
      if (
        typeof at !== 'string' ||
        Number.isNaN(Date.parse(at)) ||
        typeof id !== 'string' ||
        !isUUID(id)
      )
        throw BadUserInput.field('after', 'is not a cursor of this list');
      after = [at, id];
    }
    return loaders
      .custom(
        `premises.inspections:${first}:${page.after ?? ''}`,
        () =>
          new DataLoader<string, Connection<Inspection>>((premisesIds) =>
            this.inspectionPages(loaders, premisesIds, first, after),
          ),
      )
      .load(premisesId);
  }

  private async inspectionPages(
    loaders: Loaders,
    premisesIds: readonly string[],
    first: number,
    after: [string, string] | null,
  ): Promise<Connection<Inspection>[]> {
    // inspected_at travels as text in the cursor so microseconds survive the round trip
    const rows = await this.database.manager.query<
      { premises_id: string; id: string; at: string; total: string }[]
    >(
      `SELECT premises_id, id, at, total FROM (
          SELECT q.*, row_number() OVER (
                   PARTITION BY q.premises_id ORDER BY q.inspected_at DESC, q.id DESC) AS position
            FROM (SELECT i.premises_id, i.id, i.inspected_at, i.inspected_at::text AS at,
                         count(*) OVER (PARTITION BY i.premises_id) AS total
                    FROM inspections i
                   WHERE i.premises_id = ANY($1::uuid[]) AND NOT i.voided) q
           WHERE $2::timestamptz IS NULL OR (q.inspected_at, q.id) < ($2::timestamptz, $3::uuid)
        ) r
        WHERE r.position <= $4
        ORDER BY premises_id, position`,
      [premisesIds, after?.[0] ?? null, after?.[1] ?? null, first + 1],
    );
    const inspections = await loaders.byId(Inspection).loadMany(rows.map((row) => row.id));
    const byId = new Map<string, Inspection>();
    for (const inspection of inspections) {
      if (inspection && !(inspection instanceof Error)) byId.set(inspection.id, inspection);
    }
    const cursorOf = new Map(rows.map((row) => [row.id, [row.at, row.id]]));
    const totals = await this.inspectionTotals(premisesIds, rows);
    return premisesIds.map((premisesId) => {
      const page = rows
        .filter((row) => row.premises_id === premisesId)
        .map((row) => byId.get(row.id))
        .filter((inspection): inspection is Inspection => inspection !== undefined);
      return toConnection(
        page,
        first,
        totals.get(premisesId) ?? 0,
        (inspection) => cursorOf.get(inspection.id) ?? [],
      );
    });
  }

  /**
   * Totals of non-voided inspections per premises. The windowed query gives them whenever a
   * premises has a row on the page; only premises paged past their end need a count here.
   */
  private async inspectionTotals(
    premisesIds: readonly string[],
    rows: { premises_id: string; total: string }[],
  ): Promise<Map<string, number>> {
    const totals = new Map(rows.map((row) => [row.premises_id, Number(row.total)]));
    const missing = premisesIds.filter((id) => !totals.has(id));
    if (missing.length === 0) return totals;
    const counts = await this.database.manager.query<{ premises_id: string; total: string }[]>(
      `SELECT premises_id, count(*) AS total FROM inspections
        WHERE premises_id = ANY($1::uuid[]) AND NOT voided GROUP BY premises_id`,
      [missing],
    );
    for (const row of counts) totals.set(row.premises_id, Number(row.total));
    return totals;
  }
}
