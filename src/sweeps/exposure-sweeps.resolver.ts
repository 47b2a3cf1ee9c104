import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ExposureType } from '../exposures/dto/exposure.types';
import type { GraphQLContext } from '../graphql/context';
import { SweepType } from './dto/sweep.types';
import type { Sweep } from './sweep.entity';
import { SweepsService } from './sweeps.service';

/** `Exposure.sweeps`: the sweeps (专项整治行动) an exposure triggered; sweeps own that link. */
@Resolver(() => ExposureType)
export class ExposureSweepsResolver {
  constructor(private readonly sweepsService: SweepsService) {}

  @ResolveField(() => [SweepType], {
    description: 'Sweeps (专项整治行动) this exposure triggered, newest start date first.',
  })
  sweeps(@Parent() exposure: ExposureType, @Context() context: GraphQLContext): Promise<Sweep[]> {
    return this.sweepsService.ofExposure(exposure.id, context.loaders);
  }
}
