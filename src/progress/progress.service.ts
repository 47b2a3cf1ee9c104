import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BadUserInput, NotFound } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../common/time/shanghai';
import { CluesRepository, type ClueFiguresRow } from '../clues/clues.repository';
import { Database } from '../database/database';
import type { TargetCategoryType, ViolationTypeType } from '../reference/dto/reference.types';
import { PharmacistConflictsService } from '../premises/pharmacist-conflicts.service';
import { ReferenceService } from '../reference/reference.service';
import { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import type { MeasureFiguresRow } from '../compulsory-measures/compulsory-measures.repository';
import { CompulsoryMeasuresRepository } from '../compulsory-measures/compulsory-measures.repository';
import { addMoney } from '../compulsory-measures/money';
import type { Figures } from './figures';
import { completionRate, EMPTY_FIGURES } from './figures';
import { ProgressSummariesRepository } from './progress-summaries.repository';
import { ProgressRepository } from './progress.repository';
import type {
  DailyRow,
  FiguresRow,
  FindingListRow,
  ProgressSelection,
  ViolationTypeCountRow,
} from './progress.repository';
import { SamplesRepository, type SampleFiguresRow } from '../samples/samples.repository';
import { summaryText } from './summary-text';

export type { FindingListRow } from './progress.repository';

export interface ProgressFilterValues {
  bureauId?: string | null;
  categoryCodes?: string[] | null;
  from?: string | null;
  to?: string | null;
}

/** Figures of one bureau: over its subtree in `byBureau`, of its own records in `ownRow`. */
export interface BureauFigures {
  bureau: Bureau;
  figures: Figures;
}

/** The figures of one sweep without the per-request extras: what `Sweep.progress` serves. */
export interface SweepProgressOverview {
  /** 截至: the end of the `to` day (Asia/Shanghai) when it is before today, else now. */
  asOf: Date;
  totals: Figures;
  byBureau: BureauFigures[];
  byCategory: { category: TargetCategoryType; figures: Figures }[];
}

export interface SweepProgress extends SweepProgressOverview {
  sweep: Sweep;
  /**
   * The bureau the report is of (the filter's, an officer's own, or the city bureau) with the
   * figures of its own records only (本级), for the workbook's 汇总; null when nothing is listed.
   */
  ownRow: BureauFigures | null;
  byViolationType: { violationType: ViolationTypeType; count: number }[];
  daily: { date: string; inspections: number; findings: number }[];
  summaryText: string;
  /** 执业药师挂证: registration numbers recorded at two or more pharmacies, one of them in scope. */
  pharmacistRegistrationConflicts: number;
}

/** The reads of the figures, from the summaries or recomputed from the raw tables. */
type Read<T> = (manager: EntityManager, scope: Scope, selection: ProgressSelection) => Promise<T>;
interface FigureSource {
  figures: Read<FiguresRow[]>;
  violationTypeCounts: Read<ViolationTypeCountRow[]>;
  daily: Read<DailyRow[]>;
  premisesKindsInspected: Read<string[]>;
}

interface ResolvedFilter {
  selection: Omit<ProgressSelection, 'sweepIds' | 'asOf'>;
  rootBureau: Bureau | null;
  /** The bureau whose subtree is counted, for the summary: the filter's, or an inspector's own. */
  areaBureau: Bureau | null;
  categoryById: Map<string, TargetCategoryType>;
  violationTypeByCode: Map<string, ViolationTypeType>;
}

interface Resolved extends ResolvedFilter {
  sweep: Sweep;
  selection: ProgressSelection;
  categories: TargetCategoryType[];
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
    private readonly summaries: ProgressSummariesRepository,
    private readonly bureausRepository: BureausRepository,
    private readonly reference: ReferenceService,
    private readonly pharmacistConflicts: PharmacistConflictsService,
    private readonly sweeps: SweepsRepository,
    private readonly measures: CompulsoryMeasuresRepository,
    private readonly samples: SamplesRepository,
    private readonly clues: CluesRepository,
  ) {}

  async progress(
    sweepId: string,
    filter: ProgressFilterValues,
    scope: Scope,
  ): Promise<SweepProgress> {
    const { asOf, asOfDay } = asOfOf(filter.to ?? null, new Date());
    // One snapshot, so the totals, rows, series and summary agree with each other; served by the
    // read replica when DATABASE_READ_URL is set.
    return this.database.snapshot(async (manager) => {
      const resolved = await this.resolve(manager, sweepId, filter, scope, asOfDay);
      const source = await this.source(manager, resolved.selection);
      const figureRows = await source.figures(manager, scope, resolved.selection);
      const violationRows = await source.violationTypeCounts(manager, scope, resolved.selection);
      const daily = await source.daily(manager, scope, resolved.selection);
      const bureaus = await this.bureausRepository.findByIds(manager, listedBureauIds(figureRows));
      const exposures = await this.sweeps.exposuresOf(manager, sweepId);

      const pharmacistRegistrationConflicts = await this.pharmacistConflicts.countConflicts(
        manager,
        { bureauIds: await this.countedBureauIds(manager, resolved.rootBureau, scope) },
      );

      const overview = overviewOf(figureRows, sweepId, bureaus, resolved.categories, asOf);
      const reportBureau =
        resolved.areaBureau ?? bureaus.find((bureau) => bureau.parentId === null) ?? null;
      const byViolationType = violationRows.map((row) => ({
        violationType: resolved.violationTypeByCode.get(row.code)!,
        count: row.count,
      }));
      return {
        ...overview,
        sweep: resolved.sweep,
        ownRow: reportBureau
          ? { bureau: reportBureau, figures: figuresOf(figureRows, sweepId, 'S', reportBureau.id) }
          : null,
        byViolationType,
        daily,
        pharmacistRegistrationConflicts,
        summaryText: summaryText({
          asOfDay,
          areaName: resolved.areaBureau?.name ?? '全市',
          exposures,
          categoryNames: resolved.categories.map((category) => category.name),
          premisesKinds: await source.premisesKindsInspected(manager, scope, resolved.selection),
          figures: overview.totals,
        }),
      };
    });
  }

  /**
   * The figures of several sweeps under one filter, for `Sweep.progress` over a list: a fixed
   * number of statements whatever the number of sweeps. An unknown sweep is NOT_FOUND in its slot.
   */
  async overviews(
    sweepIds: readonly string[],
    filter: ProgressFilterValues,
    scope: Scope,
  ): Promise<(SweepProgressOverview | Error)[]> {
    const { asOf, asOfDay } = asOfOf(filter.to ?? null, new Date());
    return this.database.snapshot(async (manager) => {
      const base = await this.resolveFilter(manager, filter, scope);
      const categoriesBySweep = await this.sweeps.categoryIdsOfSweeps(manager, sweepIds);
      const selection: ProgressSelection = {
        ...base.selection,
        sweepIds: [...categoriesBySweep.keys()],
        asOf: asOfDay,
      };
      const figureRows = selection.sweepIds.length
        ? await (await this.source(manager, selection)).figures(manager, scope, selection)
        : [];
      const bureaus = await this.bureausRepository.findByIds(manager, listedBureauIds(figureRows));
      return sweepIds.map((sweepId) => {
        const categoryIds = categoriesBySweep.get(sweepId);
        if (!categoryIds) return new NotFound('Sweep', sweepId);
        const categories = this.sweepCategories(base, categoryIds);
        return overviewOf(figureRows, sweepId, bureaus, categories, asOf);
      });
    });
  }

  /** The findings counted by the same scope and filter, for the export's findings sheet. */
  async findingList(
    sweepId: string,
    filter: ProgressFilterValues,
    scope: Scope,
  ): Promise<FindingListRow[]> {
    const { asOfDay } = asOfOf(filter.to ?? null, new Date());
    return this.database.snapshot(async (manager) => {
      const resolved = await this.resolve(manager, sweepId, filter, scope, asOfDay);
      return this.repository.findingList(manager, scope, resolved.selection);
    });
  }

  /**
   * Where the figures are read: the summaries (docs/progress.md) for open-ended and `to`-only
   * ranges of sweeps whose summaries are built; the raw tables for a range with a `from` day
   * (the summaries count from the first day of a sweep) or a sweep still waiting for its backfill.
   */
  private async source(
    manager: EntityManager,
    selection: ProgressSelection,
  ): Promise<FigureSource> {
    const base = await this.figureSource(manager, selection);
    return {
      ...base,
      figures: async (m, scope, s) => {
        const rows = mergeByGroup(
          await base.figures(m, scope, s),
          await this.clues.figures(m, scope, s),
          withClues,
          true,
        );
        const sampled = mergeByGroup(rows, await this.samples.figures(m, scope, s), withSamples);
        return mergeByGroup(sampled, await this.measures.figures(m, scope, s), withMeasures);
      },
    };
  }

  /**
   * The source of the figures but those of clues (受理投诉举报、办结), samples (抽检、不合格) and
   * compulsory measures (查封扣押), which both sources take from those records' own reads.
   */
  private async figureSource(
    manager: EntityManager,
    selection: ProgressSelection,
  ): Promise<FigureSource> {
    if (selection.from === null && (await this.summaries.built(manager, selection.sweepIds))) {
      const summaries = this.summaries;
      return {
        figures: (m, scope, s) => summaries.figures(m, scope, s),
        violationTypeCounts: (m, scope, s) => summaries.violationTypeCounts(m, scope, s),
        daily: (m, scope, s) => summaries.daily(m, scope, s),
        premisesKindsInspected: (m, scope, s) => summaries.premisesKindsInspected(m, scope, s),
      };
    }
    const raw = this.repository;
    return {
      figures: (m, scope, s) => raw.recomputeFigures(m, scope, s),
      violationTypeCounts: (m, scope, s) => raw.recomputeViolationTypeCounts(m, scope, s),
      daily: (m, scope, s) => raw.recomputeDaily(m, scope, s),
      premisesKindsInspected: (m, scope, s) => raw.recomputePremisesKindsInspected(m, scope, s),
    };
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
    asOfDay: string,
  ): Promise<Resolved> {
    const base = await this.resolveFilter(manager, filter, scope);
    const sweep = await this.sweeps.byId(manager, sweepId);
    if (!sweep) throw new NotFound('Sweep', sweepId);
    const sweepCategoryIds = await this.sweeps.categoryIdsOf(manager, sweepId);
    return {
      ...base,
      sweep,
      categories: this.sweepCategories(base, sweepCategoryIds),
      selection: { ...base.selection, sweepIds: [sweepId], asOf: asOfDay },
    };
  }

  /** The part of `resolve` that does not depend on the sweep. */
  private async resolveFilter(
    manager: EntityManager,
    filter: ProgressFilterValues,
    scope: Scope,
  ): Promise<ResolvedFilter> {
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

    let rootBureau: Bureau | null = null;
    if (filter.bureauId) {
      rootBureau = await this.bureausRepository.findById(manager, filter.bureauId);
      if (!rootBureau || !scope.covers(rootBureau.id)) {
        throw new NotFound('Bureau', filter.bureauId);
      }
    }
    const categoryIds = filter.categoryCodes ? requestedCategories.map((c) => c!.id) : null;
    return {
      rootBureau,
      areaBureau: rootBureau ?? (await this.ownBureau(manager, scope)),
      categoryById: reference.categoryById,
      violationTypeByCode: reference.violationTypeByCode,
      selection: {
        categoryIds,
        from: filter.from ?? null,
        to: filter.to ?? null,
        rootBureauId: rootBureau?.id ?? null,
      },
    };
  }

  /** The sweep's categories the filter keeps, in the sweep's own order (reports follow it). */
  private sweepCategories(base: ResolvedFilter, sweepCategoryIds: string[]): TargetCategoryType[] {
    const kept = base.selection.categoryIds;
    return sweepCategoryIds
      .filter((id) => kept === null || kept.includes(id))
      .map((id) => base.categoryById.get(id))
      .filter((category): category is TargetCategoryType => category !== undefined);
  }

  /** The bureau of an officer whose scope is their jurisdiction; null for the whole city. */
  private async ownBureau(manager: EntityManager, scope: Scope): Promise<Bureau | null> {
    if (scope.unrestricted || !scope.officer) return null;
    return this.bureausRepository.findById(manager, scope.officer.bureauId);
  }
}

