import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BadUserInput, InvalidState, NotFound } from '../common/errors/domain-errors';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import { ReferenceService } from '../reference/reference.service';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import type { DrawInspectionPlanInput, InspectionPlanVisitType } from './dto/inspection-plan.types';
import { DRAW_ALGORITHM, DrawData, drawPlan, inputsFingerprint } from './draw';
import type { InspectionPlan } from './inspection-plan.entity';
import { DrawScope, SelectionRepository } from './selection.repository';

/**
 * 双随机、一公开: draws inspection plans (random premises, random officer pairs) and reads them
 * back with whether each visit has been done. The draw itself is the pure `drawPlan`.
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly database: Database,
    private readonly plans: SelectionRepository,
    private readonly sweeps: SweepsRepository,
    private readonly bureaus: BureausRepository,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
  ) {}

  async draw(input: DrawInspectionPlanInput, officer: CurrentOfficer): Promise<InspectionPlan> {
    const scope = Scope.of(officer);
    return this.database.transaction(async (manager) => {
      const target = await this.checkDraw(manager, scope, input);
      const data = await this.drawData(manager, scope, target);
      const visits = drawPlan(input, data);
      const plan = await this.plans.insertPlan(
        manager,
        {
          sweepId: input.sweepId,
          bureauId: input.bureauId,
          categoryId: target.categoryId,
          premisesCount: input.premisesCount,
          seed: input.seed,
          drawnById: officer.id,
          inputsFingerprint: inputsFingerprint(input),
          algorithm: DRAW_ALGORITHM,
        },
        visits,
      );
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
    scope: Scope,
    input: DrawInspectionPlanInput,
  ): Promise<DrawScope> {
    const known = await this.bureaus.knownIds(manager, [input.bureauId]);
    if (!known.has(input.bureauId.toLowerCase()) || !scope.covers(input.bureauId))
      throw new NotFound('Bureau', input.bureauId);
    const sweep = await this.sweeps.lock(manager, input.sweepId, 'share');
    if (!sweep) throw new NotFound('Sweep', input.sweepId);
    const category = (await this.reference.load(manager)).categoryByCode.get(input.categoryCode);
    if (!category || !(await this.sweeps.categoryInSweep(manager, sweep.id, category.id)))
      throw BadUserInput.field('input.categoryCode', message('selection.categoryNotCovered'));
    if (sweep.status !== 'DRAFT' && sweep.status !== 'ACTIVE')
      throw new InvalidState(
        message('selection.sweepNotDrawable', { from: message(`sweeps.status.${sweep.status}`) }),
        sweep.status,
        'DRAW_PLAN',
      );
    return {
      sweepId: sweep.id,
      bureauId: input.bureauId,
      categoryId: category.id,
      premisesKinds: category.premisesKinds,
    };
  }

  /**
   * Everything the draw depends on, each list in id order so the same database state, inputs and
   * seed give the same plan.
   */
  private async drawData(
    manager: EntityManager,
    scope: Scope,
    target: DrawScope,
  ): Promise<DrawData> {
    const officerIds = await this.plans.pairableOfficerIds(manager, target.bureauId);
    if (officerIds.length < 2)
      throw BadUserInput.field('input.bureauId', message('selection.fewerThanTwoOfficers'));
    const candidates = await this.plans.candidates(manager, scope, target);
    const recentOfficers = await this.plans.recentInspectors(manager, scope, target, officerIds);
    return { candidates, officerIds, recentOfficers };
  }

  /** A plan of the officer's jurisdiction (by its bureau); outside it, NOT_FOUND. */
  async get(id: string, officer: CurrentOfficer): Promise<InspectionPlan> {
    const plan = await this.plans.planById(this.database.manager, Scope.of(officer), id);
    if (!plan) throw new NotFound('InspectionPlan', id);
    return plan;
  }

  /** Plans of a sweep within the officer's jurisdiction, newest draw first. */
  listForSweep(sweepId: string, officer: CurrentOfficer): Promise<InspectionPlan[]> {
    return this.plans.plansOfSweep(this.database.manager, Scope.of(officer), sweepId);
  }

  /** The visits of a plan in position order, with the inspection that did each; batched. */
  visits(loaders: Loaders, scope: Scope, planId: string): Promise<InspectionPlanVisitType[]> {
    return this.plans.visitsLoader(loaders, scope).load(planId);
  }
}
