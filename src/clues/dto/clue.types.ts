import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ClueClockKind } from '../../cases/clocks';
import { NodeInterface } from '../../common/node';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar, DateTimeScalar } from '../../common/scalars/scalars';
import type { ClueKind, ClueSource, ClueStatus, InformChannel } from '../clue.entity';
import {
  ClueClockKindEnum,
  ClueKindEnum,
  ClueSourceEnum,
  ClueStatusEnum,
  InformChannelEnum,
} from './clue.enums';

@ObjectType('ClueClock', {
  description:
    'A legal clock (期限) of a clue, on the case clocks’ engine: start day (not counted), due day after extensions and the holiday table, the day it was met.',
})
export class ClueClockType {
  @Field(() => ClueClockKindEnum, { description: 'Which clock.' })
  kind: ClueClockKind;

  @Field(() => DateScalar, { description: 'The day it starts from (not counted).' })
  startedOn: string;

  @Field(() => DateScalar, { description: 'The due day, after extensions and the holiday table.' })
  dueOn: string;

  @Field(() => Int, { description: 'Working days added by an extension.' })
  extendedBy: number;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was met, if it was.' })
  metOn: string | null;

  @Field({ description: 'Not met and today is after its due day.' })
  overdue: boolean;

  @Field({
    description:
      'It runs into a year the holiday table does not cover: computed with weekends only, until that year is loaded.',
  })
  provisional: boolean;

  @Field({ description: 'The rule its length comes from.' })
  basis: string;
}

/**
 * The GraphQL Clue: the entity's columns the contract shows. The personal fields are resolved by
 * ClueResolver (null unless the caller is of the handling bureau).
 */
@ObjectType('Clue', {
  implements: () => [NodeInterface],
  description:
    '投诉举报线索: a complaint (投诉) or report (举报) received by a bureau (市场监督管理投诉举报处理暂行办法). Visible within the handling bureau’s jurisdiction; the complainant’s or reporter’s personal data only to officers of the handling bureau itself (第五十条).',
})
export class ClueType {
  @Field(() => ID, { description: 'UUID of the clue.' })
  id: string;

  @Field({ description: 'Clue number (线索编号): bureau code, year and sequence, unique.' })
  number: string;

  @Field(() => ClueKindEnum, { description: 'Complaint or report.' })
  kind: ClueKind;

  @Field(() => ClueSourceEnum, { description: 'How it came in (线索来源).' })
  source: ClueSource;

  @Field(() => String, { nullable: true, description: 'The authority that transferred it.' })
  sourceAuthority: string | null;

  @Field(() => DateScalar, { description: 'The day received (收到日期).' })
  receivedOn: string;

  @Field(() => ClueStatusEnum, { description: 'Where it stands.' })
  status: ClueStatus;

  @Field(() => Int, { description: 'Pass it as `expectedVersion` to clue mutations.' })
  version: number;

  @Field({ description: 'What was complained of or reported (主要内容).' })
  content: string;

  @Field({
    description: 'Anonymous (匿名): nobody to inform. Visible to everyone who sees the clue.',
  })
  anonymous: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Accepted (受理) on.' })
  acceptedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Refused (不予受理) on.' })
  refusedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why refused.' })
  refusalReason: string | null;

  @Field(() => Int, { description: 'Working days the verification was extended by (0 or once).' })
  verificationExtendedBy: number;

  @Field(() => DateScalar, { nullable: true, description: 'The filing decision’s day.' })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why not filed (不予立案理由).' })
  notFiledReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The reporter was told (告知) on.' })
  informedOn: string | null;

  @Field(() => InformChannelEnum, { nullable: true, description: 'How the reporter was told.' })
  informChannel: InformChannel | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Sent to another authority (移送) on.',
  })
  transferredOn: string | null;

  @Field(() => String, { nullable: true, description: 'The authority it was sent to.' })
  transferredToAuthority: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Closed (办结) on.' })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: 'How it was handled (办理结果).' })
  closeNote: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The nearest due day of its clocks not met yet (the work queue’s order).',
  })
  dueOn: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt: Date;

  bureauId: string;
  premisesId: string | null;
  sweepId: string | null;
  categoryId: string | null;
  caseId: string | null;
  findingId: string | null;
}

export const ClueConnection = ConnectionType(ClueType, 'Clue', 'clues (投诉举报线索)');

@ObjectType('CluePayload', { description: 'Result of a clue mutation: the clue as it stands now.' })
export class CluePayload {
  @Field({
    description: 'True when this repeats an earlier request with the same idempotency key.',
  })
  replayed: boolean;

  @Field(() => ClueType, { description: 'The clue as it stands now.' })
  clue: ClueType;
}
