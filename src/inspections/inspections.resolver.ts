import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import { type GraphQLContext, scopeOf } from '../graphql/context';
import { OfficerType } from '../officers/dto/officer.types';
import { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import { PremisesType } from '../premises/dto/premises.types';
import type { Premises } from '../premises/premises.entity';
import { PremisesRepository } from '../premises/premises.repository';
import { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import { SweepType } from '../sweeps/dto/sweep.types';
import type { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import { FindingPayload } from './dto/finding-payload';
import {
  AddFindingInput,
  LogInspectionInput,
  LogInspectionPayload,
  VoidInspectionInput,
  VoidInspectionPayload,
} from './dto/inspection.inputs';
import { FindingType, InspectionType } from './dto/inspection.types';
import type { Finding } from './finding.entity';
import { InspectionsService } from './inspections.service';
import { FindingsRepository } from './repositories/findings.repository';

@Resolver(() => InspectionType)
export class InspectionsResolver {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly reference: ReferenceService,
    private readonly findingsRepository: FindingsRepository,
    private readonly bureaus: BureausRepository,
    private readonly officersRepository: OfficersRepository,
    private readonly premisesRepository: PremisesRepository,
    private readonly sweepsRepository: SweepsRepository,
  ) {}

  @Mutation(() => LogInspectionPayload, {
    description:
      'Logs an inspection (检查记录) with its checklist answers and findings in one go. INSPECTOR, SUPERVISOR or MANAGER, on premises of their jurisdiction, while the sweep is ACTIVE. Idempotent by `idempotencyKey`.',
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  logInspection(
    @Args('input', { description: 'The inspection to log.' }) input: LogInspectionInput,
    @CurrentUser() officer: CurrentOfficer,
    @Context() context: GraphQLContext,
  ): Promise<LogInspectionPayload> {
    return this.inspections.logInspection(input, officer, context.loaders);
  }

  @Mutation(() => FindingPayload, {
    description:
      'Adds a finding (发现问题) to an inspection that is not voided, while its sweep is ACTIVE. INSPECTOR, SUPERVISOR or MANAGER, in their jurisdiction. Idempotent by `idempotencyKey`.',
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  addFinding(
    @Args('input', { description: 'The finding to add.' }) input: AddFindingInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<FindingPayload> {
    return this.inspections.addFinding(input, officer);
  }

  @Mutation(() => VoidInspectionPayload, {
    description:
      'Voids (作废) an inspection and its findings with a reason; they stay stored but drop out of lists and statistics. SUPERVISOR of a bureau whose jurisdiction holds it, or MANAGER.',
  })
  @Roles('SUPERVISOR', 'MANAGER')
  async voidInspection(
    @Args('input', { description: 'The inspection to void and why.' }) input: VoidInspectionInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<VoidInspectionPayload> {
    return { inspection: await this.inspections.voidInspection(input, officer) };
  }

  @ResolveField(() => PremisesType, { description: 'The premises inspected.' })
  premises(inspection: InspectionType, _args: unknown, context: GraphQLContext): Promise<Premises> {
    // By the premises' bureau now: once it moved to another bureau, NOT_FOUND to the old one.
    return this.premisesRepository
      .premisesLoader(context.loaders, scopeOf(context))
      .load(inspection.premisesId);
  }

  @ResolveField(() => TargetCategoryType, { description: 'The target category inspected for.' })
  async category(
    inspection: InspectionType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<TargetCategoryType | undefined> {
    return (await this.reference.forRequest(context.loaders)).categoryById.get(
      inspection.categoryId,
    );
  }

  @ResolveField(() => SweepType, { description: 'The sweep it belongs to.' })
  sweep(inspection: InspectionType, _args: unknown, context: GraphQLContext): Promise<Sweep> {
    return this.sweepsRepository.sweepLoader(context.loaders).load(inspection.sweepId);
  }

  @ResolveField(() => BureauType, {
    description: 'The bureau responsible for the premises when the inspection was logged.',
  })
  async bureau(
    inspection: InspectionType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Bureau | null> {
    return (await this.bureaus.bureauLoader(context.loaders).load(inspection.bureauId)) ?? null;
  }

  @ResolveField(() => [OfficerType], {
    description: 'The officers present (至少两名执法人员), in the order given.',
  })
  async officers(
    inspection: InspectionType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Officer[]> {
    const officers = await this.officersRepository
      .officerLoader(context.loaders)
      .loadMany(inspection.officerIds);
    return officers.filter((officer): officer is Officer => officer instanceof Officer);
  }

  @ResolveField(() => [FindingType], {
    description:
      'Its findings in the order recorded, always all of them: when the inspection is voided, so are they.',
  })
  findings(
    inspection: InspectionType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Finding[]> {
    return this.findingsRepository
      .byInspectionLoader(context.loaders, scopeOf(context))
      .load(inspection.id);
  }
}
