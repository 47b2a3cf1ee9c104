import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DateScalar } from '../../common/scalars/scalars';
import { PRODUCT_KINDS, type ProductKind } from '../product-lot';

export const ProductKindEnum = {
  FOOD: 'FOOD',
  DRUG: 'DRUG',
  VACCINE: 'VACCINE',
  AGRI_INPUT: 'AGRI_INPUT',
  OTHER: 'OTHER',
} as const;
registerEnumType(ProductKindEnum, {
  name: 'ProductKind',
  description: 'Kind of product (产品类别): which lot fields apply.',
  valuesMap: {
    FOOD: { description: '食品 (食品安全法 第六十七条: label of prepackaged food).' },
    DRUG: { description: '药品 (药品管理法 第四十九条).' },
    VACCINE: { description: '疫苗 (疫苗管理法: traceability and 批签发).' },
    AGRI_INPUT: { description: '农资: pesticides (农药管理条例), fertiliser, seed.' },
    OTHER: { description: '其他.' },
  },
});

const TEXT = 200;
const CODE = 64;

/** Fields shared by the input and the output (one list of names and descriptions). */
const DESCRIPTIONS = {
  kind: 'Kind of product (产品类别); decides which fields are required.',
  productName: '产品名称. Required.',
  brand: '品牌/商标.',
  specification: '规格 (e.g. 100g/袋).',
  lotNumber:
    '批号 (生产批号); required for DRUG, VACCINE and AGRI_INPUT; FOOD needs it or productionDate.',
  productionDate: '生产日期; not after today.',
  expiryDate: '有效期至; after productionDate. Required for DRUG and VACCINE.',
  shelfLife: '保质期 as printed (e.g. 12个月); FOOD needs it or shelfLifeDays.',
  shelfLifeDays: '保质期 in days.',
  producerName: '食品生产者名称 (FOOD, required; 食品安全法 第六十七条).',
  producerLicence:
    '食品生产许可证编号 (FOOD, required): SC followed by 14 digits (食品安全法 第五十三条 checks it on purchase).',
  manufacturer: '生产企业/上市许可持有人 (DRUG, AGRI_INPUT required; VACCINE, OTHER optional).',
  approvalNumber:
    '药品批准文号 (DRUG, VACCINE required): 国药准字 + H/Z/S/J/B/F/T + 8 digits; a vaccine’s is S.',
  traceabilityCode: '药品追溯码 of the pack (VACCINE, required): 20 digits (疫苗管理法 第十条).',
  lotReleaseNumber: '批签发证明编号 (VACCINE; 疫苗管理法 第二十六条).',
  registrationNumber:
    '农药登记证号 (AGRI_INPUT, required): PD, WP, LS or WL + 8 digits, e.g. PD20080005.',
} as const;

@InputType({
  description:
    'A product and its lot (产品与批次), by kind; the fields a kind needs are checked (BAD_USER_INPUT with the field’s path).',
})
export class ProductLotInput {
  @Field(() => ProductKindEnum, { description: DESCRIPTIONS.kind })
  @IsIn(PRODUCT_KINDS)
  kind: ProductKind;

  @Field({ description: DESCRIPTIONS.productName })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  productName: string;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.brand })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.specification })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  specification?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.lotNumber })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lotNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: DESCRIPTIONS.productionDate })
  @IsOptional()
  productionDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: DESCRIPTIONS.expiryDate })
  @IsOptional()
  expiryDate?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.shelfLife })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  shelfLife?: string | null;

  @Field(() => Int, { nullable: true, description: DESCRIPTIONS.shelfLifeDays })
  @IsOptional()
  @IsInt()
  shelfLifeDays?: number | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.producerName })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  producerName?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.producerLicence })
  @IsOptional()
  @IsString()
  @MaxLength(CODE)
  producerLicence?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.manufacturer })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  manufacturer?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.approvalNumber })
  @IsOptional()
  @IsString()
  @MaxLength(CODE)
  approvalNumber?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.traceabilityCode })
  @IsOptional()
  @IsString()
  @MaxLength(CODE)
  traceabilityCode?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.lotReleaseNumber })
  @IsOptional()
  @IsString()
  @MaxLength(CODE)
  lotReleaseNumber?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.registrationNumber })
  @IsOptional()
  @IsString()
  @MaxLength(CODE)
  registrationNumber?: string | null;
}

@ObjectType('ProductLot', {
  description:
    'A product and its lot (产品与批次) as recorded; fields a kind does not carry are null.',
})
export class ProductLotType {
  @Field(() => ProductKindEnum, { description: DESCRIPTIONS.kind })
  kind: ProductKind;

  @Field({ description: DESCRIPTIONS.productName })
  productName: string;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.brand })
  brand?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.specification })
  specification?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.lotNumber })
  lotNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: DESCRIPTIONS.productionDate })
  productionDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: DESCRIPTIONS.expiryDate })
  expiryDate?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.shelfLife })
  shelfLife?: string | null;

  @Field(() => Int, { nullable: true, description: DESCRIPTIONS.shelfLifeDays })
  shelfLifeDays?: number | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.producerName })
  producerName?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.producerLicence })
  producerLicence?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.manufacturer })
  manufacturer?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.approvalNumber })
  approvalNumber?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.traceabilityCode })
  traceabilityCode?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.lotReleaseNumber })
  lotReleaseNumber?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.registrationNumber })
  registrationNumber?: string | null;
}
