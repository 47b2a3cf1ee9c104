import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentScope } from '../auth/decorators';
import { Scope } from '../common/scope';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { ProgressFilter, SweepProgressType } from './dto/progress.types';
import { ProgressService } from './progress.service';
import type { SweepProgress } from './progress.service';

@Resolver(() => SweepProgressType)
export class ProgressResolver {
  constructor(private readonly progressService: ProgressService) {}

  @Query(() => SweepProgressType, {
    description:
      'Progress of a sweep (工作进展情况): figures in total, per bureau subtree, per category, per violation type and per Asia/Shanghai day, and the summary paragraph. Managers and admins see the whole city; inspectors and supervisors their jurisdiction. Unknown sweep: NOT_FOUND.',
  })
  sweepProgress(
    @Args('sweepId', { type: () => ID, description: 'The sweep.' }, UuidPipe) sweepId: string,
    @Args('filter', {
      type: () => ProgressFilter,
      nullable: true,
      description: 'Bureau subtree, categories and days to count; everything in scope when absent.',
    }) // Typed without `| null` so the validation pipe sees the class (a union emits Object).
    filter: ProgressFilter,
    @CurrentScope() scope: Scope,
  ): Promise<SweepProgress> {
    return this.progressService.progress(sweepId, filter ?? {}, scope);
  }
}
