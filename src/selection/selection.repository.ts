import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { subtreeOf } from '../bureaus/bureau-tree';
import { Scope, SqlParameters } from '../common/scope';
import type { Loaders } from '../graphql/loaders';
import type { RiskLevel } from '../premises/premises.entity';
import type { InspectionPlanVisitType } from './dto/inspection-plan.types';
import type { DrawCandidate, DrawnVisit } from './draw';
import { InspectionPlan, InspectionPlanVisit } from './inspection-plan.entity';

/** An officer who inspected a premises within this window before the draw is not sent back. */
const ROTATION_WINDOW = '12 months';

/** What the draw reads of a bureau's jurisdiction, and for which category. */
export interface DrawScope {
  sweepId: string;
  bureauId: string;
  categoryId: string;
  premisesKinds: readonly string[];
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
>;

/**
 * Every SQL statement on inspection plans (双随机抽查计划) and their visits, and the reads the draw
 * makes of the bureau's jurisdiction. Plans are jurisdiction-bound by their bureau.
 */
@Injectable()
export class SelectionRepository {
  /** The bureau's own active officers who may inspect, in id order: the ones the draw pairs. */
  async pairableOfficerIds(manager: EntityManager, bureauId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM officers
        WHERE bureau_id = $1 AND active AND roles && ARRAY['INSPECTOR','SUPERVISOR']::varchar[]
        ORDER BY id`,
      [bureauId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Premises of the category's kinds in the bureau's jurisdiction (its subtree) and the scope, in
   * id order, with whether each already has a non-voided inspection in the sweep and category.
   */
  async candidates(
    manager: EntityManager,
    scope: Scope,
    draw: DrawScope,
  ): Promise<DrawCandidate[]> {
    const params = new SqlParameters();
    const rows = await manager.query<
      { id: string; risk_level: RiskLevel | null; inspected: boolean }[]
    >(
      `SELECT p.id, p.risk_level,
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
    return rows.map((row) => ({ id: row.id, riskLevel: row.risk_level, inspected: row.inspected }));
  }

  /**
   * premises id → those of `officerIds` who inspected it (not voided) within the rotation window
   * before now, over the candidates' premises.
   */
  async recentInspectors(
    manager: EntityManager,
    scope: Scope,
    draw: DrawScope,
    officerIds: readonly string[],
  ): Promise<Map<string, Set<string>>> {
    const params = new SqlParameters();
    const rows = await manager.query<{ premises_id: string; officer_id: string }[]>(
      `SELECT DISTINCT i.premises_id, o.officer_id
         FROM inspections i
         JOIN premises p ON p.id = i.premises_id
         CROSS JOIN LATERAL unnest(i.officer_ids) AS o(officer_id)
        WHERE NOT i.voided AND i.inspected_at > now() - interval '${ROTATION_WINDOW}'
          AND p.bureau_id IN ${subtreeOf(params.add(draw.bureauId, 'uuid'))}
          AND p.kind = ANY(${params.add(draw.premisesKinds, 'varchar[]')})
          AND o.officer_id = ANY(${params.add(officerIds, 'uuid[]')})
          AND ${scope.sql('p.bureau_id', params)}
        ORDER BY i.premises_id, o.officer_id`,
      params.values,
    );
    const recent = new Map<string, Set<string>>();
    for (const row of rows) {
      const officers = recent.get(row.premises_id) ?? new Set<string>();
      officers.add(row.officer_id);
      recent.set(row.premises_id, officers);
    }
    return recent;
  }

  /** Writes a drawn plan and its visits. */
  async insertPlan(
    manager: EntityManager,
    values: NewPlan,
    visits: readonly DrawnVisit[],
  ): Promise<InspectionPlan> {
    const plan = await manager.save(manager.create(InspectionPlan, values));
    if (visits.length > 0) {
      await manager.insert(
        InspectionPlanVisit,
        visits.map((visit) => ({ planId: plan.id, ...visit })),
      );
    }
    return plan;
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

  /**
   * The visits of each plan asked (plans within the scope; others have none), in position order,
   * with the first non-voided inspection of the premises in the plan's sweep and category logged
   * after the draw: one query per batch of plans.
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
                inspection_id: string | null;
              }[]
            >(
              `SELECT v.plan_id, v.position, v.premises_id, v.officer_ids,
                      (SELECT i.id FROM inspections i
                        WHERE i.premises_id = v.premises_id AND i.sweep_id = p.sweep_id
                          AND i.category_id = p.category_id AND NOT i.voided
                          AND i.recorded_at >= p.drawn_at
                        ORDER BY i.inspected_at, i.id LIMIT 1) AS inspection_id
                 FROM inspection_plan_visits v JOIN inspection_plans p ON p.id = v.plan_id
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
              unassigned: row.officer_ids.length === 0,
              inspectionId: row.inspection_id,
              done: row.inspection_id !== null,
            });
            byPlan.set(row.plan_id, visits);
          }
          return planIds.map((id) => byPlan.get(id) ?? []);
        }),
    );
  }
}
