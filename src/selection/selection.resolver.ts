import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentScope, CurrentUser, Roles } from '../auth/decorators';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import { NotFound } from '../common/errors/domain-errors';
import { JSONScalar } from '../common/scalars/scalars';
import type { Connection } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { UuidPipe } from '../common/validation/uuid.pipe';
import type { GraphQLContext } from '../graphql/context';
import { InspectionType } from '../inspections/dto/inspection.types';
import type { Inspection } from '../inspections/inspection.entity';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { OfficerType } from '../officers/dto/officer.types';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import { PremisesType } from '../premises/dto/premises.types';
import type { Premises } from '../premises/premises.entity';
import { PremisesRepository } from '../premises/premises.repository';
import { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import { SweepType } from '../sweeps/dto/sweep.types';
import type { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import {
  ClassFigureType,
  ConflictOfInterestDeclarationConnection,
  ConflictOfInterestDeclarationPayload,
  ConflictOfInterestDeclarationType,
  DrawInspectionPlanPayload,
  InspectionPlanConnection,
  InspectionPlanPayload,
  InspectionPlanPublicationType,
  InspectionPlanType,
  InspectionPlanVisitType,
} from './dto/inspection-plan.types';
import {
  ConflictOfInterestDeclarationsArgs,
  DeclareConflictOfInterestInput,
  DrawInspectionPlanInput,
  InspectionPlansForPublicationArgs,
  PublishInspectionPlanResultsInput,
  RecordInspectionPlanResultInput,
  WithdrawConflictOfInterestInput,
} from './dto/selection.inputs';
import type { InspectionPlan } from './inspection-plan.entity';
import type { ConflictOfInterestDeclaration } from './selection-records.entity';
import { tenThousandthsToRatio } from './selection-rules';
import { DeclarationResult, PlanResult, SelectionService } from './selection.service';

@Resolver(() => InspectionPlanType)
export class InspectionPlanResolver {
  constructor(
    private readonly selection: SelectionService,
    private readonly reference: ReferenceService,
    private readonly sweeps: SweepsRepository,
    private readonly bureaus: BureausRepository,
    private readonly officersRepository: OfficersRepository,
  ) {}

  @Mutation(() => DrawInspectionPlanPayload, {
    description:
      'Draws the binding random dual selection plan (双随机抽查) of a sweep, bureau and category: from each risk class of the category’s premises in the bureau’s jurisdiction round-half-up(ratio × class size) (or the count) uniformly at random, those not yet inspected in the sweep first; then for each premises two officers uniformly at random among the bureau’s active officers not under a conflict-of-interest declaration for it (回避), not having inspected it in the 12 months before (轮换) and under the load cap. The seed is made by the server; candidates, ratios, officers, history and declarations are frozen into the plan and its fingerprint (国办发〔2015〕58号). A second draw is CONFLICT unless `redrawReason` is given: the redraw supersedes the binding plan, which stays on record (SUPERSEDED); a plan with results cannot be redrawn (INVALID_STATE, action REDRAW). SUPERVISOR for a bureau of their jurisdiction (else NOT_FOUND) or MANAGER; INSPECTOR is FORBIDDEN. A category the sweep does not cover is BAD_USER_INPUT on input.categoryCode, a bureau with fewer than two officers on input.bureauId, a sampling that draws nothing on input.sampling; a CLOSED sweep INVALID_STATE (action DRAW_PLAN).',
  })
  @Roles('SUPERVISOR', 'MANAGER')
  drawInspectionPlan(
    @Args('input', { description: 'What to draw from and how many per risk class.' })
    input: DrawInspectionPlanInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<PlanResult> {
    return this.selection.draw(officer, input);
  }

  @Mutation(() => InspectionPlanPayload, {
    description:
      'Records the result (抽查结果) of one visit of a binding plan in the standard categories, with the day it was formed; recording again before publication replaces it. When every visit has a result, publication is due 20 working days after the last one (企业信息公示暂行条例 第六条). INSPECTOR, SUPERVISOR or MANAGER of the plan’s jurisdiction (else NOT_FOUND). A SUPERSEDED or published plan is INVALID_STATE (action RECORD_RESULT); an unknown position, a day before the draw or in the future, or an inspection not of the visit’s premises in the sweep is BAD_USER_INPUT.',
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  recordInspectionPlanResult(
    @Args('input', { description: 'The visit, its result and the day it was formed.' })
    input: RecordInspectionPlanResultInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<PlanResult> {
    return this.selection.recordResult(officer, input);
  }

  @Mutation(() => InspectionPlanPayload, {
    description:
      'Records the day a plan’s results were published (公示) on the National Enterprise Credit Information Publicity System. SUPERVISOR of the plan’s jurisdiction (else NOT_FOUND) or MANAGER; INSPECTOR is FORBIDDEN. Results missing is INVALID_STATE (from RESULTS_PENDING, action PUBLISH), published already INVALID_STATE (from PUBLISHED); a day before the last result or in the future is BAD_USER_INPUT on input.publishedOn. Once published, the plan is served at /public/selection-plans/{id}.json and .csv.',
  })
  @Roles('SUPERVISOR', 'MANAGER')
  publishInspectionPlanResults(
    @Args('input', { description: 'The plan and the day published.' })
    input: PublishInspectionPlanResultsInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<PlanResult> {
    return this.selection.publish(officer, input);
  }

  @Query(() => InspectionPlanType, {
    nullable: true,
    description:
      'One random dual selection plan (双随机抽查计划). Any logged-in officer; inspectors and supervisors only for plans of a bureau in their jurisdiction, else null with NOT_FOUND.',
  })
  inspectionPlan(
    @Args('id', { type: () => ID, description: 'UUID of the plan.' }, UuidPipe) id: string,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<InspectionPlan> {
    return this.selection.get(id, officer);
  }

  @Query(() => [InspectionPlanType], {
    description:
      'The random dual selection plans (双随机抽查计划) of a sweep, binding and superseded, newest draw first. Any logged-in officer; inspectors and supervisors see only plans of bureaus in their jurisdiction.',
  })
  inspectionPlans(
    @Args('sweepId', { type: () => ID, description: 'UUID of the sweep.' }, UuidPipe)
    sweepId: string,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<InspectionPlan[]> {
    return this.selection.listForSweep(sweepId, officer);
  }

  @Query(() => InspectionPlanConnection, {
    description:
      'Binding plans whose results are all recorded and not yet published (待公示), earliest due first (ties by id); `overdueOnly` keeps those past their due day (逾期未公示). Any logged-in officer, within their jurisdiction.',
  })
  inspectionPlansForPublication(
    @Args() args: InspectionPlansForPublicationArgs,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Connection<InspectionPlan>> {
    return this.selection.forPublication(officer, args);
  }

  @ResolveField(() => SweepType, { description: 'The sweep (专项整治行动) drawn for.' })
  sweep(@Parent() plan: InspectionPlanType, @Context() context: GraphQLContext): Promise<Sweep> {
    return this.sweeps.sweepLoader(context.loaders).load(plan.sweepId);
  }

  @ResolveField(() => BureauType, {
    description:
      'The bureau (执法单位) whose jurisdiction was drawn from and whose officers were drawn.',
  })
  async bureau(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
  ): Promise<Bureau> {
    const bureau = await this.bureaus.bureauLoader(context.loaders).load(plan.bureauId);
    if (!bureau) throw new NotFound('Bureau', plan.bureauId);
    return bureau;
  }

  @ResolveField(() => TargetCategoryType, {
    description: 'The target category (整治对象类别) drawn for.',
  })
  async category(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
  ): Promise<TargetCategoryType | undefined> {
    return (await this.reference.forRequest(context.loaders)).categoryById.get(plan.categoryId);
  }

  @ResolveField(() => OfficerType, { nullable: true, description: 'Who made the draw (抽取人).' })
  drawnBy(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
  ): Promise<Officer | null> {
    return this.officersRepository.officerOrNull(context.loaders, plan.drawnById);
  }

  @ResolveField(() => InspectionPlanType, {
    nullable: true,
    description: 'The plan this one redrew and superseded (被取代的计划); null for a first draw.',
  })
  supersedes(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<InspectionPlan | null> {
    return this.selection.linkedPlan(context.loaders, scope, plan.supersedesId);
  }

  @ResolveField(() => InspectionPlanType, {
    nullable: true,
    description: 'The redraw that superseded this plan (取代本计划的计划); null while binding.',
  })
  supersededBy(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<InspectionPlan | null> {
    return this.selection.linkedPlan(context.loaders, scope, plan.supersededById);
  }

  @ResolveField(() => JSONScalar, {
    nullable: true,
    description:
      'The frozen inputs (冻结的抽取依据): candidates with risk class, sampling, officers, rotation history and conflict declarations in force; null for plans drawn before issue 19.',
  })
  frozenInputs(
    @Parent() plan: InspectionPlan,
    @Context() context: GraphQLContext,
  ): Promise<unknown> {
    return this.selection.frozenInputsOf(context.loaders, plan);
  }

  @ResolveField(() => [ClassFigureType], {
    description: 'The draw per risk class (分类抽查情况); empty for plans drawn before issue 19.',
  })
  classFigures(@Parent() plan: InspectionPlan): ClassFigureType[] {
    return (plan.classFigures ?? []).map((figure) => ({
      riskClass: figure.riskClass,
      candidates: figure.candidates,
      ratio:
        figure.ratioPerTenThousand === null
          ? null
          : tenThousandthsToRatio(figure.ratioPerTenThousand),
      count: figure.count,
      drawn: figure.drawn,
    }));
  }

  @ResolveField(() => InspectionPlanPublicationType, {
    nullable: true,
    description:
      'Publication (公示) of the results: null until every visit has a result, then its due day and, once recorded, the day published.',
  })
  publication(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
  ): Promise<InspectionPlanPublicationType | null> {
    return this.selection.publication(context.loaders, plan.id);
  }

  @ResolveField(() => [InspectionPlanVisitType], {
    description: 'The drawn premises in drawing order (抽查对象名单), with their officers.',
  })
  visits(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<InspectionPlanVisitType[]> {
    return this.selection.visits(context.loaders, scope, plan.id);
  }
}

@Resolver(() => InspectionPlanVisitType)
export class InspectionPlanVisitResolver {
  constructor(
    private readonly officersRepository: OfficersRepository,
    private readonly premisesRepository: PremisesRepository,
    private readonly inspectionsRepository: InspectionsRepository,
  ) {}

  @ResolveField(() => PremisesType, { description: 'The drawn premises (市场主体).' })
  premises(
    @Parent() visit: InspectionPlanVisitType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Premises> {
    return this.premisesRepository.premisesLoader(context.loaders, scope).load(visit.premisesId);
  }

  @ResolveField(() => [OfficerType], {
    description: 'The two officers drawn for it (执法人员); empty when unassigned.',
  })
  async officers(
    @Parent() visit: InspectionPlanVisitType,
    @Context() context: GraphQLContext,
  ): Promise<Officer[]> {
    const officers = await this.officersRepository
      .officerLoader(context.loaders)
      .loadMany(visit.officerIds);
    return officers.filter(
      (officer): officer is Officer => !!officer && !(officer instanceof Error),
    );
  }

  @ResolveField(() => InspectionType, {
    nullable: true,
    description:
      'The inspection (检查记录) that did the visit: the first non-voided one of the premises in the plan’s sweep and category logged after the draw; null while not done.',
  })
  async inspection(
    @Parent() visit: InspectionPlanVisitType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Inspection | null> {
    if (!visit.inspectionId) return null;
    return this.inspectionsRepository
      .inspectionLoader(context.loaders, scope)
      .load(visit.inspectionId);
  }
}

@Resolver(() => ConflictOfInterestDeclarationType)
export class ConflictOfInterestResolver {
  constructor(
    private readonly selection: SelectionService,
    private readonly officersRepository: OfficersRepository,
    private readonly premisesRepository: PremisesRepository,
  ) {}

  @Mutation(() => ConflictOfInterestDeclarationPayload, {
    description:
      'Declares a conflict of interest (回避声明, 行政处罚法 第四十三条: 执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避): while in force the officer is never drawn for the premises. An officer declares for themself (INSPECTOR, SUPERVISOR or MANAGER); declaring for another officer is for a SUPERVISOR of their jurisdiction or a MANAGER (else FORBIDDEN). An officer or premises outside the caller’s jurisdiction is NOT_FOUND; a declaration already in force for the pair is CONFLICT; OTHER without reasonText, or a day in the future, is BAD_USER_INPUT.',
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  declareConflictOfInterest(
    @Args('input', { description: 'Who, which premises, why and from when.' })
    input: DeclareConflictOfInterestInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<DeclarationResult> {
    return this.selection.declare(officer, input);
  }

  @Mutation(() => ConflictOfInterestDeclarationPayload, {
    description:
      'Withdraws a conflict-of-interest declaration from a day (撤销回避声明). SUPERVISOR of the officer’s jurisdiction (else NOT_FOUND) or MANAGER: 回避 is decided by the bureau’s head (行政处罚法 第四十三条第三款); INSPECTOR is FORBIDDEN. Already withdrawn is INVALID_STATE (from WITHDRAWN, action WITHDRAW); a day before it came into force or in the future is BAD_USER_INPUT on input.withdrawnOn.',
  })
  @Roles('SUPERVISOR', 'MANAGER')
  withdrawConflictOfInterest(
    @Args('input', { description: 'The declaration and the day it stops applying.' })
    input: WithdrawConflictOfInterestInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<DeclarationResult> {
    return this.selection.withdraw(officer, input);
  }

  @Query(() => ConflictOfInterestDeclarationConnection, {
    description:
      'Conflict-of-interest declarations (回避声明) of officers in the caller’s jurisdiction (managers: all), newest in force first (ties by id), filtered by officer, premises or a day in force.',
  })
  conflictOfInterestDeclarations(
    @Args() args: ConflictOfInterestDeclarationsArgs,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Connection<ConflictOfInterestDeclaration>> {
    return this.selection.declarations(officer, args);
  }

  @ResolveField(() => OfficerType, { description: 'The officer who must stand aside (回避人员).' })
  async officer(
    @Parent() declaration: ConflictOfInterestDeclarationType,
    @Context() context: GraphQLContext,
  ): Promise<Officer> {
    const officer = await this.officersRepository.officerOrNull(
      context.loaders,
      declaration.officerId,
    );
    if (!officer) throw new NotFound('Officer', declaration.officerId);
    return officer;
  }

  @ResolveField(() => PremisesType, {
    nullable: true,
    description: 'The premises (市场主体); null when outside the caller’s jurisdiction.',
  })
  async premises(
    @Parent() declaration: ConflictOfInterestDeclarationType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Premises | null> {
    const [premises] = await this.premisesRepository
      .premisesLoader(context.loaders, scope)
      .loadMany([declaration.premisesId]);
    return premises && !(premises instanceof Error) ? premises : null;
  }

  @ResolveField(() => OfficerType, { nullable: true, description: 'Who declared it (申报人).' })
  declaredBy(
    @Parent() declaration: ConflictOfInterestDeclarationType,
    @Context() context: GraphQLContext,
  ): Promise<Officer | null> {
    return this.officersRepository.officerOrNull(context.loaders, declaration.declaredById);
  }

  @ResolveField(() => OfficerType, {
    nullable: true,
    description: 'Who withdrew it (撤销人); null while in force.',
  })
  withdrawnBy(
    @Parent() declaration: ConflictOfInterestDeclarationType,
    @Context() context: GraphQLContext,
  ): Promise<Officer | null> {
    return this.officersRepository.officerOrNull(context.loaders, declaration.withdrawnById);
  }
}

/**
 * The warning on an inspection logged by an officer under a conflict-of-interest declaration for
 * its premises. A warning, not a refusal: 回避 is decided by the bureau's head and the
 * investigation does not stop before that decision (行政处罚法 第四十三条第三款: 决定作出之前，不停止调查).
 */
@Resolver(() => InspectionType)
export class InspectionConflictsResolver {
  constructor(private readonly selection: SelectionService) {}

  @ResolveField(() => [ConflictOfInterestDeclarationType], {
    description:
      'Conflict-of-interest declarations (回避声明) in force on the day of the inspection between one of its officers and its premises: a warning for the supervisor (应当回避而未回避); empty when none. reasonText is null where the declared officer’s bureau is outside the caller’s jurisdiction.',
  })
  conflictsOfInterest(
    @Parent() inspection: Inspection,
    @CurrentUser() officer: CurrentOfficer,
    @Context() context: GraphQLContext,
  ): Promise<ConflictOfInterestDeclaration[]> {
    return this.selection.conflictsOf(officer, context.loaders, inspection);
  }
}
