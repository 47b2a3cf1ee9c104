import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
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
  CaseOutcomeEnum,
  CaseStatusEnum,
  CaseStepEnum,
  DeclineReasonEnum,
  FilingDecisionKindEnum,
  HolidayKindEnum,
  PenaltyKindEnum,
  SuspensionReasonEnum,
  TransferAuthorityEnum,
  TransferOutcomeEnum,
  type DeclineReason,
  type HolidayKind,
} from './case.enums';
import { NodeInterface } from '../../common/node';

@ObjectType('CaseClock', {
  description:
    'A legal clock (期限) of a case: start day (not counted), due day after extensions, excluded periods and the holiday shift, the day it was met.',
})
export class CaseClockType {
  @Field(() => CaseClockKindEnum, { description: 'Which clock.' })
  kind: ClockKind;

  @Field(() => DateScalar, { description: 'The day it starts from (not counted).' })
  startedOn: string;

  @Field(() => DateScalar, {
    description: 'The due day, after extensions, excluded periods and the holiday shift.',
  })
  dueOn: string;

  @Field(() => Int, { description: 'Extensions approved, in the clock’s unit.' })
  extendedBy: number;

  @Field(() => Int, { description: 'Days excluded by suspensions, in the clock’s unit.' })
  pausedDays: number;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was met, if it was.' })
  metOn: string | null;

  @Field({ description: 'Not met and today is after its due day.' })
  overdue: boolean;

  @Field({
    description:
      'It runs into a year the holiday table does not cover: computed with weekends only, recomputed when that year is loaded.',
  })
  provisional: boolean;

  @Field({ description: 'The rule its length comes from.' })
  basis: string;
}

@ObjectType('CaseSuspension', { description: 'An excluded period of a case’s clock.' })
export class CaseSuspensionType {
  @Field(() => SuspensionReasonEnum, { description: 'Why.' })
  reason: SuspensionReason;

  @Field(() => DateScalar, { description: 'The first day excluded (Asia/Shanghai).' })
  from: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it ended (the clock runs again the day after); null while suspended.',
  })
  to: string | null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  note: string | null;
}

@ObjectType('CaseStepRecord', { description: 'A step after the decision.' })
export class CaseStepType {
  @Field(() => CaseStepEnum, { description: 'Which step.' })
  step: CaseStepKind;

  @Field(() => DateScalar, {
    description: 'The day it took effect (Asia/Shanghai); not in the future.',
  })
  on: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'The amount paid, for PAID.' })
  amount: string | null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  note: string | null;
}

@ObjectType('CaseDecision', {
  description:
    'The decision (处理决定书) of a case: penalties of 行政处罚法 第九条, with the fine, the illegal gains confiscated and the value of goods confiscated kept apart.',
})
export class CaseDecisionType {
  @Field({ description: 'Decision number (决定书文号).' })
  decisionNumber: string;

  @Field(() => DateScalar, { description: 'The day it was decided (Asia/Shanghai).' })
  decidedOn: string;

  @Field(() => CaseOutcomeEnum, { description: 'The outcome.' })
  outcome: CaseOutcome;

  @Field(() => [PenaltyKindEnum], { description: 'Penalties imposed (行政处罚法 第九条).' })
  penalties: PenaltyKind[];

  @Field(() => MoneyScalar, { nullable: true, description: '罚款' })
  fine: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '没收违法所得' })
  illegalGains: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: '没收非法财物 (value of the goods)' })
  confiscatedGoodsValue: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a fine is below the statutory minimum (减轻处罚), when it is.',
  })
  mitigationReason: string | null;
}

@ObjectType('CaseTransfer', { description: 'The transfer of a case to another authority (移送).' })
export class CaseTransferType {
  @Field(() => TransferAuthorityEnum, { description: 'The authority it goes to.' })
  authority: TransferAuthority;

  @Field({ description: 'Number of the transfer letter (移送函).' })
  documentNumber: string;

  @Field(() => DateScalar, {
    description: 'The day the report proposing the transfer reached the head.',
  })
  reportedOn: string;

  @Field(() => DateScalar, { description: 'The day the head approved the transfer.' })
  approvedOn: string;

  @Field(() => DateScalar, { description: 'The day the matter was handed over.' })
  transferredOn: string;

  @Field(() => TransferOutcomeEnum, { description: 'The outcome.' })
  outcome: TransferOutcome;

  @Field(() => DateScalar, { nullable: true, description: 'The day the authority answered.' })
  outcomeOn: string | null;
}

@ObjectType('Case', {
  implements: () => [NodeInterface],
  description:
    'A case file (案件): what one 立案 covers — the findings of one party (one premises), one decision for all its violations (合并处罚).',
})
export class CaseType {
  @Field(() => ID, { description: 'UUID of the case.' })
  id: string;

  @Field({ description: 'Case number (立案号).' })
  caseNumber: string;

  @Field(() => CaseStatusEnum, { description: 'Where the case stands.' })
  status: CaseStatus;

  @Field(() => Int, { description: 'Pass it as `expectedVersion` to case mutations.' })
  version: number;

  @Field(() => DateScalar, { description: 'Filing day (立案日期).' })
  filedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Publication day (公示).' })
  publishedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Closing day (结案).' })
  closedOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The nearest due day of its clocks not met yet.',
  })
  nextDueOn: string | null;

  bureauId: string;
  premisesId: string;
  approvedById: string;
}

export const CaseConnection = ConnectionType(CaseType, 'Case', 'cases (案件)');

@ObjectType('CasePayload', { description: 'Result of a case mutation: the case as it stands now.' })
export class CasePayload {
  @Field({
    description: 'True when this repeats an earlier request with the same idempotency key.',
  })
  replayed: boolean;

  @Field(() => CaseType, { description: 'The case as it stands now.' })
  case: CaseType;
}

@ObjectType('FilingDecision', {
  description: 'The decision whether to file a case (立案 or 不予立案) on a finding.',
})
export class FilingDecisionType {
  @Field(() => FilingDecisionKindEnum, { description: 'Filed (立案) or declined (不予立案).' })
  decision: 'FILED' | 'DECLINED';

  @Field(() => DeclineReasonEnum, { nullable: true, description: 'Why not, when declined.' })
  reason: DeclineReason | null;

  @Field(() => String, { nullable: true, description: 'Free note.' })
  note: string | null;

  @Field(() => DateScalar, { description: 'The day it was decided (Asia/Shanghai).' })
  decidedOn: string;

  approvedById: string | null;
}

@ObjectType('HolidayDay', { description: 'A day of the holiday table.' })
export class HolidayDayType {
  @Field(() => DateScalar, { description: 'The day (Asia/Shanghai).' })
  date: string;

  @Field(() => HolidayKindEnum, { description: 'Which clock.' })
  kind: HolidayKind;

  @Field({ description: 'The holiday’s name (节日名称).' })
  name: string;
}

@ObjectType('HolidayCalendar', {
  description:
    'The holiday table (法定节假日 and 调休上班) working days are counted by: the years it covers and their days.',
})
export class HolidayCalendarType {
  @Field(() => [Int], { description: 'Years whose State Council notice is loaded.' })
  coveredYears: number[];

  @Field(() => [HolidayDayType], { description: 'The days.' })
  days: HolidayDayType[];
}

@ObjectType('HolidayYearLoad', { description: 'What loading a year of holidays did.' })
export class HolidayYearLoadType {
  @Field(() => Int, { description: 'The year.' })
  year: number;

  @Field(() => Int, { description: 'How many days of the year the table now holds.' })
  days: number;

  @Field(() => Int, { description: 'How many stored due days changed.' })
  recomputedDeadlines: number;
}
