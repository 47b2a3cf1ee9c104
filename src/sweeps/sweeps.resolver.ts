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
import { CurrentUser, Roles } from '../auth/decorators';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import { NotFound } from '../common/errors/domain-errors';
import type { Connection } from '../common/pagination/connection';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { ExposureType } from '../exposures/dto/exposure.types';
import type { Exposure } from '../exposures/exposure.entity';
import type { GraphQLContext } from '../graphql/context';
import { TargetCategoryType } from '../reference/dto/reference.types';
import { SweepPayload } from './dto/sweep-payload';
import {
  CreateSweepInput,
  ExtendSweepInput,
  SetSweepAssignmentsInput,
  SweepConnection,
  SweepsArgs,
} from './dto/sweep.inputs';
import { SweepAssignmentType, SweepType } from './dto/sweep.types';
import type { SweepAssignment } from './sweep-assignment.entity';
import type { Sweep } from './sweep.entity';
import { SweepsService } from './sweeps.service';

@Resolver(() => SweepType)
export class SweepsResolver {
  constructor(
    private readonly sweepsService: SweepsService,
    private readonly bureaus: BureausRepository,
  ) {}

  @Mutation(() => SweepPayload, {
    description:
      'Creates a DRAFT sweep (专项整治行动). MANAGER only. A duplicate code is CONFLICT; unknown exposure ids, lead bureau or category codes are BAD_USER_INPUT naming the field.',
  })
  @Roles('MANAGER')
  async createSweep(
    @Args('input', { description: 'The sweep (专项整治行动) to create, in DRAFT.' })
    input: CreateSweepInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<SweepPayload> {
    return { sweep: await this.sweepsService.create(input, officer) };
  }

  @Mutation(() => SweepPayload, {
    description:
      'Replaces the assignments (任务分配) of a DRAFT or ACTIVE sweep as a whole. MANAGER only; INVALID_STATE when CLOSED.',
  })
  @Roles('MANAGER')
  async setSweepAssignments(
    @Args('input', {
      description: 'The sweep and its complete new list of assignments (任务分配).',
    })
    input: SetSweepAssignmentsInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<SweepPayload> {
    return { sweep: await this.sweepsService.setAssignments(input, officer) };
  }

  @Mutation(() => SweepPayload, {
    description:
      'Starts a sweep: DRAFT → ACTIVE (inspections may then be logged). MANAGER only. INVALID_STATE (from, action ACTIVATE) when not DRAFT or when it has no assignment yet.',
  })
  @Roles('MANAGER')
  async activateSweep(
    @Args('id', { type: () => ID, description: 'UUID of the sweep.' }, UuidPipe) id: string,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<SweepPayload> {
    return { sweep: await this.sweepsService.activate(id, officer) };
  }

  @Mutation(() => SweepPayload, {
    description:
      'Extends a DRAFT or ACTIVE sweep to a later end date, at most 366 days beyond the current one per call (a sweep is created at most 366 days long). MANAGER only; INVALID_STATE (action EXTEND) once CLOSED.',
  })
  @Roles('MANAGER')
  async extendSweep(
    @Args('input', { description: 'The sweep and its new end date.' }) input: ExtendSweepInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<SweepPayload> {
    return { sweep: await this.sweepsService.extend(input.sweepId, input.endDate, officer) };
  }

  @Query(() => SweepConnection, {
    description:
      'Sweeps (专项整治行动), newest start date first. Any logged-in officer: sweeps are city-wide campaigns.',
  })
  sweeps(
    @Args() args: SweepsArgs,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Connection<Sweep>> {
    return this.sweepsService.list(args, officer);
  }

  @Query(() => SweepType, {
    nullable: true,
    description: 'One sweep by id; NOT_FOUND when unknown. Any logged-in officer.',
  })
  sweep(
    @Args('id', { type: () => ID, description: 'UUID of the sweep.' }, UuidPipe) id: string,
  ): Promise<Sweep> {
    return this.sweepsService.get(id);
  }

  @ResolveField(() => BureauType, { description: 'The lead bureau (牵头单位).' })
  async leadBureau(
    @Parent() sweep: SweepType,
    @Context() context: GraphQLContext,
  ): Promise<Bureau> {
    const bureau = await this.bureaus.bureauLoader(context.loaders).load(sweep.leadBureauId);
    if (!bureau) throw new NotFound('Bureau', sweep.leadBureauId);
    return bureau;
  }

  @ResolveField(() => [ExposureType], {
    description: 'Exposures (曝光事件) that triggered it, newest first.',
  })
  exposures(@Parent() sweep: SweepType, @Context() context: GraphQLContext): Promise<Exposure[]> {
    return this.sweepsService.exposuresOf(sweep.id, context.loaders);
  }

  @ResolveField(() => [TargetCategoryType], {
    description: 'Target categories (整治对象类别) it covers, with their checklists, by code.',
  })
  categories(
    @Parent() sweep: SweepType,
    @Context() context: GraphQLContext,
  ): Promise<TargetCategoryType[]> {
    return this.sweepsService.categoriesOf(sweep.id, context.loaders);
  }

  @ResolveField(() => [SweepAssignmentType], {
    description: 'Targets (任务数) per participating bureau and category, by bureau code.',
  })
  assignments(
    @Parent() sweep: SweepType,
    @Context() context: GraphQLContext,
  ): Promise<SweepAssignment[]> {
    return this.sweepsService.assignmentsOf(sweep.id, context.loaders);
  }
}
