import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../common/scalars/scalars';
import { EXPOSURE_SOURCES } from '../exposure.entity';
import type { ExposureSource } from '../exposure.entity';
import { ExposureSourceEnum, ExposureType } from './exposure.types';

@InputType({ description: 'A product named by an exposure (被曝光产品).' })
export class ExposedProductInput {
  @Field(() => String, { nullable: true, description: 'Brand (品牌), when known; at most 100.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string | null;

  @Field({ description: 'Product name (产品名称); at most 200.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  productName: string;

  @Field(() => String, {
    nullable: true,
    description: 'Manufacturer (生产企业), when known; at most 200.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  manufacturer?: string | null;

  @Field(() => String, { nullable: true, description: 'Batch (批次), when known; at most 100.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  batch?: string | null;
}

@InputType({ description: 'A new exposure (曝光事件). MANAGER only.' })
export class RecordExposureInput {
  @Field({ description: 'Title, e.g. 辣条生产黑作坊; at most 200.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => ExposureSourceEnum, { description: 'Where it came from.' })
  @IsIn(EXPOSURE_SOURCES)
  source: ExposureSource;

  @Field(() => DateScalar, { description: 'Day it was exposed (Asia/Shanghai).' })
  @IsString()
  exposedOn: string;

  @Field(() => String, { nullable: true, description: 'Summary of the case.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  summary?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reference: a document number or link; at most 500.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reference?: string | null;

  @Field(() => [String], {
    description:
      'Codes of the target categories (整治对象类别) it concerns, e.g. SEASONED_FLOUR_PRODUCTS; at least one.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  categoryCodes: string[];

  @Field({ description: 'Whether the exposed firms are in our own jurisdiction (本地涉及).' })
  @IsBoolean()
  involvesJurisdiction: boolean;

  @Field(() => [ExposedProductInput], {
    nullable: true,
    description: 'Products to look for on local shelves; at most 100.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ExposedProductInput)
  products?: ExposedProductInput[] | null;
}

@ObjectType({ description: 'Result of recordExposure.' })
export class RecordExposurePayload {
  @Field(() => ExposureType, { description: 'The exposure as recorded.' })
  exposure: ExposureType;
}

export const ExposureConnection = ConnectionType(
  ExposureType,
  'Exposure',
  'exposures (曝光事件), newest exposedOn first',
);
