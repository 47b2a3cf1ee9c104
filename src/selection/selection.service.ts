import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseClocksService, type RecomputedDueDay } from '../cases/case-clocks.service';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { hasRole, type CurrentOfficer } from '../auth/current-officer';
import { BureausRepository } from '../bureaus/bureaus.repository';
import {
  BadUserInput,
  Conflict,
  Forbidden,
  InvalidState,
  NotFound,
} from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message } from '../common/messages/message';
import { Connection, pageOf, toConnection } from '../common/pagination/connection';
import { isCalendarDay } from '../common/scalars/scalars';
import { Scope } from '../common/scope';
import { CalendarService } from '../common/time/calendar.service';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import type { Inspection } from '../inspections/inspection.entity';
import { OfficersRepository } from '../officers/officers.repository';
import { PremisesRepository } from '../premises/premises.repository';
import { ReferenceService } from '../reference/reference.service';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import type { InspectionPlanVisitType } from './dto/inspection-plan.types';
import type {
  ConflictOfInterestDeclarationsArgs,
  DeclareConflictOfInterestInput,
  DrawInspectionPlanInput,
  InspectionPlansForPublicationArgs,
  PublishInspectionPlanResultsInput,
  RecordInspectionPlanResultInput,
  WithdrawConflictOfInterestInput,
} from './dto/selection.inputs';
import {
  canonicalFrozenInputs,
  DRAW_ALGORITHM,
  drawFingerprint,
  drawPlan,
  newSeed,
  type FrozenInputs,
} from './draw';
import type { InspectionPlan } from './inspection-plan.entity';
import { EXPORT_FORMAT, orderedFigures, type PlanExport } from './plan-export';
import type {
  ConflictOfInterestDeclaration,
  InspectionPlanPublication,
} from './selection-records.entity';
import {
  PUBLICATION_WORKING_DAYS,
  publicationOverdue,
  samplingProblems,
  suggestedResult,
  toClassSampling,
} from './selection-rules';
import {
  DECLARATION_CURSOR,
  DrawScope,
  PUBLICATION_CURSOR,
  SelectionRepository,
} from './selection.repository';

/** One plan holds at most this many visits (inspection_plans_premises_count_check). */
const MAX_PLAN_VISITS = 500;

export interface PlanResult {
  plan: InspectionPlan;
  replayed: boolean;
}

export interface DeclarationResult {
  declaration: ConflictOfInterestDeclaration;
  replayed: boolean;
}

/** A day input that is a real calendar day and not after today (Asia/Shanghai). */
function pastDay(path: string, day: string, today: string): void {
  if (!isCalendarDay(day)) throw BadUserInput.field(path, message('scalar.date'));
  if (day > today) throw BadUserInput.field(path, message('selection.inFuture'));
}

/**
 * 双随机、一公开: draws binding inspection plans from frozen inputs with a server seed, supersedes
 * them on a redraw with a reason, records conflict-of-interest declarations (回避), results in the
 * standard categories and their publication (公示). The draw itself is the pure `drawPlan`.
 */
@Injectable()
export class SelectionService implements OnModuleInit {
  constructor(
    private readonly database: Database,
    private readonly plans: SelectionRepository,
    private readonly sweeps: SweepsRepository,
    private readonly bureaus: BureausRepository,
    private readonly officers: OfficersRepository,
    private readonly premises: PremisesRepository,
    private readonly reference: ReferenceService,
    private readonly calendar: CalendarService,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly caseClocks: CaseClocksService,
  ) {}

  onModuleInit(): void {
    this.caseClocks.onHolidayYearLoaded((manager, _calendar, year) =>
      this.recomputePublicationDues(manager, year),
    );
  }

  /**
   * DOMAIN.md, Working days: loading a year's holidays recomputes every open due day it touches —
   * here the 公示 due days of unpublished plans (20 working days after the last result), read on
   * the table the loading transaction has just written; the holidays service audits each change.
   */
  private async recomputePublicationDues(
    manager: EntityManager,
    year: number,
  ): Promise<RecomputedDueDay[]> {
    const changed: RecomputedDueDay[] = [];
    for (const row of await this.plans.unpublishedRunningThrough(manager, year)) {
      const dueOn = await this.calendar.addWorkingDays(
        manager,
        row.lastResultOn,
        PUBLICATION_WORKING_DAYS,
      );
      if (dueOn === row.dueOn) continue;
      await this.plans.setPublicationDue(manager, row.planId, row.lastResultOn, dueOn);
      changed.push({
        entityType: 'InspectionPlan',
        id: row.planId,
        before: { publicationDueOn: row.dueOn },
        after: { publicationDueOn: dueOn },
      });
    }
    return changed;
  }

