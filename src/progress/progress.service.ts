import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CurrentOfficer } from '../auth/current-officer';
import { inJurisdiction } from '../auth/current-officer';
import { Bureau } from '../bureaus/bureau.entity';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { shanghaiDay } from '../common/time/shanghai';
import type { TargetCategoryType, ViolationTypeType } from '../reference/dto/reference.types';
import { PharmacistConflictsService } from '../premises/pharmacist-conflicts.service';
import { withReadTransaction } from '../database/read-replica';
import { ReferenceService } from '../reference/reference.service';
import { Sweep } from '../sweeps/sweep.entity';
import type { Figures } from './figures';
import { EMPTY_FIGURES } from './figures';
import {
  dailySql,
  figuresSql,
  findingListSql,
  progressCtes,
  violationTypesSql,
} from './progress-sql';
import type { FiguresRow, ProgressScope, ScopedSql } from './progress-sql';
import { summaryText } from './summary-text';

export interface ProgressFilterValues {
  bureauId?: string | null;
  categoryCodes?: string[] | null;
  from?: string | null;
  to?: string | null;
}

export interface SweepProgress {
  asOf: Date;
  sweep: Sweep;
  totals: Figures;
  byBureau: { bureau: Bureau; figures: Figures }[];
  byCategory: { category: TargetCategoryType; figures: Figures }[];
  byViolationType: { violationType: ViolationTypeType; count: number }[];
  daily: { date: string; inspections: number; findings: number }[];
  summaryText: string;
  /** 执业药师挂证: registration numbers recorded at two or more pharmacies, one of them in scope. */
  pharmacistRegistrationConflicts: number;
}

export interface FindingListRow {
  premises: string;
  bureau: string;
  violation: string;
  severity: string;
  status: string;
  rectification_deadline: string | null;
  case_decision_due: string;
  fine: string | null;
  confiscation: string | null;
  goods_value: string | null;
  inspected_at: Date;
}

interface ResolvedScope {
  sweep: Sweep;
  scope: ProgressScope;
  rootBureau: Bureau | null;
  /** The bureau whose subtree is counted, for the summary: the filter's, or an inspector's own. */
  areaBureau: Bureau | null;
  categories: TargetCategoryType[];
  violationTypeByCode: Map<string, ViolationTypeType>;
}

const BUREAU_KIND_ORDER: Record<string, number> = { MUNICIPAL: 0, SUB_BUREAU: 1, COUNTY: 2 };

