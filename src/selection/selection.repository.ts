import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { keyset, type SortKey } from '../common/pagination/connection';
import { cursorCodec } from '../common/pagination/cursor';
import { Scope, SqlParameters } from '../common/scope';
import { hydrate } from '../database/hydrate';
import type { Loaders } from '../graphql/loaders';
import type { InspectionPlanVisitType } from './dto/inspection-plan.types';
import {
  ROTATION_MONTHS,
  type DrawnVisit,
  type FrozenCandidate,
  type FrozenDeclaration,
  type FrozenHistory,
  type FrozenInputs,
  type FrozenOfficer,
} from './draw';
import { InspectionPlan, InspectionPlanVisit } from './inspection-plan.entity';
import {
  ConflictOfInterestDeclaration,
  InspectionPlanPublication,
  InspectionPlanResult,
  type SelectionResult,
} from './selection-records.entity';

/** What the draw reads of a bureau's jurisdiction, and for which category and day. */
export interface DrawScope {
  sweepId: string;
  bureauId: string;
  categoryId: string;
  categoryCode: string;
  premisesKinds: readonly string[];
  /** Asia/Shanghai day of the draw. */
  drawDay: string;
}

/** The fields of a new plan. */
export type NewPlan = Pick<
  InspectionPlan,
  | 'sweepId'
  | 'bureauId'
  | 'categoryId'
  | 'premisesCount'
  | 'seed'
  | 'drawnById'
  | 'inputsFingerprint'
  | 'algorithm'
  | 'supersedesId'
  | 'redrawReason'
  | 'frozenInputs'
  | 'classFigures'
  | 'loadCap'
>;

export const DECLARATION_CURSOR = cursorCodec(['day', 'uuid']);
export const PUBLICATION_CURSOR = cursorCodec(['day', 'uuid']);

/** Declarations: newest in force first, then by id. */
const DECLARATION_ORDER: readonly SortKey[] = [
  { sql: 'd.in_force_from', descending: true },
  { sql: 'd.id', descending: false },
];

/** Plans awaiting publication: earliest due first, then by id. */
const PUBLICATION_ORDER: readonly SortKey[] = [
  { sql: 'pub.due_on', descending: false },
  { sql: 'p.id', descending: false },
];

/** What a result write needs to know of the visit it is for. */
export interface VisitForResult {
  premisesId: string;
}

/** Results recorded on a plan so far. */
export interface ResultTally {
  visits: number;
  results: number;
  lastFormedOn: string | null;
}

export interface DeclarationFilter {
  officerId?: string | null;
  premisesId?: string | null;
  inForceOn?: string | null;
}

/**
 * Every SQL statement on inspection plans (双随机抽查计划), their visits, results and publication,
 * on conflict-of-interest declarations (回避声明), and the reads the draw makes of the bureau's
 * jurisdiction. Plans are jurisdiction-bound by their bureau, declarations by their officer's.
 */
@Injectable()
export class SelectionRepository {
  // ---- what the draw freezes

