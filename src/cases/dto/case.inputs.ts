import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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
import { SortDirectionEnum, type SortDirection } from '../../common/pagination/order';
import { DateScalar, MoneyScalar } from '../../common/scalars/scalars';
import type { CaseStepKind } from '../case-step.entity';
import type {
  CaseOutcome,
  CaseStatus,
  PenaltyKind,
  TransferAuthority,
  TransferOutcome,
} from '../case.entity';
import type { ClockKind } from '../clocks';
import type { SuspensionReason } from '../clock-suspension.entity';
import {
  CaseClockKindEnum,
  CaseOrderFieldEnum,
  CaseOutcomeEnum,
  CaseStatusEnum,
  CaseStepEnum,
  DeclineReasonEnum,
  HolidayKindEnum,
  PenaltyKindEnum,
  SuspensionReasonEnum,
  TransferAuthorityEnum,
  TransferOutcomeEnum,
  type DeclineReason,
  type HolidayKind,
} from './case.enums';
import {
  KeyedInput,
  NOT_BLANK,
  NOT_BLANK_MESSAGE,
  UUID_MESSAGE,
} from '../../common/validation/keyed-input';

const uuid = UUID_MESSAGE;
const notBlank = NOT_BLANK_MESSAGE;

@InputType({ isAbstract: true })
abstract class CaseMoveInput extends KeyedInput {
  @Field(() => ID, { description: 'The case (案件).' })
  @IsUUID('all', uuid)
  caseId: string;

