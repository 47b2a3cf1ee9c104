import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentScope } from '../auth/decorators';
import { Scope } from '../common/scope';
import { InputValidationPipe } from '../common/validation/validation.pipe';
import type { GraphQLContext } from '../graphql/context';
import { SweepType } from '../sweeps/dto/sweep.types';
import { ProgressFilter, SweepProgressOverviewType } from './dto/progress.types';
import { ProgressService } from './progress.service';
import type { ProgressFilterValues, SweepProgressOverview } from './progress.service';

/**
 * `Sweep.progress`: the figures of each sweep of a list, batched per request and filter so that a
 * page of sweeps costs a fixed number of SQL statements (ProgressService.overviews).
 */
@Resolver(() => SweepType)
export class SweepProgressResolver {
  constructor(private readonly progressService: ProgressService) {}

  @ResolveField(() => SweepProgressOverviewType, {
    description:
      'Progress of this sweep (工作进展情况): totals, bureau subtrees and categories, as `sweepProgress` counts them. Batched over a list of sweeps.',
  })
  progress(
    @Parent() sweep: SweepType,
    @Args(
      'filter',
      {
        type: () => ProgressFilter,
        nullable: true,
        description:
          'Bureau subtree, categories and days to count; everything in scope when absent.',
      },
      InputValidationPipe,
    ) // Field resolvers get no global pipes (graphql.module.ts): validate here.
    filter: ProgressFilter,
    @CurrentScope() scope: Scope,
    @Context() context: GraphQLContext,
  ): Promise<SweepProgressOverview> {
    const values: ProgressFilterValues = {
      bureauId: filter?.bureauId ?? null,
      categoryCodes: filter?.categoryCodes ?? null,
      from: filter?.from ?? null,
      to: filter?.to ?? null,
    };
    const loader = context.loaders.custom(
      `progress.overview:${JSON.stringify(values)}`,
      () =>
        new DataLoader<string, SweepProgressOverview>((sweepIds) =>
          this.progressService.overviews(sweepIds, values, scope),
        ),
    );
    return loader.load(sweep.id);
  }
}