  /**
   * Serialises draws of one (sweep, bureau, category) until the transaction ends, so two first
   * draws cannot both find no binding plan (the partial unique index is the backstop).
   */
  async lockDrawTarget(manager: EntityManager, target: DrawScope): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 19))`, [
      `selection:${target.sweepId}:${target.bureauId}:${target.categoryId}`,
    ]);
  }

  /** The binding plan of the target, locked, or null. */
  bindingPlan(manager: EntityManager, target: DrawScope): Promise<InspectionPlan | null> {
    return manager
      .createQueryBuilder(InspectionPlan, 'plan')
      .where('plan.sweep_id = :sweepId AND plan.bureau_id = :bureauId', target)
      .andWhere(`plan.category_id = :categoryId AND plan.status = 'BINDING'`, target)
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The bureau's own active officers who may inspect, in id order: the ones the draw sends. */
  pairableOfficers(manager: EntityManager, bureauId: string): Promise<FrozenOfficer[]> {
    return manager.query<FrozenOfficer[]>(
      `SELECT id, name, certificate_number AS "certificateNumber" FROM officers
        WHERE bureau_id = $1 AND active AND roles && ARRAY['INSPECTOR','SUPERVISOR']::varchar[]
        ORDER BY id`,
      [bureauId],
    );
  }

  /**
   * Premises of the category's kinds in the bureau's jurisdiction (its subtree) and the scope, in
   * id order, with their risk class and whether each already has a non-voided inspection in the
   * sweep and category.
   */
  candidates(manager: EntityManager, scope: Scope, draw: DrawScope): Promise<FrozenCandidate[]> {
    const params = new SqlParameters();
    return manager.query<FrozenCandidate[]>(
      `SELECT p.id, p.name, p.credit_code AS "creditCode",
              COALESCE(p.risk_level, 'UNGRADED') AS "riskClass",
              EXISTS (SELECT 1 FROM inspections i
                       WHERE i.premises_id = p.id AND i.sweep_id = ${params.add(draw.sweepId)}
                         AND i.category_id = ${params.add(draw.categoryId)}
                         AND NOT i.voided) AS inspected
         FROM premises p
        WHERE p.bureau_id IN ${subtreeOf(params.add(draw.bureauId, 'uuid'))}
          AND p.kind = ANY(${params.add(draw.premisesKinds, 'varchar[]')})
          AND ${scope.sql('p.bureau_id', params)}
        ORDER BY p.id`,
      params.values,
    );
  }

  /**
   * Who of `officerIds` inspected which candidate premises (not voided) in the 12 months before the
   * draw day (轮换), with the last such day.
   */
  rotationHistory(
    manager: EntityManager,
    scope: Scope,
    draw: DrawScope,
    officerIds: readonly string[],
  ): Promise<FrozenHistory[]> {
    const params = new SqlParameters();
    const day = params.add(draw.drawDay, 'date');
    return manager.query<FrozenHistory[]>(
      `SELECT i.premises_id AS "premisesId", o.officer_id AS "officerId",
              to_char(max((i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD')
                AS "lastInspectedOn"
         FROM inspections i
         JOIN premises p ON p.id = i.premises_id
         CROSS JOIN LATERAL unnest(i.officer_ids) AS o(officer_id)
        WHERE NOT i.voided
          AND (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date
              > (${day} - interval '${ROTATION_MONTHS} months')::date
          AND (i.inspected_at AT TIME ZONE 'Asia/Shanghai')::date <= ${day}
          AND p.bureau_id IN ${subtreeOf(params.add(draw.bureauId, 'uuid'))}
          AND p.kind = ANY(${params.add(draw.premisesKinds, 'varchar[]')})
          AND o.officer_id = ANY(${params.add(officerIds, 'uuid[]')})
          AND ${scope.sql('p.bureau_id', params)}
        GROUP BY i.premises_id, o.officer_id
        ORDER BY i.premises_id, o.officer_id`,
      params.values,
    );
  }

  /** Declarations in force on the draw day between `officerIds` and the candidate premises. */
  declarationsInForce(
    manager: EntityManager,
    scope: Scope,
    draw: DrawScope,
    officerIds: readonly string[],
  ): Promise<FrozenDeclaration[]> {
    const params = new SqlParameters();
    const day = params.add(draw.drawDay, 'date');
    return manager.query<FrozenDeclaration[]>(
      `SELECT DISTINCT d.officer_id AS "officerId", d.premises_id AS "premisesId"
         FROM conflict_of_interest_declarations d
         JOIN premises p ON p.id = d.premises_id
        WHERE d.in_force_from <= ${day} AND (d.withdrawn_on IS NULL OR d.withdrawn_on > ${day})
          AND p.bureau_id IN ${subtreeOf(params.add(draw.bureauId, 'uuid'))}
          AND p.kind = ANY(${params.add(draw.premisesKinds, 'varchar[]')})
          AND d.officer_id = ANY(${params.add(officerIds, 'uuid[]')})
          AND ${scope.sql('p.bureau_id', params)}
        ORDER BY d.premises_id, d.officer_id`,
      params.values,
    );
  }

  // ---- plans

  /** Writes a drawn plan (with the id made for it) and its visits. */
  async insertPlan(
    manager: EntityManager,
    values: NewPlan & { id: string },
    visits: readonly DrawnVisit[],
  ): Promise<InspectionPlan> {
    await manager.insert(InspectionPlan, values);
    const plan = await manager.findOneByOrFail(InspectionPlan, { id: values.id });
    if (visits.length > 0) {
      await manager.insert(
        InspectionPlanVisit,
        visits.map((visit) => ({
          planId: plan.id,
          position: visit.position,
          premisesId: visit.premisesId,
          officerIds: visit.officerIds,
          riskClass: visit.riskClass,
          unassignedReason: visit.unassignedReason,
        })),
      );
    }
    return plan;
  }

  /**
   * Marks the binding plan superseded by its redraw (the one update the trigger allows), before
   * the redraw is inserted: the link is checked at commit.
   */
  async supersede(manager: EntityManager, planId: string, byPlanId: string): Promise<void> {
    await manager.query(
      `UPDATE inspection_plans SET status = 'SUPERSEDED', superseded_by_id = $2
        WHERE id = $1 AND status = 'BINDING'`,
      [planId, byPlanId],
    );
  }

  /** The plan, when its bureau is within the scope; else null. */
  planById(manager: EntityManager, scope: Scope, id: string): Promise<InspectionPlan | null> {
    return scope
      .apply(
        manager.createQueryBuilder(InspectionPlan, 'plan').where('plan.id = :id', { id }),
        'plan.bureau_id',
      )
      .getOne();
  }

  /** Plans by id within the scope, batched per request (null outside it). */
  planLoader(loaders: Loaders, scope: Scope): DataLoader<string, InspectionPlan | null> {
    return loaders.custom(
      `selection.plans:${scope.bureauIds?.join(',') ?? 'city'}`,
      () =>
        new DataLoader<string, InspectionPlan | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(InspectionPlan, 'plan')
                  .where('plan.id = ANY(:ids)', { ids: [...ids] }),
                'plan.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /** The frozen inputs of plans the caller already holds (read apart: they are large). */
  frozenInputsLoader(loaders: Loaders): DataLoader<string, FrozenInputs | null> {
    return loaders.custom(
      'selection.frozenInputs',
      () =>
        new DataLoader<string, FrozenInputs | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            manager.query<{ id: string; frozen_inputs: FrozenInputs | null }[]>(
              `SELECT id, frozen_inputs FROM inspection_plans WHERE id = ANY($1::uuid[])`,
              [[...ids]],
            ),
          );
          const byId = new Map(rows.map((row) => [row.id, row.frozen_inputs]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /** The plan within the scope, locked for the rest of the transaction; else null. */
  lockPlan(manager: EntityManager, scope: Scope, id: string): Promise<InspectionPlan | null> {
    return scope
      .apply(
        manager.createQueryBuilder(InspectionPlan, 'plan').where('plan.id = :id', { id }),
        'plan.bureau_id',
      )
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Whether the plan exists inside the scope (the audit trail's jurisdiction check). */
  existsInScope(manager: EntityManager, scope: Scope, id: string): Promise<boolean> {
    return scope
      .apply(
        manager.createQueryBuilder(InspectionPlan, 'plan').where('plan.id = :id', { id }),
        'plan.bureau_id',
      )
      .getExists();
  }

  /** The plans of a sweep within the scope, newest draw first. */
  plansOfSweep(manager: EntityManager, scope: Scope, sweepId: string): Promise<InspectionPlan[]> {
    return scope
      .apply(
        manager
          .createQueryBuilder(InspectionPlan, 'plan')
          .where('plan.sweep_id = :sweepId', { sweepId }),
        'plan.bureau_id',
      )
      .orderBy('plan.drawn_at', 'DESC')
      .addOrderBy('plan.id', 'ASC')
      .getMany();
  }

  /** A published plan by id, for the public export; null when unknown or not published. */
  publishedPlan(manager: EntityManager, id: string): Promise<InspectionPlan | null> {
    return manager
      .createQueryBuilder(InspectionPlan, 'plan')
      .addSelect('plan.frozenInputs')
      .innerJoin(InspectionPlanPublication, 'pub', 'pub.plan_id = plan.id')
      .where('plan.id = :id AND pub.published_on IS NOT NULL', { id })
      .getOne();
  }

  /** The visits of a plan in position order, with their results (the export reads these). */
  visitsWithResults(
    manager: EntityManager,
    planId: string,
  ): Promise<
    (Pick<
      InspectionPlanVisit,
      'position' | 'premisesId' | 'officerIds' | 'riskClass' | 'unassignedReason'
    > & { result: SelectionResult | null; formedOn: string | null })[]
  > {
    return manager.query(
      `SELECT v.position, v.premises_id AS "premisesId", v.officer_ids AS "officerIds",
              v.risk_class AS "riskClass", v.unassigned_reason AS "unassignedReason",
              r.result, to_char(r.formed_on, 'YYYY-MM-DD') AS "formedOn"
         FROM inspection_plan_visits v
         LEFT JOIN inspection_plan_results r ON r.plan_id = v.plan_id AND r.position = v.position
        WHERE v.plan_id = $1
        ORDER BY v.position`,
      [planId],
    );
  }

  /** Sweep code, bureau name and category code of a plan, for the export's heading. */
  async planLabels(
    manager: EntityManager,
    planId: string,
  ): Promise<{ sweepCode: string; sweepTitle: string; bureauName: string; categoryCode: string }> {
    const [row] = await manager.query<
      { sweepCode: string; sweepTitle: string; bureauName: string; categoryCode: string }[]
    >(
      `SELECT s.code AS "sweepCode", s.title AS "sweepTitle", b.name AS "bureauName",
              c.code AS "categoryCode"
         FROM inspection_plans p
         JOIN sweeps s ON s.id = p.sweep_id
         JOIN bureaus b ON b.id = p.bureau_id
         JOIN target_categories c ON c.id = p.category_id
        WHERE p.id = $1`,
      [planId],
    );
    return row;
  }

  /**
   * The visits of each plan asked (plans within the scope; others have none), in position order,
   * with their result and the first non-voided inspection of the premises in the plan's sweep and
   * category logged after the draw: one query per batch of plans.
   */
  visitsLoader(loaders: Loaders, scope: Scope): DataLoader<string, InspectionPlanVisitType[]> {
    return loaders.custom(
      'selection.visits',
      () =>
        new DataLoader<string, InspectionPlanVisitType[]>(async (planIds) => {
          const params = new SqlParameters();
          const rows = await loaders.read((manager) =>
            manager.query<
              {
                plan_id: string;
                position: number;
                premises_id: string;
                officer_ids: string[];
                risk_class: InspectionPlanVisitType['riskClass'];
                unassigned_reason: InspectionPlanVisitType['unassignedReason'];
                inspection_id: string | null;
                outcome: string | null;
                result: SelectionResult | null;
                formed_on: string | null;
                note: string | null;
                recorded_at: Date | null;
                result_inspection_id: string | null;
                recorded_by_id: string | null;
              }[]
            >(
              `SELECT v.plan_id, v.position, v.premises_id, v.officer_ids, v.risk_class,
                      v.unassigned_reason, done.id AS inspection_id, done.outcome,
                      r.result, to_char(r.formed_on, 'YYYY-MM-DD') AS formed_on, r.note,
                      r.recorded_at, r.inspection_id AS result_inspection_id, r.recorded_by_id
                 FROM inspection_plan_visits v JOIN inspection_plans p ON p.id = v.plan_id
                 LEFT JOIN inspection_plan_results r
                   ON r.plan_id = v.plan_id AND r.position = v.position
                 LEFT JOIN LATERAL (
                   SELECT i.id, i.outcome FROM inspections i
                    WHERE i.premises_id = v.premises_id AND i.sweep_id = p.sweep_id
                      AND i.category_id = p.category_id AND NOT i.voided
                      AND i.recorded_at >= p.drawn_at
                    ORDER BY i.inspected_at, i.id LIMIT 1) done ON TRUE
                WHERE v.plan_id = ANY(${params.add([...planIds], 'uuid[]')})
                  AND ${scope.sql('p.bureau_id', params)}
                ORDER BY v.plan_id, v.position`,
              params.values,
            ),
          );
          const byPlan = new Map<string, InspectionPlanVisitType[]>();
          for (const row of rows) {
            const visits = byPlan.get(row.plan_id) ?? [];
            visits.push({
              planId: row.plan_id,
              position: row.position,
              premisesId: row.premises_id,
              officerIds: row.officer_ids,
              riskClass: row.risk_class,
              unassigned: row.officer_ids.length === 0,
              unassignedReason: row.unassigned_reason,
              inspectionId: row.inspection_id,
              inspectionOutcome: row.outcome,
              done: row.inspection_id !== null,
              suggestedResult: null,
              result:
                row.result && row.formed_on && row.recorded_at && row.recorded_by_id
                  ? {
                      result: row.result,
                      formedOn: row.formed_on,
                      note: row.note,
                      recordedAt: row.recorded_at,
                      inspectionId: row.result_inspection_id,
                      recordedById: row.recorded_by_id,
                    }
                  : null,
            });
            byPlan.set(row.plan_id, visits);
          }
          return planIds.map((id) => byPlan.get(id) ?? []);
        }),
    );
  }

  // ---- results and publication

  /** The visit at `position` of the plan, or null. */
  async visit(
    manager: EntityManager,
    planId: string,
    position: number,
  ): Promise<VisitForResult | null> {
    const [row] = await manager.query<VisitForResult[]>(
      `SELECT premises_id AS "premisesId" FROM inspection_plan_visits
        WHERE plan_id = $1 AND position = $2`,
      [planId, position],
    );
    return row ?? null;
  }

  /** Whether the inspection is a non-voided one of the premises in the sweep. */
  async inspectionOfVisit(
    manager: EntityManager,
    inspectionId: string,
    premisesId: string,
    sweepId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM inspections
        WHERE id = $1 AND premises_id = $2 AND sweep_id = $3 AND NOT voided`,
      [inspectionId, premisesId, sweepId],
    );
    return rows.length > 0;
  }

  /** Records (or replaces) the result of a visit; returns the row as it was before, if any. */
  async upsertResult(
    manager: EntityManager,
    values: Pick<
      InspectionPlanResult,
      'planId' | 'position' | 'result' | 'formedOn' | 'inspectionId' | 'note' | 'recordedById'
    >,
  ): Promise<InspectionPlanResult | null> {
    const before = await manager.findOne(InspectionPlanResult, {
      where: { planId: values.planId, position: values.position },
    });
    await manager.query(
      `INSERT INTO inspection_plan_results
              (plan_id, position, result, formed_on, inspection_id, note, recorded_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (plan_id, position) DO UPDATE SET result = EXCLUDED.result,
              formed_on = EXCLUDED.formed_on, inspection_id = EXCLUDED.inspection_id,
              note = EXCLUDED.note, recorded_by_id = EXCLUDED.recorded_by_id, recorded_at = now()`,
      [
        values.planId,
        values.position,
        values.result,
        values.formedOn,
        values.inspectionId,
        values.note,
        values.recordedById,
      ],
    );
    return before;
  }

  /** Whether any result is recorded on the plan. */
  async hasResults(manager: EntityManager, planId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM inspection_plan_results WHERE plan_id = $1 LIMIT 1`,
      [planId],
    );
    return rows.length > 0;
  }

  /** How many visits and results the plan has, and the last day a result was formed. */
  async resultTally(manager: EntityManager, planId: string): Promise<ResultTally> {
    const [row] = await manager.query<ResultTally[]>(
      `SELECT (SELECT count(*)::int FROM inspection_plan_visits WHERE plan_id = $1) AS visits,
              count(*)::int AS results,
              to_char(max(formed_on), 'YYYY-MM-DD') AS "lastFormedOn"
         FROM inspection_plan_results WHERE plan_id = $1`,
      [planId],
    );
    return row;
  }

  /** The publication row of a plan (exists once every visit has a result), or null. */
  publication(manager: EntityManager, planId: string): Promise<InspectionPlanPublication | null> {
    return manager.findOne(InspectionPlanPublication, { where: { planId } });
  }

  /**
   * Unpublished plans whose publication period may run through `year` (its last result formed by
   * the end of the year, due on or after its first day): what loading that year's holidays moves.
   */
  async unpublishedRunningThrough(
    manager: EntityManager,
    year: number,
  ): Promise<{ planId: string; lastResultOn: string; dueOn: string }[]> {
    return manager.query(
      `SELECT plan_id AS "planId", to_char(last_result_on, 'YYYY-MM-DD') AS "lastResultOn",
              to_char(due_on, 'YYYY-MM-DD') AS "dueOn"
         FROM inspection_plan_publications
        WHERE published_on IS NULL AND last_result_on <= $2::date AND due_on >= $1::date
        ORDER BY plan_id`,
      [`${year}-01-01`, `${year}-12-31`],
    );
  }

  /** Sets when publication is due (every visit has a result); unpublished plans only. */
  async setPublicationDue(
    manager: EntityManager,
    planId: string,
    lastResultOn: string,
    dueOn: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO inspection_plan_publications (plan_id, last_result_on, due_on)
       VALUES ($1, $2, $3)
       ON CONFLICT (plan_id) DO UPDATE SET last_result_on = EXCLUDED.last_result_on,
              due_on = EXCLUDED.due_on
        WHERE inspection_plan_publications.published_on IS NULL`,
      [planId, lastResultOn, dueOn],
    );
  }

  async setPublished(
    manager: EntityManager,
    planId: string,
    publishedOn: string,
    publishedById: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE inspection_plan_publications SET published_on = $2, published_by_id = $3
        WHERE plan_id = $1 AND published_on IS NULL`,
      [planId, publishedOn, publishedById],
    );
  }

  /** The publication of each plan asked, batched per request. */
  publicationLoader(loaders: Loaders): DataLoader<string, InspectionPlanPublication | null> {
    return loaders.custom(
      'selection.publication',
      () =>
        new DataLoader<string, InspectionPlanPublication | null>(async (planIds) => {
          const rows = await loaders.read((manager) =>
            manager
              .createQueryBuilder(InspectionPlanPublication, 'pub')
              .where('pub.plan_id = ANY(:planIds)', { planIds: [...planIds] })
              .getMany(),
          );
          const byPlan = new Map(rows.map((row) => [row.planId, row]));
          return planIds.map((id) => byPlan.get(id) ?? null);
        }),
    );
  }

  /** Binding plans with every result recorded and not yet published, in the scope. */
  private publicationQuery(params: SqlParameters, scope: Scope, overdueOn: string | null): string {
    return `FROM inspection_plans p
            JOIN inspection_plan_publications pub ON pub.plan_id = p.id
           WHERE pub.published_on IS NULL AND p.status = 'BINDING'
             AND ${overdueOn ? `pub.due_on < ${params.add(overdueOn, 'date')}` : 'TRUE'}
             AND ${scope.sql('p.bureau_id', params)}`;
  }

  async countForPublication(
    manager: EntityManager,
    scope: Scope,
    overdueOn: string | null,
  ): Promise<number> {
    const params = new SqlParameters();
    const [row] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count ${this.publicationQuery(params, scope, overdueOn)}`,
      params.values,
    );
    return row.count;
  }

  /** A page of plans due for publication, earliest due first (keyset on due day, id). */
  async pageForPublication(
    manager: EntityManager,
    scope: Scope,
    overdueOn: string | null,
    limit: number,
    cursor: readonly [dueOn: string, id: string] | null,
    backward: boolean,
  ): Promise<(InspectionPlan & { dueOn: string })[]> {
    const params = new SqlParameters();
    const order = keyset(PUBLICATION_ORDER, backward);
    const after = cursor
      ? `AND ${order.after([params.add(cursor[0], 'date'), params.add(cursor[1], 'uuid')])}`
      : '';
    const rows = await manager.query<{ id: string; due_on: string }[]>(
      `SELECT p.id, to_char(pub.due_on, 'YYYY-MM-DD') AS due_on
         ${this.publicationQuery(params, scope, overdueOn)} ${after}
        ORDER BY ${order.order} LIMIT ${params.add(limit, 'int')}`,
      params.values,
    );
    if (rows.length === 0) return [];
    const plans = await manager
      .createQueryBuilder(InspectionPlan, 'plan')
      .where('plan.id = ANY(:ids)', { ids: rows.map((row) => row.id) })
      .getMany();
    const byId = new Map(plans.map((plan) => [plan.id, plan]));
    return rows.map((row) => Object.assign(byId.get(row.id)!, { dueOn: row.due_on }));
  }

  // ---- conflict-of-interest declarations (回避声明)

  /**
   * For each inspection asked, the declarations in force on its day (Asia/Shanghai) between one
   * of its officers and its premises: one statement per batch. Declarations are read whole (the
   * inspection was already scoped by whoever loaded it).
   */
  conflictsLoader(
    loaders: Loaders,
  ): DataLoader<
    { inspectionId: string; premisesId: string; officerIds: string[]; day: string },
    ConflictOfInterestDeclaration[],
    string
  > {
    return loaders.custom(
      'selection.inspectionConflicts',
      () =>
        new DataLoader<
          { inspectionId: string; premisesId: string; officerIds: string[]; day: string },
          ConflictOfInterestDeclaration[],
          string
        >(
          async (keys) => {
            const rows = await loaders.read(async (manager) =>
              (
                await manager.query<(Record<string, unknown> & { k_inspection_id: string })[]>(
                  `SELECT k.inspection_id AS k_inspection_id, d.*
                     FROM jsonb_to_recordset($1::jsonb)
                          AS k(inspection_id uuid, premises_id uuid, officer_ids uuid[], day date)
                     JOIN conflict_of_interest_declarations d
                       ON d.premises_id = k.premises_id AND d.officer_id = ANY(k.officer_ids)
                      AND d.in_force_from <= k.day
                      AND (d.withdrawn_on IS NULL OR d.withdrawn_on > k.day)
                    ORDER BY k.inspection_id, d.in_force_from, d.id`,
                  [
                    JSON.stringify(
                      keys.map((key) => ({
                        inspection_id: key.inspectionId,
                        premises_id: key.premisesId,
                        officer_ids: key.officerIds,
                        day: key.day,
                      })),
                    ),
                  ],
                )
              ).map((row) => ({
                inspectionId: row.k_inspection_id,
                declaration: hydrate(manager, ConflictOfInterestDeclaration, row),
              })),
            );
            return keys.map((key) =>
              rows
                .filter((row) => row.inspectionId === key.inspectionId)
                .map((row) => row.declaration),
            );
          },
          { cacheKeyFn: (key) => key.inspectionId },
        ),
    );
  }

  async insertDeclaration(
    manager: EntityManager,
    values: Pick<
      ConflictOfInterestDeclaration,
      'officerId' | 'premisesId' | 'reason' | 'reasonText' | 'inForceFrom' | 'declaredById'
    >,
  ): Promise<ConflictOfInterestDeclaration> {
    return manager.save(manager.create(ConflictOfInterestDeclaration, values));
  }

  /** Whether the officer has a declaration not withdrawn for the premises. */
  async openDeclarationExists(
    manager: EntityManager,
    officerId: string,
    premisesId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM conflict_of_interest_declarations
        WHERE officer_id = $1 AND premises_id = $2 AND withdrawn_on IS NULL`,
      [officerId, premisesId],
    );
    return rows.length > 0;
  }

  /** Declarations by id, those whose officer's bureau is in the scope; one query per batch. */
  declarationLoader(
    loaders: Loaders,
    scope: Scope,
  ): DataLoader<string, ConflictOfInterestDeclaration | null> {
    return loaders.custom(
      `selection.declarations:${scope.bureauIds?.join(',') ?? 'city'}`,
      () =>
        new DataLoader<string, ConflictOfInterestDeclaration | null>(async (ids) => {
          const rows = await loaders.read((manager) =>
            scope
              .apply(
                manager
                  .createQueryBuilder(ConflictOfInterestDeclaration, 'd')
                  .innerJoin('officers', 'o', 'o.id = d.officer_id')
                  .where('d.id = ANY(:ids)', { ids: [...ids] }),
                'o.bureau_id',
              )
              .getMany(),
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /** The declaration when its officer's bureau is in the scope, optionally locked; else null. */
  declarationById(
    manager: EntityManager,
    scope: Scope,
    id: string,
    lock = false,
  ): Promise<ConflictOfInterestDeclaration | null> {
    const query = scope.apply(
      manager
        .createQueryBuilder(ConflictOfInterestDeclaration, 'd')
        .innerJoin('officers', 'o', 'o.id = d.officer_id')
        .where('d.id = :id', { id }),
      'o.bureau_id',
    );
    return (lock ? query.setLock('pessimistic_write', undefined, ['d']) : query).getOne();
  }

  async withdrawDeclaration(
    manager: EntityManager,
    id: string,
    withdrawnOn: string,
    withdrawnById: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE conflict_of_interest_declarations SET withdrawn_on = $2, withdrawn_by_id = $3
        WHERE id = $1 AND withdrawn_on IS NULL`,
      [id, withdrawnOn, withdrawnById],
    );
  }

  private declarationQuery(params: SqlParameters, scope: Scope, filter: DeclarationFilter) {
    const conditions = [scope.sql('o.bureau_id', params)];
    if (filter.officerId) conditions.push(`d.officer_id = ${params.add(filter.officerId, 'uuid')}`);
    if (filter.premisesId)
      conditions.push(`d.premises_id = ${params.add(filter.premisesId, 'uuid')}`);
    if (filter.inForceOn) {
      const day = params.add(filter.inForceOn, 'date');
      conditions.push(
        `d.in_force_from <= ${day} AND (d.withdrawn_on IS NULL OR d.withdrawn_on > ${day})`,
      );
    }
    return `FROM conflict_of_interest_declarations d JOIN officers o ON o.id = d.officer_id
            WHERE ${conditions.join(' AND ')}`;
  }

  async countDeclarations(
    manager: EntityManager,
    scope: Scope,
    filter: DeclarationFilter,
  ): Promise<number> {
    const params = new SqlParameters();
    const [row] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count ${this.declarationQuery(params, scope, filter)}`,
      params.values,
    );
    return row.count;
  }

  /** A page of declarations, newest in force first (keyset on in-force day, id). */
  async pageDeclarations(
    manager: EntityManager,
    scope: Scope,
    filter: DeclarationFilter,
    limit: number,
    cursor: readonly [inForceFrom: string, id: string] | null,
    backward: boolean,
  ): Promise<ConflictOfInterestDeclaration[]> {
    const params = new SqlParameters();
    const order = keyset(DECLARATION_ORDER, backward);
    const after = cursor
      ? `AND ${order.after([params.add(cursor[0], 'date'), params.add(cursor[1], 'uuid')])}`
      : '';
    const rows = await manager.query<{ id: string }[]>(
      `SELECT d.id ${this.declarationQuery(params, scope, filter)} ${after}
        ORDER BY ${order.order} LIMIT ${params.add(limit, 'int')}`,
      params.values,
    );
    if (rows.length === 0) return [];
    const declarations = await manager
      .createQueryBuilder(ConflictOfInterestDeclaration, 'd')
      .where('d.id = ANY(:ids)', { ids: rows.map((row) => row.id) })
      .getMany();
    const byId = new Map(declarations.map((row) => [row.id, row]));
    return rows.map((row) => byId.get(row.id)!);
  }
}