  @Field(() => Int, {
    description: 'The case’s `version` as last read; if it changed since, CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ isAbstract: true })
abstract class FindingMoveInput extends KeyedInput {
  @Field(() => ID, { description: 'The finding (发现问题).' })
  @IsUUID('all', uuid)
  findingId: string;

  @Field(() => Int, {
    description: 'The finding’s `version` as last read; if it changed since, CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: 'A finding and the version the caller read.' })
export class FindingVersionInput {
  @Field(() => ID, { description: 'The finding (发现问题).' })
  @IsUUID('all', uuid)
  findingId: string;

  @Field(() => Int, { description: 'The finding’s `version` as last read.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: 'Files a case (立案) on findings of one premises.' })
export class OpenCaseInput extends KeyedInput {
  @Field(() => [FindingVersionInput], {
    description: 'Findings of one premises, none already in a case.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FindingVersionInput)
  findings: FindingVersionInput[];

  @Field({ description: 'Case number (立案号), unique.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  caseNumber: string;

  @Field(() => DateScalar, { description: 'The filing day (立案日期); not in the future.' })
  filedOn: string;

  @Field(() => ID, {
    description:
      "The head of the case's own bureau who approved the filing (its SUPERVISOR; a MANAGER for the city bureau's own cases).",
  })
  @IsUUID('all', uuid)
  approvedById: string;
}

@InputType({ description: 'Declines to file a case (不予立案) on a finding.' })
export class DeclineCaseInput extends FindingMoveInput {
  @Field(() => DeclineReasonEnum, {
    description: 'Why no case is filed (程序规定 第十九、二十条).',
  })
  reason: DeclineReason;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => DateScalar, {
    description: 'The day of the decision not to file; not in the future.',
  })
  decidedOn: string;

  @Field(() => ID, { description: 'The head of the finding’s bureau who approved it.' })
  @IsUUID('all', uuid)
  approvedById: string;
}

@InputType({
  description:
    'Extends the filing clock of a finding once (+15 working days, 程序规定 第十八条; before 2019-04-01 to 15 working days in all).',
})
export class ExtendFilingDeadlineInput extends FindingMoveInput {
  @Field(() => ID, {
    description: 'The head of the finding’s or case’s own bureau who approved it.',
  })
  @IsUUID('all', uuid)
  approvedById: string;

  @Field({ description: 'Why the extension is needed (特殊情况).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(2000)
  reason: string;
}

@InputType({
  description:
    'Extends a clock of a case: PENALTY_DECISION by 30 days with the head’s approval; further only after a collective discussion (集体讨论) fixing a new due day (第六十四条).',
})
export class ExtendCaseClockInput extends CaseMoveInput {
  @Field(() => CaseClockKindEnum, {
    description:
      'Only PENALTY_DECISION can be extended on a case (the filing clock: extendFilingDeadline).',
  })
  clock: ClockKind;

  @Field(() => ID, {
    description: 'The head of the finding’s or case’s own bureau who approved it.',
  })
  @IsUUID('all', uuid)
  approvedById: string;

  @Field({ description: 'Why the extension is needed.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(2000)
  reason: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day of the collective discussion (集体讨论) a second extension of the penalty decision needs.',
  })
  @IsOptional()
  collectiveDiscussionOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'For an extension after a collective discussion: the new due day.',
  })
  @IsOptional()
  newDueOn?: string | null;
}

@InputType({
  description: 'Stops the penalty decision clock of a case from a day (excluded period).',
})
export class SuspendCaseInput extends CaseMoveInput {
  @Field(() => SuspensionReasonEnum, {
    description: 'Why the clock stops (the excluded period’s kind).',
  })
  reason: SuspensionReason;

  @Field(() => DateScalar, { description: 'The first day excluded (Asia/Shanghai).' })
  from: string;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description: 'Resumes a suspended case clock: it runs again the day after resumedOn.',
})
export class ResumeCaseInput extends CaseMoveInput {
  @Field(() => DateScalar, {
    description: 'The last day excluded: the clock runs again the day after.',
  })
  resumedOn: string;
}

@InputType({
  description:
    "Stops a finding's filing clock before any case exists (e.g. while a sample is tested).",
})
export class SuspendFilingClockInput extends FindingMoveInput {
  @Field(() => SuspensionReasonEnum, {
    description: 'Why the clock stops (the excluded period’s kind).',
  })
  reason: SuspensionReason;

  @Field(() => DateScalar, { description: 'The first day excluded (Asia/Shanghai).' })
  from: string;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: "Resumes a finding's suspended filing clock." })
export class ResumeFilingClockInput extends FindingMoveInput {
  @Field(() => DateScalar, {
    description: 'The last day excluded: the clock runs again the day after.',
  })
  resumedOn: string;
}

@InputType({ description: 'Decides a filed case (处理决定).' })
export class DecideCaseInput extends CaseMoveInput {
  @Field({ description: 'Decision number (决定书文号).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  decisionNumber: string;

  @Field(() => DateScalar, { description: 'The decision day; not in the future.' })
  decidedOn: string;

  @Field(() => CaseOutcomeEnum, {
    nullable: true,
    defaultValue: 'PENALTY',
    description: 'PENALTY needs at least one penalty; the others none.',
  })
  @IsOptional()
  outcome?: CaseOutcome;

  @Field(() => [PenaltyKindEnum], { description: 'Penalties imposed (行政处罚法 第九条).' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(13)
  penalties: PenaltyKind[];

  @Field(() => MoneyScalar, { nullable: true, description: 'Required with FINE, and only then.' })
  @IsOptional()
  fine?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '没收违法所得' })
  @IsOptional()
  illegalGains?: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: '没收非法财物: the value of the goods confiscated.',
  })
  @IsOptional()
  confiscatedGoodsValue?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why a fine is below the statutory minimum (减轻处罚, 行政处罚法 第三十二条), as the decision states it.',
  })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(2000)
  mitigationReason?: string | null;
}

@InputType({ description: 'Records the publication (公示) of a penalty decision.' })
export class RecordCasePublicationInput extends CaseMoveInput {
  @Field(() => DateScalar, { description: 'The publication day (公示日期).' })
  publishedOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where it was published (e.g. 国家企业信用信息公示系统).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string | null;
}

@InputType({ description: 'Transfers a case to another authority (移送).' })
export class TransferCaseInput extends CaseMoveInput {
  @Field(() => TransferAuthorityEnum, { description: 'The authority it goes to.' })
  authority: TransferAuthority;

  @Field({ description: 'Number of the transfer letter (移送函).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  documentNumber: string;

  @Field(() => DateScalar, {
    description:
      'The day the report proposing the transfer reached the head (starts TRANSFER_APPROVAL for the police).',
  })
  reportedOn: string;

  @Field(() => DateScalar, { description: 'The day the head approved the transfer.' })
  approvedOn: string;

  @Field(() => DateScalar, { description: 'The day the matter was handed over.' })
  transferredOn: string;
}

@InputType({ description: 'Records a step after the decision.' })
export class RecordCaseStepInput extends CaseMoveInput {
  @Field(() => CaseStepEnum, { description: 'Which step.' })
  step: CaseStepKind;

  @Field(() => DateScalar, {
    description: 'The day it took effect (Asia/Shanghai); not in the future.',
  })
  on: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'The amount paid, for PAID.' })
  @IsOptional()
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'Records what the other authority did with a transferred case.' })
export class RecordTransferOutcomeInput extends CaseMoveInput {
  @Field(() => TransferOutcomeEnum, { description: 'ACCEPTED or RETURNED (PENDING is refused).' })
  outcome: TransferOutcome;

  @Field(() => DateScalar, { description: 'The day the authority answered.' })
  outcomeOn: string;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description:
    '结案: a decided case once served and paid (or enforcement applied for); a filed case decided NOT_ESTABLISHED; a case transferred and accepted.',
})
export class CloseCaseInput extends CaseMoveInput {
  @Field(() => DateScalar, { description: 'The closing day (结案日期); not in the future.' })
  closedOn: string;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'Nulls last, ties broken by id.' })
export class CaseOrder {
  @Field(() => CaseOrderFieldEnum, { description: 'What to order by.' })
  @IsIn(['NEXT_DUE_ON', 'FILED_ON'])
  field: 'NEXT_DUE_ON' | 'FILED_ON';

  @Field(() => SortDirectionEnum, { description: 'Ascending or descending.' })
  @IsIn(['ASC', 'DESC'])
  direction: SortDirection;
}

@InputType({ description: 'Which cases to list.' })
export class CaseFilter {
  @Field(() => ID, { nullable: true, description: 'Only cases of this sweep.' })
  @IsOptional()
  @IsUUID('all', uuid)
  sweepId?: string | null;

  @Field(() => ID, { nullable: true, description: 'This bureau and its descendants.' })
  @IsOptional()
  @IsUUID('all', uuid)
  bureauId?: string | null;

  @Field(() => [CaseStatusEnum], { nullable: true, description: 'Only cases in these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  statuses?: CaseStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only cases with (true) or without (false) an overdue clock.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => CaseClockKindEnum, {
    nullable: true,
    description: 'Only cases whose clock of this kind is overdue today.',
  })
  @IsOptional()
  overdueClock?: ClockKind | null;
}

@InputType({ description: 'A day of the holiday table.' })
export class HolidayDayInput {
  @Field(() => DateScalar, { description: 'The day (Asia/Shanghai).' })
  date: string;

  @Field(() => HolidayKindEnum, { description: 'Which clock.' })
  kind: HolidayKind;

  @Field({ description: 'The holiday’s name (节日名称).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(50)
  name: string;
}

@InputType({ description: 'The days of a year from its State Council notice.' })
export class LoadHolidayYearInput {
  @Field(() => Int, { description: 'The year the notice is for.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field({ description: 'The State Council notice (国办发明电…) the days come from.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  notice: string;

  @Field(() => [HolidayDayInput], {
    description: 'Every holiday and make-up working day of the year.',
  })
  @IsArray()
  @ArrayMaxSize(80)
  @ValidateNested({ each: true })
  @Type(() => HolidayDayInput)
  days: HolidayDayInput[];
}
