import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { GraphQLContext } from '../graphql/context';
import { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import { SweepAssignmentType } from './dto/sweep.types';
import { BureauReadsRepository } from './reads/bureau-reads.repository';

/** Relations of an assignment (任务分配), batched through the request's loaders. */
@Resolver(() => SweepAssignmentType)
export class SweepAssignmentsResolver {
  constructor(
    private readonly reference: ReferenceService,
    private readonly bureaus: BureauReadsRepository,
  ) {}

  @ResolveField(() => BureauType, { description: 'The bureau that is to inspect.' })
  async bureau(
    @Parent() assignment: SweepAssignmentType,
    @Context() context: GraphQLContext,
  ): Promise<Bureau> {
    return this.bureaus.loader(context.loaders).load(assignment.bureauId);
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
