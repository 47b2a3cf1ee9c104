import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import {
  SORT_DIRECTIONS,
  type SortDirection,
  SortDirectionEnum,
} from '../../common/pagination/order';
import { DateScalar } from '../../common/scalars/scalars';
import { PremisesKindEnum } from '../../reference/dto/reference.types';
import { PREMISES_KINDS } from '../../reference/target-category.entity';
import type { PremisesKind } from '../../reference/target-category.entity';
import { LICENCE_KINDS, RISK_LEVELS } from '../premises.entity';
import type { LicenceKind, RiskLevel } from '../premises.entity';
import { InspectionType } from '../../inspections/dto/inspection.types';
import { LicenceKindEnum, PremisesType, RiskLevelEnum } from './premises.types';

/** Most rows one import may carry (2000 rows of Chinese text stay under the 1 MiB body cap); bigger registries are split into batches or go through `npm run import:premises`. */
export const MAX_IMPORT_ROWS = 2000;

/*
 * Row fields carry only light checks (types, lengths): the domain checks (credit code, licence
 * numbers, bureau codes…) run row by row in the service, so one bad row is rejected on its own
 * instead of failing the whole batch.
 */

@InputType({ description: 'A licence (许可证) in an imported premises row.' })
export class LicenceInput {
  @Field(() => LicenceKindEnum, { description: 'Kind of licence.' })
  @IsIn(LICENCE_KINDS)
  kind: LicenceKind;

  @Field({
    description: 'Licence number; for FOOD_PRODUCTION, SC followed by 14 digits (checked per row).',
  })
  @IsString()
  @MaxLength(100)
  number: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of validity (Asia/Shanghai), when known.',
  })
  @IsOptional()
  @IsString()
  validUntil?: string | null;
}

@InputType({
  description:
    'One premises (市场主体) of the registry to import. Checked row by row: an invalid row is rejected with a reason, the others are kept.',
})
export class PremisesRowInput {
  @Field({ description: 'Name (名称); must not be blank.' })
  @IsString()
  @MaxLength(1000)
  name: string;

  @Field(() => PremisesKindEnum, { description: 'Kind of premises.' })
  @IsIn(PREMISES_KINDS)
  kind: PremisesKind;

  @Field({ description: 'Bureau code of the responsible bureau (负责的执法单位), e.g. XINGQING.' })
  @IsString()
  @MaxLength(100)
  bureauCode: string;

  @Field({ description: 'Address (地址); must not be blank.' })
  @IsString()
  @MaxLength(1000)
  address: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Unified social credit code (统一社会信用代码, GB 32100-2015); leave out for street stalls. Letters are upper-cased.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  creditCode?: string | null;

  @Field(() => [LicenceInput], {
    nullable: true,
    description: 'Licences held (许可证); when given, they replace those on record.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LicenceInput)
  licences?: LicenceInput[] | null;

  @Field(() => RiskLevelEnum, { nullable: true, description: 'Risk grade (风险分级).' })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Registration numbers of the licensed pharmacists (执业药师注册证号) registered at the premises; PHARMACY only.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  pharmacistRegistrations?: string[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Latitude in degrees (WGS 84), −90 to 90; give it together with longitude.',
  })
  @IsOptional()
  @IsNumber()
  latitude?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Longitude in degrees (WGS 84), −180 to 180; give it together with latitude.',
  })
  @IsOptional()
  @IsNumber()
  longitude?: number | null;
}

