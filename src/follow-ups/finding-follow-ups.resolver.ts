import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../auth/decorators';
import type { Scope } from '../common/scope';
import type { GraphQLContext } from '../graphql/context';
import { FindingType } from '../inspections/dto/inspection.types';
import { FollowUpType } from './dto/follow-up.types';
import type { FollowUp } from './follow-up.entity';
import { FollowUpsService } from './follow-ups.service';

/** Finding.followUps (后续处置记录): the follow-up area's field on the inspections area's type. */
@Resolver(() => FindingType)
export class FindingFollowUpsResolver {
  constructor(private readonly service: FollowUpsService) {}

  @ResolveField(() => [FollowUpType], {
    description: 'The follow-ups (后续处置) taken on it, oldest first (in the order recorded).',
  })
  followUps(
    @Parent() finding: FindingType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<FollowUp[]> {
    return this.service.followUpsOf(context.loaders, scope, finding.id);
  }
}
