import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import { withinJurisdiction } from '../common/scope';
import type { GraphQLContext } from '../graphql/context';
import { groupBy } from '../graphql/loaders';
import { FindingType } from '../inspections/dto/inspection.types';
import { Finding } from '../inspections/finding.entity';
import { SweepPayload } from '../sweeps/dto/sweep-payload';
import { SweepType } from '../sweeps/dto/sweep.types';
import { CloseSweepService } from './close-sweep.service';
import { CloseSweepInput } from './dto/progress.types';

@Resolver(() => SweepType)
export class CloseSweepResolver {
  constructor(
    private readonly closeSweepService: CloseSweepService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => SweepPayload, {
    description:
      'Closes an ACTIVE sweep (结束专项整治行动). MANAGER only. INVALID_STATE when it is not ACTIVE, or when findings are still open and carryOverOpenFindings is not true.',
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
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Finding[]> {
    return context.loaders
      .custom(
        'carriedOverFindingsBySweep',
        () =>
          new DataLoader<string, Finding[]>(async (sweepIds) => {
            const query = this.dataSource
              .getRepository(Finding)
              .createQueryBuilder('f')
              .where('f.sweep_id = ANY(:sweepIds)', { sweepIds: [...sweepIds] })
              .andWhere('f.carried_over AND NOT f.voided');
            const rows = await withinJurisdiction(query, 'f.bureau_id', officer)
              .orderBy('f.found_on')
              .addOrderBy('f.id')
              .getMany();
            return groupBy(sweepIds, rows, (row) => row.sweepId);
          }),
      )
      .load(sweep.id);
  }
}
