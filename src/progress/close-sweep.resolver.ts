import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentScope, CurrentUser, Roles } from '../auth/decorators';
import { Scope } from '../common/scope';
import type { GraphQLContext } from '../graphql/context';
import { FindingType } from '../inspections/dto/inspection.types';
import { Finding } from '../inspections/finding.entity';
import { SweepPayload } from '../sweeps/dto/sweep-payload';
import { SweepType } from '../sweeps/dto/sweep.types';
import { CloseSweepRepository } from './close-sweep.repository';
import { CloseSweepService } from './close-sweep.service';
import { CloseSweepInput } from './dto/progress.types';

@Resolver(() => SweepType)
export class CloseSweepResolver {
  constructor(
    private readonly closeSweepService: CloseSweepService,
    private readonly repository: CloseSweepRepository,
  ) {}

  @Mutation(() => SweepPayload, {
    description:
      'Closes an ACTIVE sweep (结束专项整治行动). MANAGER only. INVALID_STATE when it is not ACTIVE, or when findings are still open (not finished on both tracks, or with a compulsory measure still in force) and carryOverOpenFindings is not true.',
  })
  @Roles('MANAGER')
  async closeSweep(
    @Args('input', { description: 'The sweep to close and whether to carry open findings over.' })
    input: CloseSweepInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<SweepPayload> {
    return { sweep: await this.closeSweepService.close(input, officer) };
  }

  @ResolveField(() => [FindingType], {
    description:
      'Findings carried over (结转) when the sweep closed with them still open; they stay workable. Limited to the caller’s jurisdiction; voided ones left out.',
  })
  carriedOverFindings(
    @Parent() sweep: SweepType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Finding[]> {
    return this.repository.carriedOverFindingsLoader(context.loaders, scope).load(sweep.id);
  }
}