@InputType({
  description: 'A batch of the premises registry (市场主体名录) to import. ADMIN only.',
})
export class ImportPremisesInput {
  @Field(() => [PremisesRowInput], {
    description: `Rows are matched to existing premises by credit code, else by name and address; invalid rows are rejected one by one, valid ones are kept. At most ${MAX_IMPORT_ROWS} rows.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @ValidateNested({ each: true })
  @Type(() => PremisesRowInput)
  rows: PremisesRowInput[];
}

@ObjectType('RejectedRow', { description: 'A row of an import that was not kept, and why.' })
export class RejectedRowType {
  @Field(() => Int, { description: 'Index of the row in the batch, counted from 0.' })
  row: number;

  @Field({ description: 'Why the row was rejected, for the clerk who fixes it.' })
  reason: string;
}

@ObjectType('ImportPremisesPayload', {
  description:
    'Result of importPremises. created + updated + rejected = rows sent: a row that repeats an earlier row of the same batch (same credit code, or same name and address) counts as an update of it.',
})
export class ImportPremisesPayload {
  @Field(() => Int, { description: 'Premises created.' })
  created: number;

  @Field(() => Int, { description: 'Rows that updated an existing premises (or an earlier row).' })
  updated: number;

  @Field(() => [RejectedRowType], { description: 'Rows rejected, in row order.' })
  rejected: RejectedRowType[];
}

@InputType({ description: 'Conditions of premisesList; all given conditions must hold.' })
export class PremisesFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Matches name, address or credit code, case-insensitively, in part.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [PremisesKindEnum], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PREMISES_KINDS.length)
  @IsIn(PREMISES_KINDS, { each: true })
  kinds?: PremisesKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only premises of this bureau (and its descendants, see includeSubBureaus).',
  })
  @IsOptional()
  @IsUUID('all')
  bureauId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Include premises of the bureau's descendants (default true).",
  })
  @IsOptional()
  @IsBoolean()
  includeSubBureaus?: boolean | null;

  @Field(() => [RiskLevelEnum], { nullable: true, description: 'Only these risk grades.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RISK_LEVELS.length)
  @IsIn(RISK_LEVELS, { each: true })
  riskLevels?: RiskLevel[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Premises of a kind the sweep's categories cover and not yet inspected in it (voided inspections do not count). An unknown sweep matches nothing.",
  })
  @IsOptional()
  @IsUUID('all')
  notInspectedInSweepId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Premises of a kind one of these target categories (by code) covers. Unknown codes match nothing.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  categoryCodes?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Premises with no inspection (voided ones aside) on or after this Asia/Shanghai day, never-inspected ones included.',
  })
  @IsOptional()
  @IsString()
  notInspectedSince?: string | null;
}

export const PREMISES_ORDER_FIELDS = ['NAME', 'LAST_INSPECTED_AT'] as const;
export type PremisesOrderField = (typeof PREMISES_ORDER_FIELDS)[number];
export const PremisesOrderFieldEnum = {
  NAME: 'NAME',
  LAST_INSPECTED_AT: 'LAST_INSPECTED_AT',
} as const;
registerEnumType(PremisesOrderFieldEnum, {
  name: 'PremisesOrderField',
  description: 'What a premises list is sorted by.',
  valuesMap: {
    NAME: { description: 'The name.' },
    LAST_INSPECTED_AT: {
      description:
        'The latest inspection that is not voided; never-inspected premises count as the oldest.',
    },
  },
});

@InputType({ description: 'The order of a premises list; ties are broken by id.' })
export class PremisesOrder {
  @Field(() => PremisesOrderFieldEnum, { description: 'What to sort by.' })
  @IsIn(PREMISES_ORDER_FIELDS)
  field: PremisesOrderField;

  @Field(() => SortDirectionEnum, { description: 'Ascending or descending.' })
  @IsIn(SORT_DIRECTIONS)
  direction: SortDirection;
}

@ArgsType()
export class PremisesListArgs extends PageArgs {
  @Field(() => PremisesFilter, { nullable: true, description: 'Conditions; none lists all.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PremisesFilter)
  filter?: PremisesFilter | null;

  @Field(() => PremisesOrder, { nullable: true, description: 'The order (default NAME ASC).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PremisesOrder)
  orderBy?: PremisesOrder | null;
}

export const PremisesConnection = ConnectionType(
  PremisesType,
  'Premises',
  'premises (市场主体), in the order asked (default by name), ties by id',
);

export const InspectionConnection = ConnectionType(
  InspectionType,
  'Inspection',
  'inspections (检查记录), newest visit first',
);
