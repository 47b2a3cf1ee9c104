import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination/connection';
import { DateScalar } from '../../common/scalars/scalars';
import { RISK_CLASSES, type RiskClass } from '../draw';
import {
  CONFLICT_REASONS,
  SELECTION_RESULTS,
  type ConflictReason,
  type SelectionResult,
} from '../selection-records.entity';
import { ConflictReasonEnum, RiskClassEnum, SelectionResultEnum } from './inspection-plan.types';
import { KeyedInput } from '../../common/validation/keyed-input';

const NOT_BLANK = /\S/;
const notBlank = { message: 'validation.notBlank' };

/** Every mutation here carries the device's idempotency key. */
@InputType({
  description:
    'How many of one risk class (风险分级) to draw (抽查比例): a ratio of the class or a fixed count, exactly one of them.',
})
export class RiskClassSamplingInput {
  @Field(() => RiskClassEnum, { description: 'The risk class (风险分级), or UNGRADED.' })
  @IsIn(RISK_CLASSES)
  riskClass: RiskClass;

  @Field(() => String, {
    nullable: true,
    description:
      'Share of the class to draw (抽查比例), a decimal from 0 to 1 with at most four places ("0.05" = 5%); round-half-up(ratio × class size) premises are drawn.',
  })
  @IsOptional()
  @MaxLength(6)
  @Matches(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, { message: 'selection.ratio' })
  ratio?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A fixed number of premises of the class to draw (抽取户数), 0 to 500.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  count?: number | null;
}

@InputType({
  description:
    'What to draw for a random dual selection (双随机抽查): which sweep, bureau and category, and the sampling per risk class. The seed is made by the server at draw time, never chosen by the drawer.',
})
export class DrawInspectionPlanInput extends KeyedInput {
  @Field(() => ID, { description: 'UUID of the sweep (专项整治行动); it must be DRAFT or ACTIVE.' })
  @IsUUID('all', { message: 'validation.isUuid' })
  sweepId: string;

  @Field(() => ID, {
    description:
      'UUID of the bureau (执法单位) whose jurisdiction (its own premises and its descendants’) is drawn from and whose own officers are drawn.',
  })
  @IsUUID('all', { message: 'validation.isUuid' })
  bureauId: string;

  @Field({
    description:
      'Code of a target category (整治对象类别) the sweep covers, e.g. PHARMACIST_CERTIFICATES; premises of its kinds are drawn.',
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Z0-9_]{1,64}$/, { message: 'selection.categoryCode' })
  categoryCode: string;

  @Field(() => [RiskClassSamplingInput], {
    nullable: true,
    description:
      'Sampling per risk class (抽查比例), at most one entry per class; a class left out takes its default ratio (A 5%, B 10%, C 20%, D 50%, ungraded 10%).',
  })
  @IsOptional()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => RiskClassSamplingInput)
  sampling?: RiskClassSamplingInput[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the binding plan of this sweep, bureau and category is drawn again (重新抽取理由), 1 to 500 characters. Required for a redraw (else CONFLICT); the earlier plan is kept, SUPERSEDED.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(NOT_BLANK, notBlank)
  redrawReason?: string | null;
}

@InputType({
  description:
    'Declare a conflict of interest (回避声明, 行政处罚法 第四十三条): the officer is never drawn for the premises while it is in force.',
})
export class DeclareConflictOfInterestInput extends KeyedInput {
  @Field(() => ID, {
    description:
      'The officer (执法人员) who must stand aside: oneself, or for a SUPERVISOR an officer of their jurisdiction (MANAGER: anyone).',
  })
  @IsUUID('all', { message: 'validation.isUuid' })
  officerId: string;

  @Field(() => ID, { description: 'The premises (市场主体) concerned.' })
  @IsUUID('all', { message: 'validation.isUuid' })
  premisesId: string;

  @Field(() => ConflictReasonEnum, { description: 'The kind of relation (回避事由).' })
  @IsIn(CONFLICT_REASONS)
  reason: ConflictReason;

  @Field(() => String, {
    nullable: true,
    description: 'The relation in words (说明), required for OTHER, at most 500 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(NOT_BLANK, notBlank)
  reasonText?: string | null;

  @Field(() => DateScalar, {
    description: 'First day in force (生效日期), Asia/Shanghai; not in the future.',
  })
  inForceFrom: string;
}

@InputType({
  description:
    'Withdraw a conflict-of-interest declaration (撤销回避声明): from that day the officer may be drawn for the premises again. SUPERVISOR of the officer’s jurisdiction or MANAGER (回避 is decided by the bureau’s head, 行政处罚法 第四十三条第三款).',
})
export class WithdrawConflictOfInterestInput extends KeyedInput {
  @Field(() => ID, { description: 'The declaration.' })
  @IsUUID('all', { message: 'validation.isUuid' })
  declarationId: string;

  @Field(() => DateScalar, {
    description:
      'First day it no longer applies (撤销日期), Asia/Shanghai; not before it came into force, not in the future.',
  })
  withdrawnOn: string;
}

@InputType({
  description:
    'Record the result (抽查结果) of one visit of a binding plan, in the categories published on the National Enterprise Credit Information Publicity System. Recording again before publication replaces it.',
})
export class RecordInspectionPlanResultInput extends KeyedInput {
  @Field(() => ID, { description: 'The plan (双随机抽查计划).' })
  @IsUUID('all', { message: 'validation.isUuid' })
  planId: string;

  @Field(() => Int, { description: 'The visit’s position in the plan, from 1.' })
  @IsInt()
  @Min(1)
  position: number;

  @Field(() => SelectionResultEnum, { description: 'The result category (抽查结果).' })
  @IsIn(SELECTION_RESULTS)
  result: SelectionResult;

  @Field(() => DateScalar, {
    description:
      'The day the result was formed (结果形成之日), Asia/Shanghai: not before the draw, not in the future. The 20 working days to publication run from the last one of the plan.',
  })
  formedOn: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The inspection (检查记录) the result rests on: of the visit’s premises in the plan’s sweep, not voided.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'validation.isUuid' })
  inspectionId?: string | null;

  @Field(() => String, { nullable: true, description: 'A note (备注), at most 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

@InputType({
  description:
    'Record that a plan’s results were published (公示) on the National Enterprise Credit Information Publicity System. SUPERVISOR of the plan’s jurisdiction or MANAGER.',
})
export class PublishInspectionPlanResultsInput extends KeyedInput {
  @Field(() => ID, { description: 'The plan (双随机抽查计划).' })
  @IsUUID('all', { message: 'validation.isUuid' })
  planId: string;

  @Field(() => DateScalar, {
    description:
      'The day published (公示日期), Asia/Shanghai: not before the last result was formed, not in the future.',
  })
  publishedOn: string;
}

@ArgsType()
export class ConflictOfInterestDeclarationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this officer’s declarations.' })
  @IsOptional()
  @IsUUID('all', { message: 'validation.isUuid' })
  officerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only declarations for this premises.' })
  @IsOptional()
  @IsUUID('all', { message: 'validation.isUuid' })
  premisesId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only declarations in force on this day (Asia/Shanghai).',
  })
  @IsOptional()
  inForceOn?: string | null;
}

@ArgsType()
export class InspectionPlansForPublicationArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only plans whose publication is overdue today (逾期未公示). Default false.',
  })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean | null;
}
