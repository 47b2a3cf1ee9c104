import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { DateScalar } from '../../common/scalars/scalars';
import { SWEEP_STATUSES } from '../sweep.entity';
import type { SweepStatus } from '../sweep.entity';
import { SweepStatusEnum, SweepType } from './sweep.types';

@InputType({ description: 'A new sweep (专项整治行动), created as DRAFT. MANAGER only.' })
export class CreateSweepInput {
  @Field({
    description: 'Short unique code: letters, digits, - or _, at most 64, e.g. 2019-315-DPC.',
  })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'validation.code64' })
  code: string;

  @Field({ description: 'Title, e.g. “3·15”曝光问题大排查大整治; at most 200.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'The directive it follows (文号), e.g. 宁市监办发〔2019〕21号; at most 200.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  directive?: string | null;

  @Field(() => ID, { description: 'UUID of the lead bureau (牵头单位).' })
  @IsUUID('all')
  leadBureauId: string;

  @Field(() => [ID], {
    description:
      'UUIDs of the exposures (曝光事件) that triggered it; may be empty. An unknown id is BAD_USER_INPUT naming input.exposureIds[i].',
  })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  exposureIds: string[];

  @Field(() => [String], {
    description:
      'Codes of the target categories (整治对象类别) it covers; at least one. An unknown code is BAD_USER_INPUT naming input.categoryCodes[i].',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  categoryCodes: string[];

  @Field(() => DateScalar, { description: 'First day (Asia/Shanghai).' })
  @IsString()
  startDate: string;

  @Field(() => DateScalar, {
    description: 'Last day, inclusive (Asia/Shanghai); not before startDate.',
  })
  @IsString()
  endDate: string;
}

@InputType({ description: 'A target (任务数) of one bureau for one category of the sweep.' })
export class AssignmentInput {
  @Field(() => ID, { description: 'UUID of the participating bureau.' })
  @IsUUID('all')
  bureauId: string;

  @Field({ description: 'Code of a target category the sweep covers.' })
  @IsString()
  @MaxLength(64)
  categoryCode: string;

  @Field(() => Int, { description: 'Number of distinct premises to inspect; positive.' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  target: number;
}

@InputType({ description: 'The whole set of assignments of a sweep. MANAGER only.' })
export class SetSweepAssignmentsInput {
  @Field(() => ID, { description: 'UUID of the sweep (DRAFT or ACTIVE).' })
  @IsUUID('all')
  sweepId: string;

  @Field(() => [AssignmentInput], {
    description:
      'Replaces the sweep’s assignments as a whole. One entry per bureau and category at most; at least one entry while the sweep is ACTIVE.',
  })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AssignmentInput)
  assignments: AssignmentInput[];
}

@InputType({ description: 'Which sweeps to list; all conditions must hold.' })
export class SweepFilter {
  @Field(() => SweepStatusEnum, { nullable: true, description: 'Only sweeps in this stage.' })
  @IsOptional()
  @IsIn(SWEEP_STATUSES)
  status?: SweepStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only sweeps in which the caller’s bureau or one of its ancestors (e.g. the city bureau) holds an assignment.',
  })
  @IsOptional()
  @IsBoolean()
  assignedToMyBureau?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only sweeps triggered by this exposure.' })
  @IsOptional()
  @IsUUID('all')
  exposureId?: string | null;
}

@ArgsType()
export class SweepsArgs extends PageArgs {
  @Field(() => SweepFilter, { nullable: true, description: 'Which sweeps; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SweepFilter)
  filter?: SweepFilter | null;
}

export const SweepConnection = ConnectionType(
  SweepType,
  'Sweep',
  'sweeps (专项整治行动), newest start date first',
);

@InputType({ description: 'A later end date for a sweep (MANAGER).' })
export class ExtendSweepInput {
  @Field(() => ID, { description: 'UUID of the sweep.' })
  @IsUUID('all', { message: 'validation.isUuid' })
  sweepId: string;

  @Field(() => DateScalar, {
    description:
      'The new last day, inclusive (Asia/Shanghai): after the current one, at most 366 days after it.',
  })
  @IsString()
  endDate: string;
}