/**
 * 截至: the day the figures are as of, min(`to`, today) in Asia/Shanghai, and the instant served
 * as `asOf` (the end of that day when it is past, else now).
 */
export function asOfOf(to: string | null, now: Date): { asOf: Date; asOfDay: string } {
  const today = shanghaiDay(now);
  if (to === null || to >= today) return { asOf: now, asOfDay: today };
  return { asOf: new Date(startOfShanghaiDay(addDays(to, 1)).getTime() - 1), asOfDay: to };
}

/** A group of the figures: a sweep, the kind of row (totals, bureau, category) and its key. */
interface Group {
  sweep_id: string;
  kind: string;
  key: string | null;
}

const groupKey = (row: Group): string => `${row.sweep_id}|${row.kind}|${row.key ?? ''}`;

/**
 * Merges the rows of another record's own read (clues, samples, measures: one statement each,
 * grouped like the figures) into the figure rows of either source, group by group, `merge` setting
 * the row's figures. With `addMissing` a group only the other read has gets a zero row first (a
 * bureau with clues and no inspection), so bureau rows still add up to the totals.
 */
function mergeByGroup<T extends Group>(
  rows: FiguresRow[],
  others: readonly T[],
  merge: (row: FiguresRow, other: T) => FiguresRow,
  addMissing = false,
): FiguresRow[] {
  const byGroup = new Map(others.map((other) => [groupKey(other), other]));
  const merged = rows.map((row) => {
    const other = byGroup.get(groupKey(row));
    if (!other) return row;
    byGroup.delete(groupKey(row));
    return merge(row, other);
  });
  if (!addMissing) return merged;
  const added = [...byGroup.values()].map((other) =>
    merge(
      {
        ...ZERO_ROW,
        sweep_id: other.sweep_id,
        kind: other.kind as FiguresRow['kind'],
        key: other.key,
      },
      other,
    ),
  );
  return [...merged, ...added];
}

