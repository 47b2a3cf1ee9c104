import { Context, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/context';
import { TargetCategoryType, ViolationTypeType } from './dto/reference.types';
import { ReferenceService } from './reference.service';

@Resolver()
export class ReferenceResolver {
  constructor(private readonly reference: ReferenceService) {}

  @Query(() => [TargetCategoryType], {
    description:
      'The target categories (整治对象类别) with their premises kinds and checklists. Any logged-in officer.',
  })
  async targetCategories(@Context() context: GraphQLContext): Promise<TargetCategoryType[]> {
    return (await this.reference.forRequest(context.loaders)).categories;
  }

  @Query(() => [ViolationTypeType], {
    description:
      'The violation types (问题类型) with default severity and legal basis. Any logged-in officer.',
  })
  async violationTypes(@Context() context: GraphQLContext): Promise<ViolationTypeType[]> {
    return (await this.reference.forRequest(context.loaders)).violationTypes;
  }
}
