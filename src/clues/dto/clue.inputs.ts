import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { DateScalar } from '../../common/scalars/scalars';
import type { ClueKind, ClueSource, ClueStatus, InformChannel } from '../clue.entity';
import {
  ClueFilingOutcomeEnum,
  ClueKindEnum,
  ClueOrderFieldEnum,
  ClueSourceEnum,
  ClueStatusEnum,
  InformChannelEnum,
  type ClueFilingOutcome,
} from './clue.enums';
import {
  KeyedInput,
  NOT_BLANK,
  NOT_BLANK_MESSAGE,
  UUID_MESSAGE,
} from '../../common/validation/keyed-input';

const uuid = UUID_MESSAGE;
const notBlank = NOT_BLANK_MESSAGE;

@InputType({ isAbstract: true })
abstract class ClueMoveInput extends KeyedInput {
  @Field(() => ID, { description: 'The clue (投诉举报线索).' })
  @IsUUID('all', uuid)
  clueId: string;

  @Field(() => Int, {
    description: 'The clue’s `version` as last read; if it changed since, CONFLICT.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({
  description:
    'The complainant or reporter (投诉人、举报人), named. Personal data (暂行办法 第五十条): read only by officers of the handling bureau, never exported, never in audit events.',
})
export class CluePersonInput {
  @Field({ description: 'Name (姓名).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(100)
  name: string;

  @Field({ description: 'Phone (联系电话): mobile or fixed line with area code.' })
  @IsString()
  @MaxLength(32)
  phone: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Resident identity card number (居民身份证号码, GB 11643: 18 characters, check digit).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  idNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Address (通讯地址).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;
}

@InputType({ description: 'Registers a complaint or report clue (登记投诉举报线索).' })
export class RegisterClueInput extends KeyedInput {
  @Field(() => ClueKindEnum, { description: 'Complaint (投诉) or report (举报).' })
  kind: ClueKind;

  @Field(() => ClueSourceEnum, { description: 'How it came in (线索来源).' })
  source: ClueSource;

  @Field(() => String, {
    nullable: true,
    description: 'The authority that transferred it (移送部门), required for TRANSFER only.',
  })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(200)
  sourceAuthority?: string | null;

  @Field(() => DateScalar, {
    description: 'The day it was received (收到日期); not in the future. Its clocks start here.',
  })
  receivedOn: string;

  @Field(() => ID, {
    description: 'The handling bureau (承办单位), in the caller’s jurisdiction.',
  })
  @IsUUID('all', uuid)
  bureauId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The premises complained of or reported (被投诉举报主体), in that bureau’s jurisdiction.',
  })
  @IsOptional()
  @IsUUID('all', uuid)
  premisesId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The sweep (专项行动) it counts in.' })
  @IsOptional()
  @IsUUID('all', uuid)
  sweepId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A target category (整治品类) of that sweep, for its figures by category.',
  })
  @IsOptional()
  @IsUUID('all', uuid)
  categoryId?: string | null;

  @Field({ description: 'What was complained of or reported (主要内容).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(5000)
  content: string;

  @Field({
    description:
      'Anonymous (匿名): a report only (a complaint names the complainant, 暂行办法 第九条); no person then, and nobody to inform.',
  })
  @IsBoolean()
  anonymous: boolean;

  @Field(() => CluePersonInput, {
    nullable: true,
    description: 'The complainant or reporter; required unless anonymous.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CluePersonInput)
  person?: CluePersonInput | null;
}

@InputType({ description: 'Accepts a complaint (受理), 暂行办法 第十四条.' })
export class AcceptClueInput extends ClueMoveInput {
  @Field(() => DateScalar, { description: 'The day accepted; not before receipt, not future.' })
  acceptedOn: string;
}

@InputType({
  description: 'Refuses a complaint (不予受理), with the reason (暂行办法 第十五条、第十六条).',
})
export class RefuseClueInput extends ClueMoveInput {
  @Field(() => DateScalar, { description: 'The day refused; not before receipt, not future.' })
  refusedOn: string;

  @Field({ description: 'Why (不予受理理由), told to the complainant.' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(2000)
  reason: string;
}

@InputType({
  description:
    'Extends a report’s verification once (延长核查期限), 程序规定 第十八条: up to 15 working days, by the head.',
})
export class ExtendClueVerificationInput extends ClueMoveInput {
  @Field(() => Int, { description: 'Working days added, 1–15.' })
  @IsInt()
  @Min(1)
  @Max(15)
  workingDays: number;
}

@InputType({
  description:
    'Records the outcome of a report’s verification (核查结果): the head’s decision to file (立案, naming the case or finding) or not (不予立案, with the reason).',
})
export class RecordClueVerificationInput extends ClueMoveInput {
  @Field(() => ClueFilingOutcomeEnum, { description: 'Filed or not filed.' })
  outcome: ClueFilingOutcome;

  @Field(() => DateScalar, { description: 'The day decided; not before receipt, not future.' })
  decidedOn: string;

  @Field(() => ID, { nullable: true, description: 'FILED: the case (案件) filed.' })
  @IsOptional()
  @IsUUID('all', uuid)
  caseId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'FILED: the finding (发现问题) the case rests on, when no case is named.',
  })
  @IsOptional()
  @IsUUID('all', uuid)
  findingId?: string | null;

  @Field(() => String, { nullable: true, description: 'NOT_FILED: why (不予立案理由).' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(2000)
  reason?: string | null;
}

@InputType({
  description:
    'Records that a named reporter was told of the decision (告知举报人), 暂行办法 第三十二条.',
})
export class InformClueReporterInput extends ClueMoveInput {
  @Field(() => DateScalar, { description: 'The day told; not before the decision, not future.' })
  informedOn: string;

  @Field(() => InformChannelEnum, { description: 'How.' })
  channel: InformChannel;
}

@InputType({
  description:
    'Transfers a clue not yet decided (移送/转办): to another bureau of the city (it keeps its clocks) or to another authority (ends our handling).',
})
export class TransferClueInput extends ClueMoveInput {
  @Field(() => DateScalar, { description: 'The day transferred; not before receipt, not future.' })
  transferredOn: string;

  @Field(() => ID, { nullable: true, description: 'Another bureau of the city (承办单位).' })
  @IsOptional()
  @IsUUID('all', uuid)
  toBureauId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Another authority (有管辖权的部门), by name.',
  })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(200)
  toAuthority?: string | null;
}

@InputType({ description: 'Closes a clue (办结).' })
export class CloseClueInput extends ClueMoveInput {
  @Field(() => DateScalar, { description: 'The day closed; not before receipt, not future.' })
  closedOn: string;

  @Field(() => String, { nullable: true, description: 'How it was handled (办理结果).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description:
    'Links a clue to an inspection or a finding it led to (one of the two): of the clue’s premises when it names one, else in the handling bureau’s jurisdiction.',
})
export class LinkClueInput extends KeyedInput {
  @Field(() => ID, { description: 'The clue.' })
  @IsUUID('all', uuid)
  clueId: string;

  @Field(() => ID, { nullable: true, description: 'The inspection (检查记录).' })
  @IsOptional()
  @IsUUID('all', uuid)
  inspectionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The finding (发现问题).' })
  @IsOptional()
  @IsUUID('all', uuid)
  findingId?: string | null;
}

@InputType({ description: 'Which clues the work queue lists.' })
export class ClueFilter {
  @Field(() => ID, { nullable: true, description: 'This handling bureau and its descendants.' })
  @IsOptional()
  @IsUUID('all', uuid)
  bureauId?: string | null;

  @Field(() => [ClueStatusEnum], { nullable: true, description: 'Only clues in these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  statuses?: ClueStatus[] | null;

  @Field(() => [ClueKindEnum], { nullable: true, description: 'Only these kinds.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  kinds?: ClueKind[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only clues with (true) or without (false) an overdue clock today.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only clues of this sweep.' })
  @IsOptional()
  @IsUUID('all', uuid)
  sweepId?: string | null;
}

@InputType({ description: 'The order of the clue work queue; ties by id.' })
export class ClueOrder {
  @Field(() => ClueOrderFieldEnum, { description: 'What to order by.' })
  @IsIn(['DUE_ON', 'RECEIVED_ON'])
  field: 'DUE_ON' | 'RECEIVED_ON';

  @Field(() => SortDirectionEnum, { description: 'Ascending or descending.' })
  @IsIn(['ASC', 'DESC'])
  direction: SortDirection;
}
