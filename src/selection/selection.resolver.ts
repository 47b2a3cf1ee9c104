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
  DrawInspectionPlanInput,
  InspectionPlanType,
  InspectionPlanVisitType,
} from './dto/inspection-plan.types';
import type { InspectionPlan } from './inspection-plan.entity';
import { SelectionService } from './selection.service';

@Resolver(() => InspectionPlanType)
export class InspectionPlanResolver {
  constructor(
    private readonly selection: SelectionService,
    private readonly reference: ReferenceService,
    private readonly sweeps: SweepsRepository,
    private readonly bureaus: BureausRepository,
    private readonly officersRepository: OfficersRepository,
  ) {}

  @Mutation(() => InspectionPlanType, {
    description:
      'Draws and stores a random dual selection plan (双随机抽查): premises of the category’s kinds in the bureau’s jurisdiction, those not yet inspected in the sweep and category first, weighted by risk level (D 8, C 4, B 2, A 1, ungraded 2), each paired with two of the bureau’s own active officers who did not inspect it in the 12 months before the draw, never the previous visit’s pair. SUPERVISOR for a bureau of their jurisdiction (else NOT_FOUND) or MANAGER; INSPECTOR is FORBIDDEN. A category the sweep does not cover is BAD_USER_INPUT on input.categoryCode, a bureau with fewer than two officers BAD_USER_INPUT on input.bureauId, a CLOSED sweep INVALID_STATE (action DRAW_PLAN). The same inputs and seed on unchanged data give the same plan.',
  })
  @Roles('SUPERVISOR', 'MANAGER')
  drawInspectionPlan(
    @Args('input', {
      description:
        'What to draw from (sweep, bureau, category), how many premises, and the public seed.',
    })
    input: DrawInspectionPlanInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<InspectionPlan> {
    return this.selection.draw(input, officer);
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
      'The random dual selection plans (双随机抽查计划) of a sweep, newest draw first. Any logged-in officer; inspectors and supervisors see only plans of bureaus in their jurisdiction.',
  })
  inspectionPlans(
    @Args('sweepId', { type: () => ID, description: 'UUID of the sweep.' }, UuidPipe)
    sweepId: string,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<InspectionPlan[]> {
    return this.selection.listForSweep(sweepId, officer);
  }

  @ResolveField(() => SweepType, { description: 'The sweep (专项整治行动) drawn for.' })
  sweep(@Parent() plan: InspectionPlanType, @Context() context: GraphQLContext): Promise<Sweep> {
    return this.sweeps.sweepLoader(context.loaders).load(plan.sweepId);
  }

  @ResolveField(() => BureauType, {
    description:
      'The bureau (执法单位) whose jurisdiction was drawn from and whose officers were paired.',
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

  @ResolveField(() => OfficerType, {
    nullable: true,
    description: 'Who made the draw (抽取人).',
  })
  async drawnBy(
    @Parent() plan: InspectionPlanType,
    @Context() context: GraphQLContext,
  ): Promise<Officer> {
    const officer = await this.officersRepository
      .officerLoader(context.loaders)
      .load(plan.drawnById);
    if (!officer) throw new NotFound('Officer', plan.drawnById);
    return officer;
  }

  @ResolveField(() => [InspectionPlanVisitType], {
    description: 'The drawn premises in drawing order (抽查对象名单), with their officer pairs.',
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
    description: 'The two officers paired with it (执法人员); empty when unassigned.',
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
