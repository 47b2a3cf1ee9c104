import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import {
  SORT_DIRECTIONS,
  type SortDirection,
  SortDirectionEnum,
} from '../../common/pagination/order';
import { DateScalar } from '../../common/scalars/scalars';
import { ProductLotInput } from '../../products/dto/product-lot.dto';
import {
  SAMPLE_METHODS,
  SAMPLE_RESULTS,
  type SampleMethod,
  type SampleResult,
} from '../sample.entity';
import { SampleMethodEnum, SampleResultEnum } from './sample.types';
import { KeyedInput, NOT_BLANK, NOT_BLANK_MESSAGE } from '../../common/validation/keyed-input';

@InputType({ description: 'An item a sample failed (不合格项目).' })
export class FailedItemInput {
  @Field({ description: '检验项目, at most 200 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  item: string;

  @Field({ description: '检验结果: the value measured, as reported, at most 100 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  measured: string;

  @Field({ description: '标准指标: the limit and the standard, at most 200 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  limit: string;

  @Field(() => String, { nullable: true, description: '单位, at most 20 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string | null;
}

@InputType({
  description:
    'A sample taken on an inspection (抽样检验 / 快检). INSPECTOR, SUPERVISOR or MANAGER, in their jurisdiction, while the sweep is ACTIVE.',
})
export class RecordSampleInput extends KeyedInput {
  @Field(() => ID, { description: 'The inspection it was taken on; not voided.' })
  @IsUUID('all')
  inspectionId: string;

  @Field(() => SampleMethodEnum, { description: 'Rapid test on site (快检) or lab test (抽检).' })
  @IsIn(SAMPLE_METHODS)
  method: SampleMethod;

  @Field({ description: '抽样单编号: 1 to 64 letters, digits, - or _; unique in the bureau.' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'validation.code64' })
  sampleNumber: string;

  @Field(() => ProductLotInput, { description: 'The product and lot sampled (产品与批次).' })
  @ValidateNested()
  @Type(() => ProductLotInput)
  product: ProductLotInput;

  @Field(() => DateScalar, {
    description: '抽样日期: not before the inspection’s day, not in the future.',
  })
  takenOn: string;

  @Field(() => String, {
    nullable: true,
    description: '检验机构: required for a LAB_TEST, not given for a RAPID_TEST.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  labName?: string | null;

  @Field(() => SampleResultEnum, {
    nullable: true,
    description:
      'The rapid test’s result (required for RAPID_TEST); a lab test’s comes with its report (recordSampleReport).',
  })
  @IsOptional()
  @IsIn(SAMPLE_RESULTS)
  result?: SampleResult | null;

  @Field(() => [FailedItemInput], {
    nullable: true,
    description: 'The failed items of a rapid test that FAILed: at least one, at most 50.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FailedItemInput)
  failedItems?: FailedItemInput[] | null;

  @Field(() => String, { nullable: true, description: 'Note (备注), at most 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description:
    'The lab’s report (检验报告) on a LAB_TEST sample, once. INSPECTOR, SUPERVISOR or MANAGER, in their jurisdiction. Ends the TESTING suspension of the clocks of the findings resting on it on the report day.',
})
export class RecordSampleReportInput extends KeyedInput {
  @Field(() => ID, { description: 'The sample, in the caller’s jurisdiction.' })
  @IsUUID('all')
  sampleId: string;

  @Field(() => Int, { description: 'The sample’s `version` as read; stale is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ description: '检验报告编号, at most 64 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  reportNumber: string;

  @Field(() => DateScalar, {
    description: '报告日期: not before the day the sample was taken, not in the future.',
  })
  reportedOn: string;

  @Field(() => SampleResultEnum, { description: '检验结论.' })
  @IsIn(SAMPLE_RESULTS)
  result: SampleResult;

  @Field(() => [FailedItemInput], {
    nullable: true,
    description: 'The failed items: at least one when FAIL, none when PASS; at most 50.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FailedItemInput)
  failedItems?: FailedItemInput[] | null;
}

@InputType({
  description:
    'Rests a finding on a test of the same premises (以检验结论为依据): a FAILed one, or a lab test whose report is pending; never a PASS. A lab test suspends the finding’s filing clock (and its case’s clocks) from the day taken to the report day (市场监督管理行政处罚程序规定 第十八条第二款). INSPECTOR, SUPERVISOR or MANAGER, in their jurisdiction.',
})
export class RestFindingOnSampleInput extends KeyedInput {
  @Field(() => ID, { description: 'The finding, not voided, resting on no sample yet.' })
  @IsUUID('all')
  findingId: string;

  @Field(() => Int, { description: 'The finding’s `version` as read; stale is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => ID, { description: 'The sample, taken at the finding’s premises.' })
  @IsUUID('all')
  sampleId: string;
}

@InputType({
  description:
    'Voids (作废) a sample recorded in error (on the wrong inspection, or twice), with a reason: it stays on its inspection, flagged, and leaves the samples list and the figures. A SUPERVISOR of the sample’s own bureau, or a MANAGER; not while a finding rests on it.',
})
export class VoidSampleInput extends KeyedInput {
  @Field(() => ID, { description: 'The sample, in the caller’s jurisdiction, not voided.' })
  @IsUUID('all')
  sampleId: string;

  @Field(() => Int, { description: 'The sample’s `version` as read; stale is CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ description: 'Why it is voided (作废原因): not blank, at most 500 characters.' })
  @IsString()
  @Matches(NOT_BLANK, NOT_BLANK_MESSAGE)
  @MaxLength(500)
  reason: string;
}

@InputType({ description: 'Which samples to list; all conditions must hold.' })
export class SampleFilter {
  @Field(() => ID, { nullable: true, description: 'Only samples of this sweep.' })
  @IsOptional()
  @IsUUID('all')
  sweepId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only samples of premises of this bureau and its descendants.',
  })
  @IsOptional()
  @IsUUID('all')
  bureauId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only samples taken on this inspection.' })
  @IsOptional()
  @IsUUID('all')
  inspectionId?: string | null;

  @Field(() => SampleMethodEnum, { nullable: true, description: 'Only this method.' })
  @IsOptional()
  @IsIn(SAMPLE_METHODS)
  method?: SampleMethod | null;

  @Field(() => [SampleResultEnum], { nullable: true, description: 'Only these results.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SAMPLE_RESULTS.length)
  @IsIn(SAMPLE_RESULTS, { each: true })
  results?: SampleResult[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only lab tests whose report is pending (待出报告); false: only reported ones.',
  })
  @IsOptional()
  @IsBoolean()
  pendingReport?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'true: voided samples (作废) too; by default they are left out.',
  })
  @IsOptional()
  @IsBoolean()
  includeVoided?: boolean | null;
}

export const SAMPLE_ORDER_FIELDS = ['TAKEN_ON'] as const;
export type SampleOrderField = (typeof SAMPLE_ORDER_FIELDS)[number];
export const SampleOrderFieldEnum = { TAKEN_ON: 'TAKEN_ON' } as const;
registerEnumType(SampleOrderFieldEnum, {
  name: 'SampleOrderField',
  description: 'What a samples list is sorted by.',
  valuesMap: { TAKEN_ON: { description: 'The day the sample was taken (抽样日期).' } },
});

@InputType({ description: 'The order of a samples list; ties are broken by id.' })
export class SampleOrder {
  @Field(() => SampleOrderFieldEnum, { description: 'What to sort by.' })
  @IsIn(SAMPLE_ORDER_FIELDS)
  field: SampleOrderField;

  @Field(() => SortDirectionEnum, { description: 'Ascending or descending.' })
  @IsIn(SORT_DIRECTIONS)
  direction: SortDirection;
}

@ArgsType()
export class SamplesArgs extends PageArgs {
  @Field(() => SampleFilter, { nullable: true, description: 'Which samples.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SampleFilter)
  filter?: SampleFilter | null;

  @Field(() => SampleOrder, {
    nullable: true,
    description: 'The order (default TAKEN_ON DESC: latest first).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SampleOrder)
  orderBy?: SampleOrder | null;
}