/** 受理投诉举报 / 办结 (src/clues). */
function withClues(row: FiguresRow, clues: ClueFiguresRow): FiguresRow {
  return { ...row, clues_received: clues.clues_received, clues_closed: clues.clues_closed };
}

/** 抽检 / 不合格 (src/samples). */
function withSamples(row: FiguresRow, samples: SampleFiguresRow): FiguresRow {
  return { ...row, samples_taken: samples.samples_taken, samples_failed: samples.samples_failed };
}

/**
 * 查封扣押: its count and value, and its value added to 下架、查扣 (goods removed voluntarily and goods
 * under a measure, DOMAIN.md's summary clause). Every measure is in the group of its premises'
 * bureau and category, as its finding.
 */
function withMeasures(row: FiguresRow, measure: MeasureFiguresRow): FiguresRow {
  return {
    ...row,
    compulsory_measures: measure.measures,
    compulsory_measures_value: measure.value,
    goods_removed_value: addMoney(row.goods_removed_value, measure.value),
  };
}

function listedBureauIds(rows: FiguresRow[]): string[] {
  return [...new Set(rows.filter((row) => row.kind === 'B').map((row) => row.key!))];
}

function figuresOf(
  rows: FiguresRow[],
  sweepId: string,
  kind: FiguresRow['kind'],
  key: string | null,
): Figures {
  const row = rows.find(
    (candidate) =>
      candidate.sweep_id === sweepId && candidate.kind === kind && candidate.key === key,
  );
  return row ? toFigures(row) : { ...EMPTY_FIGURES };
}

