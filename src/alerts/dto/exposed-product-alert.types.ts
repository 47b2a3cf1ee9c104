import { Field, ObjectType } from '@nestjs/graphql';
import { BureauType } from '../../bureaus/dto/bureau.types';
import { DateTimeScalar } from '../../common/scalars/scalars';
import { ExposedProductType, ExposureType } from '../../exposures/dto/exposure.types';
import { FindingType, InspectionType } from '../../inspections/dto/inspection.types';
import { PremisesType } from '../../premises/dto/premises.types';

@ObjectType('ExposedProductAlert', {
  description:
    'An alert that an exposed product was found (发现被曝光产品预警): an inspection in any sweep recorded a finding tied to a product named by an exposure (曝光事件). Pushed by the `exposedProductFound` subscription.',
})
export class ExposedProductAlertType {
  @Field(() => FindingType, {
    description: 'The finding (发现问题) that names the exposed product.',
  })
  finding: FindingType;

  @Field(() => InspectionType, {
    description: 'The inspection (检查记录) during which it was found.',
  })
  inspection: InspectionType;

  @Field(() => ExposedProductType, {
    description: 'The exposed product (被曝光产品) that was found.',
  })
  exposedProduct: ExposedProductType;

  @Field(() => ExposureType, {
    description: 'The exposure (曝光事件) that named the product.',
  })
  exposure: ExposureType;

  @Field(() => PremisesType, {
    description: 'The premises (市场主体) where it was found.',
  })
  premises: PremisesType;

  @Field(() => BureauType, {
    description:
      'The bureau (执法单位) responsible for the premises, under whose jurisdiction the finding falls.',
  })
  bureau: BureauType;

  @Field(() => DateTimeScalar, {
    description:
      'When the finding was recorded on the server (UTC ISO 8601); `inspection.inspectedAt` is when the visit happened.',
  })
  at: Date;
}
