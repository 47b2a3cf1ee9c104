import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Connection } from '../common/pagination/connection';
import { PageArgs } from '../common/pagination/connection';
import type { GraphQLContext } from '../graphql/context';
import { TargetCategoryType } from '../reference/dto/reference.types';
import {
  ExposureConnection,
  RecordExposureInput,
  RecordExposurePayload,
} from './dto/exposure.inputs';
import { ExposedProductType, ExposureType } from './dto/exposure.types';
import type { ExposedProduct } from './exposed-product.entity';
import type { Exposure } from './exposure.entity';
import { ExposuresService } from './exposures.service';

@Resolver(() => ExposureType)
export class ExposuresResolver {
  constructor(private readonly exposuresService: ExposuresService) {}

  @Mutation(() => RecordExposurePayload, {
    description:
      'Records an exposure (曝光事件) with its target categories and exposed products. MANAGER only; an unknown category code is BAD_USER_INPUT naming input.categoryCodes[i].',
  })
  @Roles('MANAGER')
  async recordExposure(
    @Args('input', { description: 'The exposure (曝光事件) to record, with its exposed products.' })
    input: RecordExposureInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<RecordExposurePayload> {
    return { exposure: await this.exposuresService.record(input, officer) };
  }

  @Query(() => ExposureConnection, {
    description:
      'Exposures (曝光事件), newest exposedOn first. Any logged-in officer: exposures are public cases.',
  })
  exposures(@Args() page: PageArgs): Promise<Connection<Exposure>> {
    return this.exposuresService.list(page);
  }

  @ResolveField(() => [TargetCategoryType], {
    description: 'Target categories (整治对象类别) it concerns, by code.',
  })
  categories(
    @Parent() exposure: ExposureType,
    @Context() context: GraphQLContext,
  ): Promise<TargetCategoryType[]> {
    return this.exposuresService.categoriesOf(exposure.id, context.loaders);
  }

  @ResolveField(() => [ExposedProductType], {
    description: 'Products (被曝光产品) to look for on local shelves, by product name.',
  })
  products(
    @Parent() exposure: ExposureType,
    @Context() context: GraphQLContext,
  ): Promise<ExposedProduct[]> {
    return this.exposuresService.productsOf(exposure.id, context.loaders);
  }
}
