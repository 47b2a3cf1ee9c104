import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser } from '../auth/decorators';
import type { Connection } from '../common/pagination/connection';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { ExposedProductType } from '../exposures/dto/exposure.types';
import type { ExposedProduct } from '../exposures/exposed-product.entity';
import { ExposuresRepository } from '../exposures/exposures.repository';
import { type GraphQLContext, scopeOf } from '../graphql/context';
import { ViolationTypeType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import { FindingConnection, FindingsArgs } from './dto/inspection.inputs';
import { FindingType, GoodsType, InspectionType } from './dto/inspection.types';
import { Finding } from './finding.entity';
import { FindingsService } from './findings.service';
import type { Inspection } from './inspection.entity';
import { InspectionsRepository } from './repositories/inspections.repository';

@Resolver(() => FindingType)
export class FindingsResolver {
  constructor(
    private readonly findingsService: FindingsService,
    private readonly reference: ReferenceService,
    private readonly inspectionsRepository: InspectionsRepository,
    private readonly exposures: ExposuresRepository,
  ) {}

  @Query(() => FindingConnection, {
    description:
      'Findings (发现问题), in the order asked (default newest first); voided ones are never listed. Inspectors and supervisors see their jurisdiction, managers everything.',
  })
  findings(
    @Args() args: FindingsArgs,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Connection<Finding>> {
    return this.findingsService.list(args, officer);
  }

  @Query(() => FindingType, {
    nullable: true,
    description:
      'One finding by id, voided or not. Outside the caller’s jurisdiction, or unknown: null with NOT_FOUND (the rest of the response still arrives).',
  })
  finding(
    @Args('id', { type: () => ID, description: 'UUID of the finding.' }, UuidPipe) id: string,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Finding> {
    return this.findingsService.findById(id, officer);
  }

  @ResolveField(() => ViolationTypeType, { description: 'The violation type (问题类型).' })
  async violationType(
    finding: FindingType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<ViolationTypeType | undefined> {
    return (await this.reference.forRequest(context.loaders)).violationTypeByCode.get(
      finding.violationTypeCode,
    );
  }

  @ResolveField(() => ExposedProductType, {
    nullable: true,
    description: 'The exposed product (被曝光产品) it concerns, if any.',
  })
  async exposedProduct(
    finding: FindingType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<ExposedProduct | null> {
    if (!finding.exposedProductId) return null;
    return (
      (await this.exposures.exposedProductLoader(context.loaders).load(finding.exposedProductId)) ??
      null
    );
  }

  @ResolveField(() => GoodsType, {
    nullable: true,
    description: 'Goods removed from sale or seized (下架、查扣), if any.',
  })
  goods(finding: FindingType): GoodsType | null {
    if (finding.goodsQuantity === null || finding.goodsUnit === null) return null;
    return {
      quantity: Number(finding.goodsQuantity),
      unit: finding.goodsUnit,
      value: finding.goodsValue,
    };
  }

  @ResolveField(() => InspectionType, { description: 'The inspection that found it.' })
  inspection(finding: FindingType, _args: unknown, context: GraphQLContext): Promise<Inspection> {
    return this.inspectionsRepository
      .inspectionLoader(context.loaders, scopeOf(context))
      .load(finding.inspectionId);
  }
}