/** Totals, bureau subtrees (municipal first, then by code) and categories of one sweep. */
function overviewOf(
  rows: FiguresRow[],
  sweepId: string,
  bureaus: Bureau[],
  categories: TargetCategoryType[],
  asOf: Date,
): SweepProgressOverview {
  const listed = new Set(
    rows.filter((row) => row.sweep_id === sweepId && row.kind === 'B').map((row) => row.key),
  );
  return {
    asOf,
    totals: figuresOf(rows, sweepId, 'T', null),
    byBureau: bureaus
      .filter((bureau) => listed.has(bureau.id))
      .sort(
        (a, b) =>
          BUREAU_KIND_ORDER[a.kind] - BUREAU_KIND_ORDER[b.kind] || a.code.localeCompare(b.code),
      )
      .map((bureau) => ({ bureau, figures: figuresOf(rows, sweepId, 'B', bureau.id) })),
    byCategory: categories.map((category) => ({
      category,
      figures: figuresOf(rows, sweepId, 'C', category.id),
    })),
  };
}

function toFigures(row: FiguresRow): Figures {
  const overdue =
    row.overdue_rectifications +
    row.overdue_filing_decisions +
    row.overdue_penalty_decisions +
    row.overdue_publications;
  return {
    officerVisits: row.officer_visits,
    inspections: row.inspections,
    premisesInspected: row.premises_inspected,
    target: row.target,
    completionRate: completionRate(row.completed, row.target),
    findings: row.findings,
    rectificationOrders: row.rectification_orders,
    rectified: row.rectified,
    goodsRemovedValue: row.goods_removed_value,
    casesFiled: row.cases_filed,
    casesDeclined: row.cases_declined,
    fines: row.fines,
    confiscations: row.confiscations,
    confiscatedGoodsValue: row.confiscated_goods_value,
    transferredToPolice: row.transferred_to_police,
    overdueRectifications: row.overdue_rectifications,
    overdueFilingDecisions: row.overdue_filing_decisions,
    overduePenaltyDecisions: row.overdue_penalty_decisions,
    overduePublications: row.overdue_publications,
    overdue,
    exposedProductsFound: row.exposed_products_found,
    compulsoryMeasures: row.compulsory_measures ?? 0,
    compulsoryMeasuresValue: row.compulsory_measures_value ?? '0.00',
    cluesReceived: row.clues_received ?? 0,
    cluesClosed: row.clues_closed ?? 0,
    clueClosureRate: completionRate(row.clues_closed ?? 0, row.clues_received ?? 0),
    samplesTaken: row.samples_taken ?? 0,
    samplesFailed: row.samples_failed ?? 0,
  };
}

const ZERO_ROW: FiguresRow = {
  sweep_id: '',
  kind: 'T',
  key: null,
  officer_visits: 0,
  inspections: 0,
  premises_inspected: 0,
  target: 0,
  completed: 0,
  findings: 0,
  rectification_orders: 0,
  rectified: 0,
  goods_removed_value: '0.00',
  cases_filed: 0,
  cases_declined: 0,
  fines: '0.00',
  confiscations: '0.00',
  confiscated_goods_value: '0.00',
  transferred_to_police: 0,
  overdue_rectifications: 0,
  overdue_filing_decisions: 0,
  overdue_penalty_decisions: 0,
  overdue_publications: 0,
  exposed_products_found: 0,
};
