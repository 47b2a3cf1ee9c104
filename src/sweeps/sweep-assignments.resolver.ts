import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import { NotFound } from '../common/errors/domain-errors';
import type { GraphQLContext } from '../graphql/context';
import { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import { SweepAssignmentType } from './dto/sweep.types';

/** Relations of an assignment (任务分配), batched through the request's loaders. */
@Resolver(() => SweepAssignmentType)
export class SweepAssignmentsResolver {
  constructor(
    private readonly reference: ReferenceService,
    private readonly bureaus: BureausRepository,
  ) {}

  @ResolveField(() => BureauType, { description: 'The bureau that is to inspect.' })
  async bureau(
    @Parent() assignment: SweepAssignmentType,
    @Context() context: GraphQLContext,
  ): Promise<Bureau> {
    const bureau = await this.bureaus.bureauLoader(context.loaders).load(assignment.bureauId);
    if (!bureau) throw new NotFound('Bureau', assignment.bureauId);
    return bureau;
  }

  @ResolveField(() => TargetCategoryType, { description: 'The target category (整治对象类别).' })
  async category(
    @Parent() assignment: SweepAssignmentType,
    @Context() context: GraphQLContext,
  ): Promise<TargetCategoryType | undefined> {
    const snapshot = await this.reference.forRequest(context.loaders);
    return snapshot.categoryById.get(assignment.categoryId);
  }
}