  // ---- the draw

  /**
   * A first draw, or a redraw with a reason that supersedes the binding plan (one binding plan
   * per sweep, bureau and category). Roles are checked by the resolver.
   */
  async draw(officer: CurrentOfficer, input: DrawInspectionPlanInput): Promise<PlanResult> {
    const problems = samplingProblems(input.sampling ?? []);
    if (problems.length) throw new BadUserInput(problems);
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'drawInspectionPlan',
      input.idempotencyKey,
      input,
      async (manager) => {
        const target = await this.checkDraw(manager, scope, input);
        await this.plans.lockDrawTarget(manager, target);
        const binding = await this.plans.bindingPlan(manager, target);
        if (binding && !input.redrawReason)
          throw new Conflict(message('selection.bindingPlanExists'), {
            bindingPlanId: binding.id,
          });
        if (!binding && input.redrawReason)
          throw BadUserInput.field('input.redrawReason', message('selection.nothingToRedraw'));
        if (binding && (await this.plans.hasResults(manager, binding.id)))
          throw new InvalidState(message('selection.redrawAfterResults'), 'BINDING', 'REDRAW');
        const plan = await this.drawAndStore(manager, scope, officer, input, target, binding);
        return { planId: plan.id };
      },
    );
    return { plan: await this.reload(result.planId), replayed };
  }

  private async drawAndStore(
    manager: EntityManager,
    scope: Scope,
    officer: CurrentOfficer,
    input: DrawInspectionPlanInput,
    target: DrawScope,
    binding: InspectionPlan | null,
  ): Promise<InspectionPlan> {
    const officers = await this.plans.pairableOfficers(manager, target.bureauId);
    if (officers.length < 2)
      throw BadUserInput.field('input.bureauId', message('selection.fewerThanTwoOfficers'));
    const officerIds = officers.map((row) => row.id);
    const frozen = canonicalFrozenInputs({
      sweepId: target.sweepId,
      bureauId: target.bureauId,
      categoryCode: target.categoryCode,
      drawDay: target.drawDay,
      sampling: toClassSampling(input.sampling ?? []),
      candidates: await this.plans.candidates(manager, scope, target),
      officers,
      history: await this.plans.rotationHistory(manager, scope, target, officerIds),
      declarations: await this.plans.declarationsInForce(manager, scope, target, officerIds),
    });
    const seed = newSeed();
    const drawn = drawPlan(DRAW_ALGORITHM, seed, frozen);
    if (drawn.visits.length === 0)
      throw BadUserInput.field('input.sampling', message('selection.nothingToDraw'));
    if (drawn.visits.length > MAX_PLAN_VISITS)
      throw BadUserInput.field(
        'input.sampling',
        message('selection.tooManyToDraw', { drawn: drawn.visits.length, max: MAX_PLAN_VISITS }),
      );
    const planId = randomUUID();
    if (binding) await this.plans.supersede(manager, binding.id, planId);
    const plan = await this.plans.insertPlan(
      manager,
      {
        id: planId,
        sweepId: target.sweepId,
        bureauId: target.bureauId,
        categoryId: target.categoryId,
        premisesCount: drawn.visits.length,
        seed,
        drawnById: officer.id,
        inputsFingerprint: drawFingerprint(DRAW_ALGORITHM, seed, frozen),
        algorithm: DRAW_ALGORITHM,
        supersedesId: binding?.id ?? null,
        redrawReason: binding ? (input.redrawReason ?? null) : null,
        frozenInputs: frozen,
        classFigures: drawn.classFigures,
        loadCap: drawn.loadCap,
      },
      drawn.visits,
    );
    const entries: AuditEntry[] = [
      {
        actorId: officer.id,
        action: 'DRAW',
        entityType: 'InspectionPlan',
        entityId: plan.id,
        after: { ...plan, categoryCode: target.categoryCode, visits: drawn.visits },
        requestId: officer.requestId,
      },
    ];
    if (binding) {
      entries.push({
        actorId: officer.id,
        action: 'SUPERSEDE_PLAN',
        entityType: 'InspectionPlan',
        entityId: binding.id,
        after: {
          ...binding,
          status: 'SUPERSEDED',
          supersededById: plan.id,
          redrawnBecause: input.redrawReason,
        },
        requestId: officer.requestId,
      });
    }
    await this.audit.record(manager, ...entries);
    return plan;
  }

  /** The bureau (in scope), the sweep (DRAFT or ACTIVE) and the category it covers. */
  private async checkDraw(
    manager: EntityManager,
    scope: Scope,
    input: DrawInspectionPlanInput,
  ): Promise<DrawScope> {
    const bureauId = input.bureauId.toLowerCase();
    const known = await this.bureaus.knownIds(manager, [bureauId]);
    if (!known.has(bureauId) || !scope.covers(bureauId)) throw new NotFound('Bureau', bureauId);
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
      bureauId,
      categoryId: category.id,
      categoryCode: category.code,
      premisesKinds: category.premisesKinds,
      drawDay: shanghaiDay(new Date()),
    };
  }

  private async reload(planId: string): Promise<InspectionPlan> {
    const plan = await this.plans.planById(this.database.manager, Scope.system(), planId);
    if (!plan) throw new NotFound('InspectionPlan', planId);
    return plan;
  }

  // ---- reads

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

  /** A plan linked by a redraw (same bureau, so in scope with its partner); batched. */
  async linkedPlan(
    loaders: Loaders,
    scope: Scope,
    planId: string | null,
  ): Promise<InspectionPlan | null> {
    return planId ? this.plans.planLoader(loaders, scope).load(planId) : null;
  }

  /** The visits of a plan in position order, with results and suggestions; batched. */
  async visits(loaders: Loaders, scope: Scope, planId: string): Promise<InspectionPlanVisitType[]> {
    const visits = await this.plans.visitsLoader(loaders, scope).load(planId);
    return visits.map((visit) => ({
      ...visit,
      suggestedResult: suggestedResult(visit.inspectionOutcome),
    }));
  }

  /** The publication of a plan with whether it is overdue today; null until every result is in. */
  async publication(
    loaders: Loaders,
    planId: string,
  ): Promise<(InspectionPlanPublication & { overdue: boolean }) | null> {
    const row = await this.plans.publicationLoader(loaders).load(planId);
    if (!row) return null;
    return {
      ...row,
      overdue: publicationOverdue(row.dueOn, row.publishedOn, shanghaiDay(new Date())),
    };
  }

  /** Binding plans with every result in and not yet published, earliest due first. */
  async forPublication(
    officer: CurrentOfficer,
    args: InspectionPlansForPublicationArgs,
  ): Promise<Connection<InspectionPlan>> {
    const page = pageOf(args);
    const cursor = page.cursor ? PUBLICATION_CURSOR.decode(page.cursor, page.cursorArgument) : null;
    const scope = Scope.of(officer);
    const overdueOn = args.overdueOnly ? shanghaiDay(new Date()) : null;
    const manager = this.database.manager;
    const totalCount = await this.plans.countForPublication(manager, scope, overdueOn);
    const rows = await this.plans.pageForPublication(
      manager,
      scope,
      overdueOn,
      page.size + 1,
      cursor,
      page.backward,
    );
    return toConnection(rows, page, totalCount, (row) =>
      PUBLICATION_CURSOR.encode([row.dueOn, row.id]),
    );
  }

  /** A plan's frozen inputs: those it was returned with (a fresh draw), else read apart. */
  frozenInputsOf(loaders: Loaders, plan: InspectionPlan): Promise<FrozenInputs | null> {
    if (plan.frozenInputs !== undefined) return Promise.resolve(plan.frozenInputs);
    return this.plans.frozenInputsLoader(loaders).load(plan.id);
  }

  /**
   * The public export of a published plan (一公开), or NOT_FOUND: before publication the list of
   * drawn premises is not public (a visit announced in advance is no check), and plans drawn
   * before issue 19 froze nothing to replay.
   */
  async publicExport(planId: string): Promise<PlanExport> {
    const manager = this.database.manager;
    const plan = await this.plans.publishedPlan(manager, planId);
    const publication = plan && (await this.plans.publication(manager, plan.id));
    if (!plan || !publication || !plan.frozenInputs || !plan.classFigures || plan.loadCap === null)
      throw new NotFound('InspectionPlan', planId);
    const [labels, visits] = await Promise.all([
      this.plans.planLabels(manager, plan.id),
      this.plans.visitsWithResults(manager, plan.id),
    ]);
    return {
      format: EXPORT_FORMAT,
      plan: {
        id: plan.id,
        ...labels,
        drawnAt: plan.drawnAt.toISOString(),
        status: plan.status,
        supersedesId: plan.supersedesId,
        redrawReason: plan.redrawReason,
      },
      algorithm: plan.algorithm,
      seed: plan.seed,
      fingerprint: plan.inputsFingerprint,
      frozenInputs: canonicalFrozenInputs(plan.frozenInputs),
      draw: {
        loadCap: plan.loadCap,
        classFigures: orderedFigures(plan.classFigures),
        visits: visits.map((visit) => ({
          position: visit.position,
          premisesId: visit.premisesId,
          riskClass: visit.riskClass ?? 'UNGRADED',
          officerIds: visit.officerIds,
          unassignedReason: visit.unassignedReason,
          result: visit.result,
          resultFormedOn: visit.formedOn,
        })),
      },
      publication: {
        lastResultOn: publication.lastResultOn,
        dueOn: publication.dueOn,
        publishedOn: publication.publishedOn,
      },
    };
  }

  // ---- results and publication (公示)

  /** Records (or, before publication, replaces) the result of one visit of a binding plan. */
  async recordResult(
    officer: CurrentOfficer,
    input: RecordInspectionPlanResultInput,
  ): Promise<PlanResult> {
    const today = shanghaiDay(new Date());
    pastDay('input.formedOn', input.formedOn, today);
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'recordInspectionPlanResult',
      input.idempotencyKey,
      input,
      async (manager) => {
        const plan = await this.lockOpenPlan(manager, scope, input.planId, 'RECORD_RESULT');
        const visit = await this.plans.visit(manager, plan.id, input.position);
        if (!visit) throw BadUserInput.field('input.position', message('selection.noSuchVisit'));
        const drawDay = shanghaiDay(plan.drawnAt);
        if (input.formedOn < drawDay)
          throw BadUserInput.field(
            'input.formedOn',
            message('selection.beforeDraw', { day: drawDay }),
          );
        const inspectionId = input.inspectionId?.toLowerCase() ?? null;
        if (
          inspectionId &&
          !(await this.plans.inspectionOfVisit(
            manager,
            inspectionId,
            visit.premisesId,
            plan.sweepId,
          ))
        )
          throw BadUserInput.field('input.inspectionId', message('selection.inspectionNotOfVisit'));
        const values = {
          planId: plan.id,
          position: input.position,
          result: input.result,
          formedOn: input.formedOn,
          inspectionId,
          note: input.note ?? null,
          recordedById: officer.id,
        };
        const before = await this.plans.upsertResult(manager, values);
        await this.refreshPublicationDue(manager, plan.id);
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'RECORD_PLAN_RESULT',
          entityType: 'InspectionPlan',
          entityId: plan.id,
          before: before ?? undefined,
          after: values,
          requestId: officer.requestId,
        });
        return { planId: plan.id };
      },
    );
    return { plan: await this.reload(result.planId), replayed };
  }

  /**
   * Once every visit has a result, publication is due 20 working days after the last result was
   * formed (企业信息公示暂行条例 第六条), on the holiday table.
   */
  private async refreshPublicationDue(manager: EntityManager, planId: string): Promise<void> {
    const tally = await this.plans.resultTally(manager, planId);
    if (tally.results < tally.visits || !tally.lastFormedOn) return;
    const dueOn = await this.calendar.addWorkingDays(
      manager,
      tally.lastFormedOn,
      PUBLICATION_WORKING_DAYS,
    );
    await this.plans.setPublicationDue(manager, planId, tally.lastFormedOn, dueOn);
  }

  /** Records the day a plan's results were published. SUPERVISOR or MANAGER (resolver). */
  async publish(
    officer: CurrentOfficer,
    input: PublishInspectionPlanResultsInput,
  ): Promise<PlanResult> {
    const today = shanghaiDay(new Date());
    pastDay('input.publishedOn', input.publishedOn, today);
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'publishInspectionPlanResults',
      input.idempotencyKey,
      input,
      async (manager) => {
        const plan = await this.lockOpenPlan(manager, scope, input.planId, 'PUBLISH');
        const publication = await this.plans.publication(manager, plan.id);
        if (!publication)
          throw new InvalidState(message('selection.resultsPending'), 'RESULTS_PENDING', 'PUBLISH');
        if (input.publishedOn < publication.lastResultOn)
          throw BadUserInput.field(
            'input.publishedOn',
            message('selection.beforeLastResult', { day: publication.lastResultOn }),
          );
        await this.plans.setPublished(manager, plan.id, input.publishedOn, officer.id);
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'PUBLISH_PLAN_RESULTS',
          entityType: 'InspectionPlan',
          entityId: plan.id,
          before: publication,
          after: { ...publication, publishedOn: input.publishedOn, publishedById: officer.id },
          requestId: officer.requestId,
        });
        return { planId: plan.id };
      },
    );
    return { plan: await this.reload(result.planId), replayed };
  }

  /** The plan in scope, locked, binding and not yet published. */
  private async lockOpenPlan(
    manager: EntityManager,
    scope: Scope,
    planId: string,
    action: string,
  ): Promise<InspectionPlan> {
    const plan = await this.plans.lockPlan(manager, scope, planId);
    if (!plan) throw new NotFound('InspectionPlan', planId);
    if (plan.status === 'SUPERSEDED')
      throw new InvalidState(message('selection.planSuperseded'), 'SUPERSEDED', action);
    const publication = await this.plans.publication(manager, plan.id);
    if (publication?.publishedOn)
      throw new InvalidState(message('selection.planPublished'), 'PUBLISHED', action);
    return plan;
  }

  // ---- conflict-of-interest declarations (回避, 行政处罚法 第四十三条)

  /**
   * An officer declares for themself; a SUPERVISOR for an officer of their jurisdiction; a
   * MANAGER for anyone. The premises must be in the caller's jurisdiction.
   */
  async declare(
    officer: CurrentOfficer,
    input: DeclareConflictOfInterestInput,
  ): Promise<DeclarationResult> {
    const today = shanghaiDay(new Date());
    pastDay('input.inForceFrom', input.inForceFrom, today);
    if (input.reason === 'OTHER' && !input.reasonText)
      throw BadUserInput.field('input.reasonText', message('selection.reasonTextRequired'));
    const officerId = input.officerId.toLowerCase();
    const premisesId = input.premisesId.toLowerCase();
    if (officerId !== officer.id && !hasRole(officer, 'SUPERVISOR', 'MANAGER'))
      throw new Forbidden(message('selection.declareForOthers'));
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'declareConflictOfInterest',
      input.idempotencyKey,
      input,
      async (manager) => {
        const declared = await this.officers.findById(manager, officerId);
        if (!declared || !scope.covers(declared.bureauId)) throw new NotFound('Officer', officerId);
        if (!(await this.premises.existsInScope(manager, scope, premisesId)))
          throw new NotFound('Premises', premisesId);
        if (await this.plans.openDeclarationExists(manager, officerId, premisesId))
          throw new Conflict(message('selection.declarationOpen'));
        const declaration = await this.plans.insertDeclaration(manager, {
          officerId,
          premisesId,
          reason: input.reason,
          reasonText: input.reasonText ?? null,
          inForceFrom: input.inForceFrom,
          declaredById: officer.id,
        });
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'DECLARE_CONFLICT_OF_INTEREST',
          entityType: 'ConflictOfInterestDeclaration',
          entityId: declaration.id,
          after: declaration,
          requestId: officer.requestId,
        });
        return { declarationId: declaration.id };
      },
    );
    return { declaration: await this.declaration(result.declarationId, officer), replayed };
  }

  /** Withdraws a declaration. SUPERVISOR of the officer's jurisdiction or MANAGER (resolver). */
  async withdraw(
    officer: CurrentOfficer,
    input: WithdrawConflictOfInterestInput,
  ): Promise<DeclarationResult> {
    const today = shanghaiDay(new Date());
    pastDay('input.withdrawnOn', input.withdrawnOn, today);
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'withdrawConflictOfInterest',
      input.idempotencyKey,
      input,
      async (manager) => {
        const declaration = await this.plans.declarationById(
          manager,
          scope,
          input.declarationId,
          true,
        );
        if (!declaration) throw new NotFound('ConflictOfInterestDeclaration', input.declarationId);
        if (declaration.withdrawnOn)
          throw new InvalidState(
            message('selection.declarationWithdrawn'),
            'WITHDRAWN',
            'WITHDRAW',
          );
        if (input.withdrawnOn < declaration.inForceFrom)
          throw BadUserInput.field(
            'input.withdrawnOn',
            message('selection.withdrawnBeforeInForce', { day: declaration.inForceFrom }),
          );
        await this.plans.withdrawDeclaration(
          manager,
          declaration.id,
          input.withdrawnOn,
          officer.id,
        );
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'WITHDRAW_CONFLICT_OF_INTEREST',
          entityType: 'ConflictOfInterestDeclaration',
          entityId: declaration.id,
          before: declaration,
          after: { ...declaration, withdrawnOn: input.withdrawnOn, withdrawnById: officer.id },
          requestId: officer.requestId,
        });
        return { declarationId: declaration.id };
      },
    );
    return { declaration: await this.declaration(result.declarationId, officer), replayed };
  }

  private async declaration(
    id: string,
    officer: CurrentOfficer,
  ): Promise<ConflictOfInterestDeclaration> {
    const row = await this.plans.declarationById(this.database.manager, Scope.of(officer), id);
    if (!row) throw new NotFound('ConflictOfInterestDeclaration', id);
    return row;
  }

  /**
   * The declarations in force on the inspection's day between its officers and its premises. The
   * warning is for whoever reads the inspection, but the relation in words (reasonText) stays with
   * the declared officer's jurisdiction, as in the declarations list: an inspector of a sub-bureau
   * sees that a city officer on their inspection declared a conflict, and its kind, not why.
   */
  async conflictsOf(
    caller: CurrentOfficer,
    loaders: Loaders,
    inspection: Pick<Inspection, 'id' | 'premisesId' | 'officerIds' | 'inspectedAt'>,
  ): Promise<ConflictOfInterestDeclaration[]> {
    const declarations = await this.plans.conflictsLoader(loaders).load({
      inspectionId: inspection.id,
      premisesId: inspection.premisesId,
      officerIds: inspection.officerIds,
      day: shanghaiDay(inspection.inspectedAt),
    });
    const scope = Scope.of(caller);
    if (declarations.length === 0 || scope.unrestricted) return declarations;
    const officers = this.officers.officerLoader(loaders);
    return Promise.all(
      declarations.map(async (declaration) => {
        const declared = await officers.load(declaration.officerId);
        return declared && scope.covers(declared.bureauId)
          ? declaration
          : { ...declaration, reasonText: null };
      }),
    );
  }

  /** Declarations of officers in the caller's jurisdiction, newest in force first. */
  async declarations(
    officer: CurrentOfficer,
    args: ConflictOfInterestDeclarationsArgs,
  ): Promise<Connection<ConflictOfInterestDeclaration>> {
    if (args.inForceOn && !isCalendarDay(args.inForceOn))
      throw BadUserInput.field('inForceOn', message('scalar.date'));
    const page = pageOf(args);
    const cursor = page.cursor ? DECLARATION_CURSOR.decode(page.cursor, page.cursorArgument) : null;
    const scope = Scope.of(officer);
    const manager = this.database.manager;
    const totalCount = await this.plans.countDeclarations(manager, scope, args);
    const rows = await this.plans.pageDeclarations(
      manager,
      scope,
      args,
      page.size + 1,
      cursor,
      page.backward,
    );
    return toConnection(rows, page, totalCount, (row) =>
      DECLARATION_CURSOR.encode([row.inForceFrom, row.id]),
    );
  }
}
