import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../common/scalars/scalars';
import { EXPOSURE_SOURCES } from '../exposure.entity';
import type { ExposureSource } from '../exposure.entity';
import { NodeInterface } from '../../common/node';

export const ExposureSourceEnum = Object.fromEntries(
  EXPOSURE_SOURCES.map((source) => [source, source]),
) as Record<ExposureSource, ExposureSource>;
registerEnumType(ExposureSourceEnum, {
  name: 'ExposureSource',
  description: 'Where an exposure (曝光事件) came from.',
  valuesMap: {
    CCTV_315_GALA: { description: 'The CCTV “3·15” gala (央视3·15晚会).' },
    SAMR_NOTICE: {
      description:
        'A notice of the State Administration for Market Regulation (国家市场监督管理总局通知).',
    },
    REGIONAL_NOTICE: { description: 'A notice of the regional bureau (自治区厅通知).' },
    MEDIA: { description: 'Press or online media (媒体曝光).' },
    COMPLAINT: { description: 'Consumer complaints or tips (投诉举报).' },
    OTHER: { description: 'Any other source.' },
  },
});

@ObjectType('ExposedProduct', {
  implements: () => [NodeInterface],
  description:
    'A product named by an exposure (被曝光产品), for inspectors to look for on local shelves.',
})
export class ExposedProductType {
  @Field(() => ID, { description: 'UUID of the exposed product.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Brand (品牌), when known.' })
  brand: string | null;

  @Field({ description: 'Product name (产品名称).' })
  productName: string;

  @Field(() => String, { nullable: true, description: 'Manufacturer (生产企业), when known.' })
  manufacturer: string | null;

  @Field(() => String, { nullable: true, description: 'Batch (批次), when known.' })
  batch: string | null;

  exposureId: string;
}

@ObjectType('Exposure', {
  implements: () => [NodeInterface],
  description: 'A publicly exposed case (曝光事件) that may trigger sweeps.',
})
export class ExposureType {
  @Field(() => ID, { description: 'UUID of the exposure.' })
  id: string;

  @Field({ description: 'Title, e.g. 辣条生产黑作坊.' })
  title: string;

  @Field(() => ExposureSourceEnum, { description: 'Where it came from.' })
  source: ExposureSource;

  @Field(() => DateScalar, { description: 'Day it was exposed (Asia/Shanghai).' })
  exposedOn: string;

  @Field(() => String, { nullable: true, description: 'Summary of the case.' })
  summary: string | null;

  @Field(() => String, { nullable: true, description: 'Reference: a document number or link.' })
  reference: string | null;

  @Field({ description: 'Whether the exposed firms are in our own jurisdiction (本地涉及).' })
  involvesJurisdiction: boolean;
}
