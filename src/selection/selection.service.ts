import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { inJurisdiction } from '../auth/current-officer';
import { BadUserInput, InvalidState, NotFound } from '../common/errors/domain-errors';
import { jurisdictionSql } from '../common/scope';
import type { Loaders } from '../graphql/loaders';
import type { RiskLevel } from '../premises/premises.entity';
import type { DrawInspectionPlanInput, InspectionPlanVisitType } from './dto/inspection-plan.types';
import { DRAW_ALGORITHM, DrawCandidate, DrawData, drawPlan, inputsFingerprint } from './draw';
import { InspectionPlan, InspectionPlanVisit } from './inspection-plan.entity';

/** Bureau ids of `$1` and its descendants: the jurisdiction (管辖范围) a plan draws from. */
const SUBTREE_SQL = `WITH RECURSIVE subtree AS (
    SELECT id FROM bureaus WHERE id = $1
    UNION ALL SELECT b.id FROM bureaus b JOIN subtree s ON b.parent_id = s.id)`;

/** An officer who inspected a premises within this window before the draw is not sent back. */
const ROTATION_WINDOW = '12 months';

interface DrawTarget {
  categoryId: string;
  premisesKinds: string[];
}

/**
 * 双随机、一公开: draws inspection plans (random premises, random officer pairs) and reads them
 * back with whether each visit has been done. The draw itself is the pure `drawPlan`.
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async draw(input: DrawInspectionPlanInput, officer: CurrentOfficer): Promise<InspectionPlan> {
    return this.dataSource.transaction(async (manager) => {
      const target = await this.checkDraw(manager, input, officer);
      const data = await this.drawData(manager, input, target);
      const visits = drawPlan(input, data);
      const plan = manager.create(InspectionPlan, {
        sweepId: input.sweepId,
        bureauId: input.bureauId,
        categoryId: target.categoryId,
        premisesCount: input.premisesCount,
        seed: input.seed,
        drawnById: officer.id,
        inputsFingerprint: inputsFingerprint(input),
        algorithm: DRAW_ALGORITHM,
      });
      await manager.save(plan);
      if (visits.length > 0) {
        await manager.insert(
          InspectionPlanVisit,
          visits.map((visit) => ({ planId: plan.id, ...visit })),
        );
      }
      await this.audit.record(manager, {
        actorId: officer.id,
        action: 'DRAW',
        entityType: 'InspectionPlan',
        entityId: plan.id,
        after: { ...plan, categoryCode: input.categoryCode, visits },
        requestId: officer.requestId,
      });
      return plan;
    });
  }

  /** Roles are checked by the resolver; here the bureau, sweep and category. */
  private async checkDraw(
    manager: EntityManager,
    input: DrawInspectionPlanInput,
    officer: CurrentOfficer,
  ): Promise<DrawTarget> {
    const [bureau] = await manager.query<{ id: string }[]>(`SELECT id FROM bureaus WHERE id = $1`, [
      input.bureauId,
    ]);
    if (!bureau || !inJurisdiction(officer, input.bureauId))
      throw new NotFound('Bureau', input.bureauId);
    const [sweep] = await manager.query<{ status: string }[]>(
      `SELECT status FROM sweeps WHERE id = $1 FOR SHARE`,
      [input.sweepId],
    );
    if (!sweep) throw new NotFound('Sweep', input.sweepId);
    const [category] = await manager.query<
      { id: string; premises_kinds: string[]; covered: boolean }[]
    >(
      `SELECT c.id, c.premises_kinds,
              EXISTS (SELECT 1 FROM sweep_categories sc
                       WHERE sc.sweep_id = $2 AND sc.category_id = c.id) AS covered
         FROM target_categories c WHERE c.code = $1`,
      [input.categoryCode, input.sweepId],
    );
    if (!category?.covered)
      throw BadUserInput.field('input.categoryCode', 'is not a category this sweep covers');
    if (sweep.status !== 'DRAFT' && sweep.status !== 'ACTIVE')
      throw new InvalidState(
        'Plans are drawn only for a DRAFT or ACTIVE sweep',
        sweep.status,
        'DRAW_PLAN',
      );
    return { categoryId: category.id, premisesKinds: category.premises_kinds };
  }

  /**
   * Everything the draw depends on, each list in id order so the same database state, inputs and
   * seed give the same plan.
   */
  private async drawData(
    manager: EntityManager,
    input: DrawInspectionPlanInput,
    target: DrawTarget,
  ): Promise<DrawData> {
    const officers = await manager.query<{ id: string }[]>(
      `SELECT id FROM officers
        WHERE bureau_id = $1 AND active AND roles && ARRAY['INSPECTOR','SUPERVISOR']::varchar[]
        ORDER BY id`,
      [input.bureauId],
    );
    if (officers.length < 2)
      throw BadUserInput.field(
        'input.bureauId',
        'the bureau has fewer than two active inspectors to pair (两名执法人员)',
      );
    const candidates = await manager.query<
      { id: string; risk_level: RiskLevel | null; inspected: boolean }[]
    >(
      `${SUBTREE_SQL}
       SELECT p.id, p.risk_level,
              EXISTS (SELECT 1 FROM inspections i
                       WHERE i.premises_id = p.id AND i.sweep_id = $3 AND i.category_id = $4
                         AND NOT i.voided) AS inspected
         FROM premises p
        WHERE p.bureau_id IN (SELECT id FROM subtree) AND p.kind = ANY($2::varchar[])
        ORDER BY p.id`,
      [input.bureauId, target.premisesKinds, input.sweepId, target.categoryId],
    );
    const officerIds = officers.map((row) => row.id);
    const recent = await manager.query<{ premises_id: string; officer_id: string }[]>(
      `${SUBTREE_SQL}
       SELECT DISTINCT i.premises_id, o.officer_id
         FROM inspections i
         JOIN premises p ON p.id = i.premises_id
         CROSS JOIN LATERAL unnest(i.officer_ids) AS o(officer_id)
        WHERE NOT i.voided AND i.inspected_at > now() - interval '${ROTATION_WINDOW}'
          AND p.bureau_id IN (SELECT id FROM subtree) AND p.kind = ANY($2::varchar[])
          AND o.officer_id = ANY($3::uuid[])
        ORDER BY i.premises_id, o.officer_id`,
      [input.bureauId, target.premisesKinds, officerIds],
    );
    const recentOfficers = new Map<string, Set<string>>();
    for (const row of recent) {
      const officersOfPremises = recentOfficers.get(row.premises_id) ?? new Set<string>();
      officersOfPremises.add(row.officer_id);
      recentOfficers.set(row.premises_id, officersOfPremises);
    }
    return {
      candidates: candidates.map((row): DrawCandidate => ({
        id: row.id,
        riskLevel: row.risk_level,
        inspected: row.inspected,
      })),
      officerIds,
      recentOfficers,
    };
  }

  /** A plan of the officer's jurisdiction (by its bureau); outside it, NOT_FOUND. */
  async get(id: string, officer: CurrentOfficer): Promise<InspectionPlan> {
    const scope = jurisdictionSql('bureau_id', officer, 2);
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM inspection_plans WHERE id = $1 AND ${scope.sql}`,
      [id, ...scope.parameters],
    );
    const plan = row && (await this.dataSource.getRepository(InspectionPlan).findOneBy({ id }));
    if (!plan) throw new NotFound('InspectionPlan', id);
    return plan;
  }

  /** Plans of a sweep within the officer's jurisdiction, newest draw first. */
  listForSweep(sweepId: string, officer: CurrentOfficer): Promise<InspectionPlan[]> {
    const query = this.dataSource
      .getRepository(InspectionPlan)
      .createQueryBuilder('plan')
      .where('plan.sweep_id = :sweepId', { sweepId });
    if (!officer.seesEverything)
      query.andWhere('plan.bureau_id = ANY(:jurisdiction)', {
        jurisdiction: officer.jurisdiction,
      });
    return query.orderBy('plan.drawn_at', 'DESC').addOrderBy('plan.id', 'ASC').getMany();
  }

  /**
   * The visits of each plan asked, in position order, with the first non-voided inspection of the
   * premises in the plan's sweep and category logged after the draw: one query for all plans.
   */
  visits(loaders: Loaders, planId: string): Promise<InspectionPlanVisitType[]> {
    return loaders
      .custom(
        'selection.visits',
        () =>
          new DataLoader<string, InspectionPlanVisitType[]>(async (planIds) => {
            const rows = await this.dataSource.query<
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
                WHERE v.plan_id = ANY($1::uuid[])
                ORDER BY v.plan_id, v.position`,
              [planIds],
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
      )
      .load(planId);
  }
}