/**
 * Progress of a sweep (工作进展情况): the standard enforcement statistics in total, per bureau
 * subtree, per category, per violation type and per day, computed in PostgreSQL with set-based
 * SQL. One request runs a fixed number of statements whatever the number of bureaus, categories
 * or inspections. Used by the GraphQL query and the Excel export alike.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceService,
    private readonly pharmacistConflicts: PharmacistConflictsService,
  ) {}

  async progress(
    sweepId: string,
    filter: ProgressFilterValues,
    officer: CurrentOfficer,
  ): Promise<SweepProgress> {
    const asOf = new Date();
    // One snapshot, so the totals, rows, series and summary agree with each other; served by the
    // read replica when DATABASE_READ_URL is set.
    return withReadTransaction(this.dataSource, async (manager) => {
      const resolved = await this.resolve(manager, sweepId, filter, officer);
      const ctes = progressCtes(resolved.scope, officer);
      const figureRows = await run<FiguresRow>(manager, figuresSql(ctes));
      const violationRows = await run<{ code: string; count: number }>(
        manager,
        violationTypesSql(ctes),
      );
      const daily = await run<{ date: string; inspections: number; findings: number }>(
        manager,
        dailySql(ctes),
      );
      const bureauIds = figureRows.filter((row) => row.kind === 'B').map((row) => row.key!);
      const bureaus = bureauIds.length ? await manager.findBy(Bureau, { id: In(bureauIds) }) : [];
      const exposures = await manager.query<{ source: string; title: string }[]>(
        `SELECT e.source, e.title FROM exposures e JOIN sweep_exposures se ON se.exposure_id = e.id
         WHERE se.sweep_id = $1 ORDER BY e.exposed_on, e.title`,
        [sweepId],
      );

      const pharmacistRegistrationConflicts = await this.pharmacistConflicts.countConflicts(
        manager,
        {
          bureauIds: await this.scopeBureauIds(manager, resolved.rootBureau, officer),
        },
      );

      const figuresOf = (kind: string, key: string | null): Figures => {
        const row = figureRows.find(
          (candidate) => candidate.kind === kind && candidate.key === key,
        );
        return row ? toFigures(row) : { ...EMPTY_FIGURES };
      };
      const totals = figuresOf('T', null);
      const byBureau = bureaus
        .sort(
          (a, b) =>
            BUREAU_KIND_ORDER[a.kind] - BUREAU_KIND_ORDER[b.kind] || a.code.localeCompare(b.code),
        )
        .map((bureau) => ({ bureau, figures: figuresOf('B', bureau.id) }));
      const byCategory = resolved.categories.map((category) => ({
        category,
        figures: figuresOf('C', category.id),
      }));
      const byViolationType = violationRows.map((row) => ({
        violationType: resolved.violationTypeByCode.get(row.code)!,
        count: row.count,
      }));
      return {
        asOf,
        sweep: resolved.sweep,
        totals,
        byBureau,
        byCategory,
        byViolationType,
        daily,
        pharmacistRegistrationConflicts,
        summaryText: summaryText({
          asOfDay: filter.to ?? shanghaiDay(asOf),
          areaName: resolved.areaBureau?.name ?? '全市',
          exposures,
          categoryNames: resolved.categories.map((category) => category.name),
          figures: totals,
        }),
      };
    });
  }

  /** The findings counted by the same scope, for the export's findings sheet. */
  async findingList(
    sweepId: string,
    filter: ProgressFilterValues,
    officer: CurrentOfficer,
  ): Promise<FindingListRow[]> {
    return withReadTransaction(this.dataSource, async (manager) => {
      const resolved = await this.resolve(manager, sweepId, filter, officer);
      return run<FindingListRow>(manager, findingListSql(progressCtes(resolved.scope, officer)));
    });
  }

  /** The bureaus the figures cover: the filter's subtree, else the caller's jurisdiction (all for managers). */
  private async scopeBureauIds(
    manager: EntityManager,
    rootBureau: Bureau | null,
    officer: CurrentOfficer,
  ): Promise<string[] | undefined> {
    if (!rootBureau) return officer.seesEverything ? undefined : officer.jurisdiction;
    const rows = await manager.query<{ id: string }[]>(
      `WITH RECURSIVE subtree AS (
         SELECT id FROM bureaus WHERE id = $1
         UNION ALL SELECT b.id FROM bureaus b JOIN subtree s ON b.parent_id = s.id
       ) SELECT id FROM subtree`,
      [rootBureau.id],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Checks the filter and turns it into a scope: unknown sweep or a bureau outside the caller's
   * jurisdiction → NOT_FOUND; unknown category codes or from after to → BAD_USER_INPUT.
   */
  private async resolve(
    manager: EntityManager,
    sweepId: string,
    filter: ProgressFilterValues,
    officer: CurrentOfficer,
  ): Promise<ResolvedScope> {
    const problems: FieldError[] = [];
    if (filter.from && filter.to && filter.from > filter.to) {
      problems.push({ path: 'filter.to', message: 'must not be before filter.from' });
    }
    const reference = await this.reference.load(manager);
    const requestedCategories = (filter.categoryCodes ?? []).map((code, index) => {
      const category = reference.categoryByCode.get(code);
      if (!category) {
        problems.push({
          path: `filter.categoryCodes[${index}]`,
          message: `is not a target category code`,
        });
      }
      return category;
    });
    if (problems.length) throw new BadUserInput(problems);

    const sweep = await manager.findOneBy(Sweep, { id: sweepId });
    if (!sweep) throw new NotFound('Sweep', sweepId);
    const sweepCategoryIds = new Set(
      (
        await manager.query<{ category_id: string }[]>(
          `SELECT category_id FROM sweep_categories WHERE sweep_id = $1`,
          [sweepId],
        )
      ).map((row) => row.category_id),
    );

    let rootBureau: Bureau | null = null;
    if (filter.bureauId) {
      rootBureau = await manager.findOneBy(Bureau, { id: filter.bureauId });
      if (!rootBureau || !inJurisdiction(officer, rootBureau.id)) {
        throw new NotFound('Bureau', filter.bureauId);
      }
    }
    const categoryIds = filter.categoryCodes ? requestedCategories.map((c) => c!.id) : null;
    const categories = reference.categories.filter(
      (category) =>
        sweepCategoryIds.has(category.id) &&
        (categoryIds === null || categoryIds.includes(category.id)),
    );
    return {
      sweep,
      rootBureau,
      areaBureau:
        rootBureau ??
        (officer.seesEverything ? null : await manager.findOneBy(Bureau, { id: officer.bureauId })),
      categories,
      violationTypeByCode: reference.violationTypeByCode,
      scope: {
        sweepId,
        categoryIds,
        from: filter.from ?? null,
        to: filter.to ?? null,
        rootBureauId: rootBureau?.id ?? null,
      },
    };
  }
}

function run<Row>(manager: EntityManager, query: ScopedSql): Promise<Row[]> {
  return manager.query<Row[]>(query.sql, query.parameters);
}

function toFigures(row: FiguresRow): Figures {
  return {
    officerVisits: row.officer_visits,
    inspections: row.inspections,
    premisesInspected: row.premises_inspected,
    target: row.target,
    completionRate: row.completion_rate,
    findings: row.findings,
    rectificationOrders: row.rectification_orders,
    rectified: row.rectified,
    goodsRemovedValue: row.goods_removed_value,
    casesFiled: row.cases_filed,
    fines: row.fines,
    confiscations: row.confiscations,
    transferredToPolice: row.transferred_to_police,
    overdue: row.overdue,
    exposedProductsFound: row.exposed_products_found,
  };
}
