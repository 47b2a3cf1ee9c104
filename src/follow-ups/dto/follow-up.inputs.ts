import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars/scalars';

const NOT_BLANK = /\S/;
const notBlank = { message: 'validation.notBlank' };

/** Fields every follow-up input carries: the device's idempotency key and the version it read. */
@InputType({ isAbstract: true })
abstract class FollowUpInput {
  @Field(() => ID, {
    description:
      'UUID the device makes once per user action; a repeat with the same key replays the first result.',
  })
  @IsUUID('all', { message: 'validation.isUuid' })
  idempotencyKey: string;

  @Field(() => ID, { description: 'The finding (发现问题) to act on.' })
  @IsUUID('all', { message: 'validation.isUuid' })
  findingId: string;

  @Field(() => Int, {
    description:
      'The finding’s `version` as the caller last read it; if it changed since, the request is CONFLICT and nothing changes.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({
  description:
    'Order rectification (责令整改) of an OPEN finding. INSPECTOR, SUPERVISOR or MANAGER of the finding’s jurisdiction.',
})
export class OrderRectificationInput extends FollowUpInput {
  @Field(() => DateScalar, {
    description:
      'Rectification deadline (整改期限), Asia/Shanghai day. A past day is accepted (paper order entered late) and is overdue at once.',
  })
  deadline: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day of the order document, Asia/Shanghai; defaults to today. Not in the future. Re-inspections cannot predate it.',
  })
  @IsOptional()
  orderedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Number of the rectification order (责令改正通知书 文号).',
  })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description:
    'Record a re-inspection (复查) of a RECTIFYING finding. INSPECTOR, SUPERVISOR or MANAGER of the finding’s jurisdiction.',
})
export class RecordReinspectionInput extends FollowUpInput {
  @Field({
    description:
      'True: rectified, the finding is RESOLVED. False: not rectified; rectification goes on with `newDeadline` (to file a case instead, call fileCase).',
  })
  @IsBoolean()
  passed: boolean;

  @Field(() => DateTimeScalar, {
    description:
      'When the re-inspection happened, as the device recorded it. Not in the future, not before the day of the rectification order.',
  })
  inspectedAt: Date;

  @Field(() => [ID], {
    description: 'At least two distinct active officers on site; the caller must be one of them.',
  })
  @ArrayMinSize(2, { message: 'followUps.atLeastTwoOfficers' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'followUps.officerTwice' })
  @IsUUID('all', { each: true, message: 'followUps.uuids' })
  officerIds: string[];

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Required when not passed and the rectification goes on: the new deadline, Asia/Shanghai day.',
  })
  @IsOptional()
  newDeadline?: string | null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({
  description:
    'File an administrative case (立案) on an OPEN or RECTIFYING finding. SUPERVISOR or MANAGER.',
})
export class FileCaseInput extends FollowUpInput {
  @Field({ description: 'Case number (立案号).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  caseNumber: string;

  @Field(() => DateScalar, {
    description:
      'Day the case was filed, Asia/Shanghai; not in the future. The penalty decision is due 90 calendar days later (第六十四条).',
  })
  filedOn: string;
}

@InputType({
  description:
    'Record the penalty decision (行政处罚决定) of a CASE_FILED finding. SUPERVISOR or MANAGER.',
})
export class DecidePenaltyInput extends FollowUpInput {
  @Field({ description: 'Penalty decision number (处罚决定书文号).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  decisionNumber: string;

  @Field(() => DateScalar, {
    description: 'Day of the decision, Asia/Shanghai; not in the future, not before the filing.',
  })
  decidedOn: string;

  @Field(() => MoneyScalar, { description: 'Fine (罚款), yuan, two decimals at most.' })
  fine: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Confiscation (没收违法所得), yuan, two decimals at most.',
  })
  @IsOptional()
  confiscation?: string | null;
}

@InputType({
  description:
    'Transfer a finding to the police (移送公安) from OPEN or CASE_FILED; final. SUPERVISOR or MANAGER.',
})
export class TransferToPoliceInput extends FollowUpInput {
  @Field({ description: 'Number of the transfer letter (移送书文号).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(64)
  documentNumber: string;

  @Field(() => DateScalar, {
    description: 'Day of the transfer, Asia/Shanghai; not in the future.',
  })
  transferredOn: string;
}

@InputType({
  description:
    'Close a finding (结案) after a penalty, or a filed case with no penalty (dismissed). SUPERVISOR or MANAGER.',
})
export class CloseFindingInput extends FollowUpInput {
  @Field({ description: 'Why it is closed (结案理由).' })
  @IsString()
  @Matches(NOT_BLANK, notBlank)
  @MaxLength(2000)
  reason: string;
}
