import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SortDirectionEnum, type SortDirection } from '../../common/pagination/order';
import { DateScalar, MoneyScalar } from '../../common/scalars/scalars';
import type {
  Disposal,
  MeasureKind,
  MeasureStatus,
  ReleaseReason,
} from '../compulsory-measure.entity';
import type { MeasureSuspensionReason } from '../measure-suspension.entity';
import type { MeasureOrderField } from '../compulsory-measures.repository';
import {
  DisposalEnum,
  MeasureKindEnum,
  MeasureOrderFieldEnum,
  MeasureStatusEnum,
  MeasureSuspensionReasonEnum,
  ReleaseReasonEnum,
} from './measure.enums';
import {
  KeyedInput,
  NOT_BLANK,
  NOT_BLANK_MESSAGE,
  UUID_MESSAGE,
} from '../../common/validation/keyed-input';

const uuid = UUID_MESSAGE;
const notBlank = NOT_BLANK_MESSAGE;

@InputType({ isAbstract: true })
abstract class MeasureMoveInput extends KeyedInput {
  @Field(() => ID, { description: 'The compulsory measure (查封扣押).' })
  @IsUUID('all', uuid)
  measureId: string;

  @Field(() => Int, {
    description: 'The measure’s `version` as last read; if it changed since, CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({
  description:
    'One line of the list (查封、扣押清单, 行政强制法 第二十四条): the goods, how many, their value and where they are kept.',
})
export class MeasureItemInput {
  @Field({ description: 'Product name (品名), as on the label.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(200)
  product: string;

  @Field(() => String, { nullable: true, description: 'Specification (规格), e.g. 500g/袋.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  specification?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Lot or production day (批号/生产日期).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lot?: string | null;

  @Field(() => Float, { description: 'Quantity (数量) in `unit`; positive, at most 3 decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.001)
  @Max(99_999_999_999)
  quantity: number;

  @Field({ description: 'Unit (单位), e.g. 袋, 箱, 千克.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(20)
  unit: string;

  @Field(() => MoneyScalar, { description: 'Value in yuan (货值，元).' })
  value: string;

  @Field({
    description: 'Where the goods are kept (存放地点): on site when sealed, else the store.',
  })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(200)
  custodyPlace: string;
}

@InputType({
  description:
    'Records a compulsory measure (查封 or 扣押) on a finding, as decided and carried out (行政强制法 第十八、二十四条).',
})
export class ImposeCompulsoryMeasureInput extends KeyedInput {
  @Field(() => ID, { description: 'The finding (发现问题) the measure is taken on.' })
  @IsUUID('all', uuid)
  findingId: string;

  @Field(() => MeasureKindEnum, { description: '查封 (SEAL) or 扣押 (SEIZE).' })
  kind: MeasureKind;

  @Field({ description: 'Decision document number (查封/扣押决定书文号), unique.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  decisionNumber: string;

  @Field(() => DateScalar, {
    description:
      'The day decided and carried out: not before the inspection, not in the future; the clock starts from it (not counted).',
  })
  decidedOn: string;

  @Field(() => ID, {
    description:
      "The head who approved it (负责人批准): a SUPERVISOR of the premises' bureau; a MANAGER for the city bureau's own.",
  })
  @IsUUID('all', uuid)
  approvedById: string;

  @Field(() => DateScalar, {
    description:
      'The day approved: by the day decided; in an emergency (当场实施) within 24 hours after, i.e. by the next day (第十九条).',
  })
  approvedOn: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Taken on the spot in an emergency and approved afterwards within 24 hours (情况紧急，当场实施, 第十九条). Default false.',
  })
  @IsOptional()
  @IsBoolean()
  emergency?: boolean | null;

  @Field(() => [ID], {
    description: 'The enforcement officers who carried it out: at least two (第十八条).',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'measures.twoOfficers' })
  @ArrayMaxSize(10)
  @ArrayUnique({ message: 'measures.twoOfficers' })
  @IsUUID('all', { each: true, message: 'validation.isUuid' })
  officerIds: string[];

  @Field(() => [MeasureItemInput], { description: 'The list (清单): at least one line.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MeasureItemInput)
  items: MeasureItemInput[];
}

@InputType({
  description:
    'Extends a measure once, by at most 30 days, approved by the head within its period (行政强制法 第二十五条).',
})
export class ExtendCompulsoryMeasureInput extends MeasureMoveInput {
  @Field(() => Int, { description: 'Days added (延长天数): 1 to 30.' })
  @IsInt()
  @Min(1)
  @Max(30)
  days: number;

  @Field(() => DateScalar, {
    description: 'The day the extension was decided: within the period, not in the future.',
  })
  extendedOn: string;

  @Field(() => ID, { description: 'The head who approved it (负责人批准).' })
  @IsUUID('all', uuid)
  approvedById: string;

  @Field({ description: 'Why (情况复杂的理由), as told to the party in writing.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(2000)
  reason: string;
}

@InputType({ description: 'Releases a measure (解除查封、扣押, 行政强制法 第二十八条).' })
export class ReleaseCompulsoryMeasureInput extends MeasureMoveInput {
  @Field(() => DateScalar, {
    description: 'The day released: not before the decision, not in the future.',
  })
  releasedOn: string;

  @Field(() => ReleaseReasonEnum, { description: 'Which case of 第二十八条.' })
  reason: ReleaseReason;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'Records how the goods were dealt with (处理, 行政强制法 第二十七条).' })
export class DisposeCompulsoryMeasureInput extends MeasureMoveInput {
  @Field(() => DateScalar, {
    description: 'The day dealt with: not before the decision, not in the future.',
  })
  disposedOn: string;

  @Field(() => DisposalEnum, {
    description:
      'How: CONFISCATED needs the finding’s case decided with 没收非法财物, and links that decision.',
  })
  disposal: Disposal;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description:
    'Stops a measure’s clock while its goods are tested, quarantined or examined (第二十五条第三款).',
})
export class SuspendCompulsoryMeasureInput extends MeasureMoveInput {
  @Field(() => MeasureSuspensionReasonEnum, { description: 'Why the clock stops.' })
  reason: MeasureSuspensionReason;

  @Field(() => DateScalar, { description: 'The first day not counted (Asia/Shanghai).' })
  from: string;

  @Field(() => String, {
    nullable: true,
    description: 'Free note, e.g. the lab and sample number.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description: 'Resumes a measure’s clock: it runs again the day after resumedOn.',
})
export class ResumeCompulsoryMeasureInput extends MeasureMoveInput {
  @Field(() => DateScalar, {
    description: 'The last day not counted (the report’s day): the clock runs again the day after.',
  })
  resumedOn: string;
}

@InputType({ description: 'Which measures to list.' })
export class CompulsoryMeasureFilter {
  @Field(() => ID, { nullable: true, description: 'Only measures of this sweep.' })
  @IsOptional()
  @IsUUID('all', uuid)
  sweepId?: string | null;

  @Field(() => ID, { nullable: true, description: 'This bureau and its descendants.' })
  @IsOptional()
  @IsUUID('all', uuid)
  bureauId?: string | null;

  @Field(() => [MeasureStatusEnum], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  statuses?: MeasureStatus[] | null;

  @Field(() => MeasureKindEnum, { nullable: true, description: 'Only 查封 or only 扣押.' })
  @IsOptional()
  kind?: MeasureKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only measures still in force after their due day (true: 超期未解除), or the others (false).',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
}

@InputType({ description: 'The order of the measures queue; ties broken by id.' })
export class CompulsoryMeasureOrder {
  @Field(() => MeasureOrderFieldEnum, { description: 'Sort by.' })
  field: MeasureOrderField;

  @Field(() => SortDirectionEnum, { description: 'Direction.' })
  direction: SortDirection;
}
