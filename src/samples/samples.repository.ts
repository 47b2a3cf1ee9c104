import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { NotFound } from '../common/errors/domain-errors';
import { type Connection, keyset, type Page, toConnection } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import type { Scope } from '../common/scope';
import { hydrate } from '../database/hydrate';
import { groupBy, type Loaders } from '../graphql/loaders';
import {
  groupedSql,
  groupsSql,
  progressCtes,
  TOTALS_KEY,
  type FiguresRow,
  type ProgressSelection,
} from '../progress/progress.repository';
import type { FailedItem, SampleMethod, SampleResult } from './sample.entity';
import { Sample } from './sample.entity';

const SAMPLES_CURSOR = cursorCodec(['day', 'uuid']);

export interface SamplesListFilter {
  sweepId?: string | null;
  /** Samples of premises of this bureau and its descendants. */
  subtreeOf?: string | null;
  inspectionId?: string | null;
  method?: SampleMethod | null;
  results?: readonly SampleResult[] | null;
  pendingReport?: boolean | null;
  /** Voided samples too (作废); left out otherwise. */
  includeVoided?: boolean | null;
}

export type NewSample = Pick<
  Sample,
  | 'id'
  | 'inspectionId'
  | 'sweepId'
  | 'bureauId'
  | 'premisesId'
  | 'categoryId'
  | 'method'
  | 'sampleNumber'
  | 'product'
  | 'takenOn'
  | 'labName'
  | 'reportedOn'
  | 'result'
  | 'failedItems'
  | 'note'
  | 'recordedById'
>;

/** 抽检 and 不合格 (批次) of one group: what `SamplesRepository.figures` reads. */
export interface SampleFiguresRow {
  sweep_id: string;
  kind: FiguresRow['kind'];
  key: string | null;
  samples_taken: number;
  samples_failed: number;
}

/**
 * Every SQL statement on samples (抽样检验). Samples are jurisdiction-bound by their `bureau_id`
 * (the inspection's, the premises' bureau): every read takes the Scope.
 */
@Injectable()
export class SamplesRepository {
  /**
   * 抽检 / 不合格 (批次) per group, from the raw samples table whatever source the other figures
   * come from (the summaries keep no samples): the samples, not voided themselves, of the
   * inspections counted (`insp`: not voided — a voided inspection voids its samples —, in scope,
   * of the categories and days asked) taken by the as-of day, and of those the FAILs reported by
   * then, in the row of the premises' bureau (the sample's, the inspection's) and the
   * inspection's category.
   */
  figures(
    manager: EntityManager,
    scope: Scope,
    selection: ProgressSelection,
  ): Promise<SampleFiguresRow[]> {
    const ctes = progressCtes(scope, selection);
    const asOf = ctes.asOf();
    return manager.query<SampleFiguresRow[]>(
      `${ctes.sql},
      ${groupsSql()},
      smp AS (
        SELECT s.sweep_id, s.bureau_id, s.category_id, s.id,
          (s.result = 'FAIL' AND s.reported_on <= ${asOf}) AS failed
        FROM samples s JOIN insp i ON i.id = s.inspection_id
        WHERE s.sweep_id = ANY(${ctes.sweeps}) AND s.taken_on <= ${asOf} AND NOT s.voided
      )
      SELECT sweep_id, kind, nullif(key, ${TOTALS_KEY}) AS key,
        count(DISTINCT id)::int AS samples_taken,
        count(DISTINCT id) FILTER (WHERE failed)::int AS samples_failed
      FROM ${groupedSql('smp')} w GROUP BY sweep_id, kind, key`,
      ctes.params.values,
    );
  }

