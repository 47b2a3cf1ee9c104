import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import type { TargetCategoryType, ViolationTypeType } from '../reference/dto/reference.types';
import { PharmacistConflictsService } from '../premises/pharmacist-conflicts.service';
import { ReferenceService } from '../reference/reference.service';
import { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import type { Figures } from './figures';
import { EMPTY_FIGURES } from './figures';
import { ProgressRepository } from './progress.repository';
import type { FiguresRow, FindingListRow, ProgressSelection } from './progress.repository';
import { summaryText } from './summary-text';

export type { FindingListRow } from './progress.repository';

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

interface Resolved {
  sweep: Sweep;
  selection: ProgressSelection;
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
 * SQL (ProgressRepository). One request runs a fixed number of statements whatever the number of
 * bureaus, categories or inspections. Used by the GraphQL query and the Excel export alike.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly database: Database,
    private readonly repository: ProgressRepository,
    private readonly bureausRepository: BureausRepository,
    private readonly reference: ReferenceService,
    private readonly pharmacistConflicts: PharmacistConflictsService,
    private readonly sweeps: SweepsRepository,
  ) {}

  async progress(
    sweepId: string,
    filter: ProgressFilterValues,
    scope: Scope,
  ): Promise<SweepProgress> {
    const asOf = new Date();
    // One snapshot, so the totals, rows, series and summary agree with each other; served by the
    // read replica when DATABASE_READ_URL is set.
    return this.database.snapshot(async (manager) => {
      const resolved = await this.resolve(manager, sweepId, filter, scope);
      const figureRows = await this.repository.figures(manager, scope, resolved.selection);
      const violationRows = await this.repository.violationTypeCounts(
        manager,
        scope,
        resolved.selection,
      );
      const daily = await this.repository.daily(manager, scope, resolved.selection);
      const bureaus = await this.bureausRepository.findByIds(
        manager,
        figureRows.filter((row) => row.kind === 'B').map((row) => row.key!),
      );
      const exposures = await this.sweeps.exposuresOf(manager, sweepId);

      const pharmacistRegistrationConflicts = await this.pharmacistConflicts.countConflicts(
        manager,
        { bureauIds: await this.countedBureauIds(manager, resolved.rootBureau, scope) },
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

  /** The findings counted by the same scope and filter, for the export's findings sheet. */
  async findingList(
    sweepId: string,
    filter: ProgressFilterValues,
    scope: Scope,
  ): Promise<FindingListRow[]> {
    return this.database.snapshot(async (manager) => {
      const resolved = await this.resolve(manager, sweepId, filter, scope);
      return this.repository.findingList(manager, scope, resolved.selection);
    });
  }

  /** The bureaus the figures cover: the filter's subtree, else the scope's (all for managers). */
  private async countedBureauIds(
    manager: EntityManager,
    rootBureau: Bureau | null,
    scope: Scope,
  ): Promise<string[] | undefined> {
    if (!rootBureau) return scope.bureauIds ? [...scope.bureauIds] : undefined;
    return this.bureausRepository.subtreeIds(manager, rootBureau.id);
  }

  /**
   * Checks the filter and turns it into a selection: unknown sweep or a bureau outside the scope
   * → NOT_FOUND; unknown category codes or from after to → BAD_USER_INPUT.
   */
  private async resolve(
    manager: EntityManager,
    sweepId: string,
    filter: ProgressFilterValues,
    scope: Scope,
  ): Promise<Resolved> {
    const problems: FieldError[] = [];
    if (filter.from && filter.to && filter.from > filter.to) {
      problems.push({
        path: 'filter.to',
        message: message('validation.notBefore', { other: 'filter.from' }),
      });
    }
    const reference = await this.reference.load(manager);
    const requestedCategories = (filter.categoryCodes ?? []).map((code, index) => {
      const category = reference.categoryByCode.get(code);
      if (!category) {
        problems.push({
          path: `filter.categoryCodes[${index}]`,
          message: message('progress.unknownCategoryCode'),
        });
      }
      return category;
    });
    if (problems.length) throw new BadUserInput(problems);

    const sweep = await this.sweeps.byId(manager, sweepId);
    if (!sweep) throw new NotFound('Sweep', sweepId);
    const sweepCategoryIds = await this.sweeps.categoryIdsOf(manager, sweepId);

    let rootBureau: Bureau | null = null;
    if (filter.bureauId) {
      rootBureau = await this.bureausRepository.findById(manager, filter.bureauId);
      if (!rootBureau || !scope.covers(rootBureau.id)) {
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
      areaBureau: rootBureau ?? (await this.ownBureau(manager, scope)),
      categories,
      violationTypeByCode: reference.violationTypeByCode,
      selection: {
        sweepId,
        categoryIds,
        from: filter.from ?? null,
        to: filter.to ?? null,
        rootBureauId: rootBureau?.id ?? null,
      },
    };
  }

  /** The bureau of an officer whose scope is their jurisdiction; null for the whole city. */
  private async ownBureau(manager: EntityManager, scope: Scope): Promise<Bureau | null> {
    if (scope.unrestricted || !scope.officer) return null;
    return this.bureausRepository.findById(manager, scope.officer.bureauId);
  }
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
