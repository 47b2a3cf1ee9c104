import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { NodeInterface } from '../../common/node';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars/scalars';
import type {
  Disposal,
  MeasureKind,
  MeasureStatus,
  ReleaseReason,
} from '../compulsory-measure.entity';
import type { MeasureSuspensionReason } from '../measure-suspension.entity';
import {
  DisposalEnum,
  MeasureKindEnum,
  MeasureStatusEnum,
  MeasureSuspensionReasonEnum,
  ReleaseReasonEnum,
} from './measure.enums';

@ObjectType('CompulsoryMeasureItem', {
  description: 'One line of the list (查封、扣押清单, 行政强制法 第二十四条).',
})
export class MeasureItemType {
  @Field({ description: 'Product name (品名).' })
  product: string;

  @Field(() => String, { nullable: true, description: 'Specification (规格).' })
  specification: string | null;

  @Field(() => String, { nullable: true, description: 'Lot or production day (批号/生产日期).' })
  lot: string | null;

  @Field(() => Float, { description: 'Quantity (数量) in `unit`.' })
  quantity: number;

  @Field({ description: 'Unit (单位).' })
  unit: string;

  @Field(() => MoneyScalar, { description: 'Value in yuan (货值，元).' })
  value: string;

  @Field({ description: 'Where the goods are kept (存放地点).' })
  custodyPlace: string;
}

@ObjectType('CompulsoryMeasureClock', {
  description:
    'The clock of a measure (查封、扣押期限, 行政强制法 第二十五条): 30 days from the day decided (not counted), plus the extension, testing excluded, a last day off work moved to the next working day; met when released or disposed of.',
})
export class MeasureClockType {
  @Field(() => DateScalar, { description: 'The day it starts from (not counted).' })
  startedOn: string;

  @Field(() => DateScalar, {
    description: 'The due day (期限届满日), after the extension, excluded periods and the shift.',
  })
  dueOn: string;

  @Field(() => Int, { description: 'Days of extension approved.' })
  extendedBy: number;

  @Field(() => Int, { description: 'Days excluded for testing, quarantine or expert opinion.' })
  pausedDays: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was met: released or disposed of.',
  })
  metOn: string | null;

  @Field({ description: 'Not met and today is after its due day (超期).' })
  overdue: boolean;

  @Field({
    description:
      'It runs into a year the holiday table does not cover: computed with weekends only.',
  })
  provisional: boolean;

  @Field({ description: 'The rule its length comes from.' })
  basis: string;
}

@ObjectType('CompulsoryMeasureSuspension', {
  description: 'A period not counted in a measure’s clock (第二十五条第三款).',
})
export class MeasureSuspensionType {
  @Field(() => MeasureSuspensionReasonEnum, { description: 'Why.' })
  reason: MeasureSuspensionReason;

  @Field(() => DateScalar, { description: 'The first day not counted.' })
  from: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The last day not counted (the clock runs again the day after); null while it lasts.',
  })
  to: string | null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  note: string | null;
}

@ObjectType('CompulsoryMeasureExtension', {
  description: 'The one extension of a measure (延长查封、扣押, 第二十五条).',
})
export class MeasureExtensionType {
  @Field(() => Int, { description: 'Days added (at most 30).' })
  days: number;

  @Field(() => DateScalar, { description: 'The day decided (within the period).' })
  extendedOn: string;

  @Field({ description: 'Why (情况复杂的理由).' })
  reason: string;

  approvedById: string;
}

@ObjectType('CompulsoryMeasureRelease', { description: 'The release (解除, 第二十八条).' })
export class MeasureReleaseType {
  @Field(() => DateScalar, { description: 'The day released.' })
  releasedOn: string;

  @Field(() => ReleaseReasonEnum, { description: 'Which case of 第二十八条.' })
  reason: ReleaseReason;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  note: string | null;
}

@ObjectType('CompulsoryMeasureDisposalRecord', {
  description: 'How the goods were dealt with (处理, 第二十七条).',
})
export class MeasureDisposalType {
  @Field(() => DateScalar, { description: 'The day dealt with.' })
  disposedOn: string;

  @Field(() => DisposalEnum, { description: '没收, 销毁 or 移送.' })
  disposal: Disposal;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  note: string | null;

  caseId: string | null;
}

@ObjectType('CompulsoryMeasure', {
  implements: () => [NodeInterface],
  description:
    'A compulsory measure (行政强制措施): 查封 or 扣押 of goods or places on a finding, with its decision (决定书), list (清单), 30-day clock, extension and how it ended (行政强制法 第九、十八、二十四至二十八条). Apart from goods removed from sale voluntarily (Finding.goods, 下架).',
})
export class CompulsoryMeasureType {
  @Field(() => ID, { description: 'UUID of the measure.' })
  id: string;

  @Field(() => MeasureKindEnum, { description: '查封 or 扣押.' })
  kind: MeasureKind;

  @Field({ description: 'Decision document number (决定书文号).' })
  decisionNumber: string;

  @Field(() => DateScalar, { description: 'The day decided and carried out (决定日期).' })
  decidedOn: string;

  @Field({ description: 'Taken on the spot in an emergency, approved afterwards (第十九条).' })
  emergency: boolean;

  @Field(() => DateScalar, { description: 'The day the head approved it (批准日期).' })
  approvedOn: string;

  @Field(() => MeasureStatusEnum, { description: 'Where it stands.' })
  status: MeasureStatus;

  @Field(() => Int, { description: 'Pass it as `expectedVersion` to the moves of the measure.' })
  version: number;

  @Field(() => MoneyScalar, { description: 'Σ of its list’s values (货值合计，元).' })
  itemsValue: string;

  @Field(() => DateScalar, {
    description: 'The due day of its clock as last computed (期限届满日), for sorting the queue.',
  })
  dueOn: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt: Date;

  findingId: string;
  bureauId: string;
  approvedById: string;
  officerIds: string[];
}

export const CompulsoryMeasureConnection = ConnectionType(
  CompulsoryMeasureType,
  'CompulsoryMeasure',
  'compulsory measures (查封扣押)',
);

@ObjectType('CompulsoryMeasurePayload', {
  description: 'Result of a compulsory measure mutation: the measure as it stands now.',
})
export class CompulsoryMeasurePayload {
  @Field({
    description: 'True when this repeats an earlier request with the same idempotency key.',
  })
  replayed: boolean;

  @Field(() => CompulsoryMeasureType, { description: 'The measure as it stands now.' })
  compulsoryMeasure: CompulsoryMeasureType;
}
