import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NodeInterface } from '../../common/node';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar, DateTimeScalar } from '../../common/scalars/scalars';
import { FindingType } from '../../inspections/dto/inspection.types';
import { ProductLotType } from '../../products/dto/product-lot.dto';
import type { SampleMethod, SampleResult } from '../sample.entity';

export const SampleMethodEnum = { RAPID_TEST: 'RAPID_TEST', LAB_TEST: 'LAB_TEST' } as const;
registerEnumType(SampleMethodEnum, {
  name: 'SampleMethod',
  description: 'How a sample is tested.',
  valuesMap: {
    RAPID_TEST: {
      description: '快检: tested on site; recorded with its result; no clock is paused.',
    },
    LAB_TEST: {
      description:
        '抽检: sent to a lab (检验机构); the report comes later, and the days it takes are not counted in the case clocks (市场监督管理行政处罚程序规定 第十八条第二款).',
    },
  },
});

export const SampleResultEnum = { PASS: 'PASS', FAIL: 'FAIL' } as const;
registerEnumType(SampleResultEnum, {
  name: 'SampleResult',
  description: 'The result of a test (检验结论).',
  valuesMap: {
    PASS: { description: '合格.' },
    FAIL: { description: '不合格: with the items that failed.' },
  },
});

@ObjectType('FailedItem', { description: 'An item a sample failed (不合格项目).' })
export class FailedItemType {
  @Field({ description: '检验项目, e.g. 苯甲酸及其钠盐.' })
  item: string;

  @Field({ description: '检验结果: the value measured, as reported (e.g. 0.85).' })
  measured: string;

  @Field({ description: '标准指标: the limit and the standard (e.g. ≤0.5, GB 2760-2014).' })
  limit: string;

  @Field(() => String, { nullable: true, description: '单位, e.g. g/kg.' })
  unit: string | null;
}

@ObjectType('Sample', {
  implements: () => [NodeInterface],
  description:
    '抽样检验 / 快检: a sample taken on an inspection and its test (rapid on site, or by a lab with a report later).',
})
export class SampleType {
  @Field(() => ID, { description: 'UUID of the sample.' })
  id: string;

  @Field({ description: '抽样单编号, unique in the bureau.' })
  sampleNumber: string;

  @Field(() => SampleMethodEnum, { description: 'Rapid test (快检) or lab test (抽检).' })
  method: SampleMethod;

  @Field(() => ProductLotType, { description: 'The product and lot sampled (产品与批次).' })
  product: ProductLotType;

  @Field(() => DateScalar, { description: '抽样日期: not before the inspection’s day.' })
  takenOn: string;

  @Field(() => String, { nullable: true, description: '检验机构 of a lab test.' })
  labName: string | null;

  @Field(() => String, { nullable: true, description: '检验报告编号, once reported.' })
  reportNumber: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the result came back (报告日期); a rapid test’s is the day taken.',
  })
  reportedOn: string | null;

  @Field(() => SampleResultEnum, {
    nullable: true,
    description: '检验结论; null while a lab test’s report is pending.',
  })
  result: SampleResult | null;

  @Field(() => [FailedItemType], { description: '不合格项目 of a failed test; empty otherwise.' })
  failedItems: FailedItemType[];

  @Field(() => String, { nullable: true, description: 'Note (备注).' })
  note: string | null;

  @Field(() => Int, {
    description:
      'Version for optimistic concurrency: pass it as `expectedVersion` with the report.',
  })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When it was recorded (UTC).' })
  createdAt: Date;

  @Field({
    description:
      'Whether it was voided (作废) as recorded in error; a voided sample stays on its inspection but leaves the samples list (unless `includeVoided`) and the figures.',
  })
  voided: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was voided (作废原因).' })
  voidReason: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was voided (UTC).' })
  voidedAt: Date | null;

  inspectionId: string;
  voidedById: string | null;
  sweepId: string;
  bureauId: string;
  premisesId: string;
}

@ObjectType({ description: 'Result of recordSample.' })
export class RecordSamplePayload {
  @Field({
    description:
      'True when this is a repeat of an earlier request with the same idempotency key: nothing was written again.',
  })
  replayed: boolean;

  @Field(() => SampleType, { description: 'The sample as stored.' })
  sample: SampleType;
}

@ObjectType({ description: 'Result of recordSampleReport.' })
export class RecordSampleReportPayload {
  @Field({
    description:
      'True when this is a repeat of an earlier request with the same idempotency key: nothing was written again.',
  })
  replayed: boolean;

  @Field(() => SampleType, { description: 'The sample with its report.' })
  sample: SampleType;
}

@ObjectType({ description: 'Result of voidSample.' })
export class VoidSamplePayload {
  @Field({
    description:
      'True when this is a repeat of an earlier request with the same idempotency key: nothing was written again.',
  })
  replayed: boolean;

  @Field(() => SampleType, { description: 'The voided sample.' })
  sample: SampleType;
}

@ObjectType({ description: 'Result of restFindingOnSample.' })
export class RestFindingOnSamplePayload {
  @Field({
    description:
      'True when this is a repeat of an earlier request with the same idempotency key: nothing was written again.',
  })
  replayed: boolean;

  @Field(() => FindingType, { description: 'The finding, with its clocks recomputed.' })
  finding: FindingType;
}

export const SampleConnection = ConnectionType(SampleType, 'Sample', 'samples (抽样检验)');