  async insert(manager: EntityManager, row: NewSample): Promise<Sample> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Sample)
      .values(row)
      .returning('*')
      .execute();
    return hydrate(manager, Sample, (result.raw as Record<string, unknown>[])[0]);
  }

  /** Whether the bureau already used this sample number (抽样单编号 are unique per bureau). */
  numberTaken(manager: EntityManager, bureauId: string, sampleNumber: string): Promise<boolean> {
    return manager.existsBy(Sample, { bureauId, sampleNumber });
  }

  /** The sample, locked for update, if it is inside the scope. */
  lockInScope(manager: EntityManager, scope: Scope, id: string): Promise<Sample | null> {
    return scope
      .apply(
        manager
          .createQueryBuilder(Sample, 's')
          .where('s.id = :id', { id })
          .setLock('pessimistic_write'),
        's.bureau_id',
      )
      .getOne();
  }

  findInScope(manager: EntityManager, scope: Scope, id: string): Promise<Sample | null> {
    return scope
      .apply(manager.createQueryBuilder(Sample, 's').where('s.id = :id', { id }), 's.bureau_id')
      .getOne();
  }

  /** Whether the sample exists inside the scope (the audit trail's check). */
  existsInScope(manager: EntityManager, scope: Scope, id: string): Promise<boolean> {
    return scope
      .apply(manager.createQueryBuilder(Sample, 's').where('s.id = :id', { id }), 's.bureau_id')
      .getExists();
  }

  /** Writes a lab's report on the sample and bumps its version; returns the row as stored. */
  async recordReport(
    manager: EntityManager,
    id: string,
    report: {
      reportNumber: string;
      reportedOn: string;
      result: SampleResult;
      failedItems: FailedItem[];
    },
  ): Promise<Sample> {
    const [rows] = await manager.query<[Record<string, unknown>[], number]>(
      `UPDATE samples
          SET report_number = $2, reported_on = $3, result = $4, failed_items = $5::jsonb,
              version = version + 1, updated_at = now()
        WHERE id = $1
        RETURNING *`,
      [
        id,
        report.reportNumber,
        report.reportedOn,
        report.result,
        JSON.stringify(report.failedItems),
      ],
    );
    return hydrate(manager, Sample, rows[0]);
  }

  /** Voids the sample (作废) with its reason, by the officer, and bumps its version. */
  async markVoided(
    manager: EntityManager,
    id: string,
    reason: string,
    officerId: string,
  ): Promise<Sample> {
    const [rows] = await manager.query<[Record<string, unknown>[], number]>(
      `UPDATE samples
          SET voided = true, void_reason = $2, voided_at = now(), voided_by_id = $3,
              version = version + 1, updated_at = now()
        WHERE id = $1
        RETURNING *`,
      [id, reason, officerId],
    );
    return hydrate(manager, Sample, rows[0]);
  }

  /**
   * A page of samples in the scope, by the day taken (ties by id in the same direction), with the
   * count of all that match in the same statement.
   */
  async list(
    manager: EntityManager,
    scope: Scope,
    filter: SamplesListFilter,
    page: Page,
    direction: 'ASC' | 'DESC',
  ): Promise<Connection<Sample>> {
    const cursor = page.cursor ? SAMPLES_CURSOR.decode(page.cursor, page.cursorArgument) : null;
    const base = this.filtered(manager, scope, filter);
    const descending = direction === 'DESC';
    const keys = keyset(
      [
        { sql: 's.taken_on', descending },
        { sql: 's.id', descending },
      ],
      page.backward,
    );
    const query = base
      .clone()
      .addSelect(`(${base.clone().select('count(*)').getQuery()})`, 'total_count')
      .orderBy('s.taken_on', keys.directions[0])
      .addOrderBy('s.id', keys.directions[1])
      .limit(page.size + 1);
    if (cursor) {
      query.andWhere(keys.after([':cursorDay::date', ':cursorId::uuid']), {
        cursorDay: cursor[0],
        cursorId: cursor[1],
      });
    }
    const { raw, entities } = await query.getRawAndEntities<{ total_count: string }>();
    const totalCount = raw.length
      ? Number(raw[0].total_count)
      : cursor
        ? await base.clone().getCount()
        : 0;
    return toConnection(entities, page, totalCount, (sample) =>
      SAMPLES_CURSOR.encode([sample.takenOn, sample.id]),
    );
  }

  private filtered(
    manager: EntityManager,
    scope: Scope,
    filter: SamplesListFilter,
  ): SelectQueryBuilder<Sample> {
    const query = scope.apply(manager.createQueryBuilder(Sample, 's'), 's.bureau_id');
    if (!filter.includeVoided) query.andWhere('NOT s.voided');
    if (filter.sweepId) query.andWhere('s.sweep_id = :sweepId', { sweepId: filter.sweepId });
    if (filter.subtreeOf)
      query.andWhere(`s.bureau_id IN ${subtreeOf(':subtreeRoot')}`, {
        subtreeRoot: filter.subtreeOf,
      });
    if (filter.inspectionId)
      query.andWhere('s.inspection_id = :inspectionId', { inspectionId: filter.inspectionId });
    if (filter.method) query.andWhere('s.method = :method', { method: filter.method });
    if (filter.results?.length)
      query.andWhere('s.result = ANY(:results)', { results: [...filter.results] });
    if (filter.pendingReport === true) query.andWhere(`s.method = 'LAB_TEST' AND s.result IS NULL`);
    if (filter.pendingReport === false) query.andWhere('s.result IS NOT NULL');
    return query;
  }

  /** This request's loader of samples by id within the scope; NotFound outside it. */
  sampleLoader(loaders: Loaders, scope: Scope): DataLoader<string, Sample> {
    return loaders.custom(
      'samples.byId',
      () =>
        new DataLoader<string, Sample>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(Sample, 's')
                  .where('s.id = ANY(:ids)', { ids: [...ids] }),
                's.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? new NotFound('Sample', id));
        }),
    );
  }

  /** This request's loader of an inspection's samples within the scope, in the order taken. */
  byInspectionLoader(loaders: Loaders, scope: Scope): DataLoader<string, Sample[]> {
    return loaders.custom(
      'samples.byInspection',
      () =>
        new DataLoader<string, Sample[]>(async (inspectionIds) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(Sample, 's')
                  .where('s.inspection_id = ANY(:ids)', { ids: [...inspectionIds] }),
                's.bureau_id',
              )
              .orderBy('s.taken_on', 'ASC')
              .addOrderBy('s.created_at', 'ASC')
              .addOrderBy('s.id', 'ASC')
              .getMany(),
          );
          return groupBy(inspectionIds, rows, (row) => row.inspectionId);
        }),
    );
  }
}
