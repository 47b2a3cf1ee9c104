import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { BUREAU_KINDS } from '../bureau.entity';
import type { BureauKind } from '../bureau.entity';
import { NodeInterface } from '../../common/node';

export const BureauKindEnum = Object.fromEntries(
  BUREAU_KINDS.map((kind) => [kind, kind]),
) as Record<BureauKind, BureauKind>;
registerEnumType(BureauKindEnum, {
  name: 'BureauKind',
  description: 'Level of a bureau (执法单位) in the tree.',
  valuesMap: {
    MUNICIPAL: { description: 'The city bureau (市市场监督管理局), root of the tree.' },
    SUB_BUREAU: { description: 'A sub-bureau (分局) of the city bureau.' },
    COUNTY: { description: 'A county bureau (县局).' },
  },
});

@ObjectType('Bureau', {
  implements: () => [NodeInterface],
  description: 'An enforcement bureau (执法单位): a node of the city, sub-bureau and county tree.',
})
export class BureauType {
  @Field(() => ID, { description: 'UUID of the bureau.' })
  id: string;

  @Field({ description: 'Short unique code, e.g. CITY or XINGQING.' })
  code: string;

  @Field({ description: 'Chinese name (名称), e.g. 市市场监督管理局.' })
  name: string;

  @Field(() => BureauKindEnum, { description: 'Level in the tree.' })
  kind: BureauKind;

  @Field({ description: '6-digit administrative division code (行政区划代码), e.g. 640100.' })
  divisionCode: string;

  parentId: string | null;
}

@InputType({ description: 'A new bureau (ADMIN only).' })
export class CreateBureauInput {
  @Field({ description: 'Short unique code: letters, digits, - or _, at most 32.' })
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'validation.code32' })
  code: string;

  @Field({ description: 'Chinese name (名称).' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => BureauKindEnum, { description: 'Level in the tree.' })
  @IsIn(BUREAU_KINDS)
  kind: BureauKind;

  @Field({ description: '6-digit administrative division code (行政区划代码).' })
  @MaxLength(6)
  @Matches(/^\d{6}$/, { message: 'bureaus.divisionCode' })
  divisionCode: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Parent bureau; required for sub-bureaus and county bureaus.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'validation.isUuid' })
  parentId?: string;
}

@ObjectType({ description: 'Result of createBureau.' })
export class CreateBureauPayload {
  @Field(() => BureauType, { description: 'The bureau created.' })
  bureau: BureauType;
}
