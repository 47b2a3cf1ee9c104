import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../common/scalars/scalars';
import { FindingStatusEnum } from '../../inspections/dto/inspection.types';
import type { FindingStatus } from '../../inspections/finding.entity';
import { FOLLOW_UP_ACTIONS } from '../follow-up.entity';
import type { FollowUpAction } from '../follow-up.entity';
import { NodeInterface } from '../../common/node';

export const FollowUpActionEnum = Object.fromEntries(
  FOLLOW_UP_ACTIONS.map((value) => [value, value]),
) as Record<FollowUpAction, FollowUpAction>;
registerEnumType(FollowUpActionEnum, {
  name: 'FollowUpAction',
  description: 'An action of the follow-up workflow (后续处置).',
  valuesMap: {
    RECTIFICATION_ORDERED: {
      description: 'Rectification ordered with a deadline (责令整改): OPEN → RECTIFYING.',
    },
    REINSPECTION_PASSED: {
      description: 'Re-inspection found it rectified (复查合格): RECTIFYING → RESOLVED.',
    },
    REINSPECTION_FAILED: {
      description:
        'Re-inspection found it not rectified (复查不合格); rectification goes on with a new deadline: RECTIFYING → RECTIFYING.',
    },
    CASE_FILED: {
      description: 'Administrative case filed (立案): OPEN or RECTIFYING → CASE_FILED.',
    },
    PENALTY_DECIDED: {
      description: 'Penalty decided (作出行政处罚决定): CASE_FILED → PENALIZED.',
    },
    TRANSFERRED_TO_POLICE: {
      description: 'Transferred to the police (移送公安): OPEN or CASE_FILED → TRANSFERRED.',
    },
    CLOSED: {
      description:
        'Closed (结案), after a penalty or with none (case dismissed): CASE_FILED or PENALIZED → CLOSED.',
    },
  },
});

@ObjectType('FollowUp', {
  implements: () => [NodeInterface],
  description:
    'One action taken on a finding (后续处置): who, when, the document and amounts where they apply.',
})
export class FollowUpType {
  @Field(() => ID, { description: 'UUID of the follow-up.' })
  id: string;

  @Field(() => FollowUpActionEnum, { description: 'What was done.' })
  action: FollowUpAction;

  @Field(() => FindingStatusEnum, { description: 'Status of the finding before the action.' })
  fromStatus: FindingStatus;

  @Field(() => FindingStatusEnum, { description: 'Status of the finding after the action.' })
  toStatus: FindingStatus;

  @Field(() => DateTimeScalar, {
    description:
      'When it took effect (UTC): the re-inspection time; else 00:00 Asia/Shanghai of the document’s day (filing, decision, transfer, or the order day when given); else when it was recorded.',
  })
  at: Date;

  @Field(() => DateTimeScalar, { description: 'When the service recorded it (UTC).' })
  recordedAt: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day it set as due, Asia/Shanghai: the rectification deadline (整改期限) of an order or a failed re-inspection; the penalty decision due day of a case filing.',
  })
  dueDate: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Document number (文书编号): rectification order, case number (立案号), penalty decision number (处罚决定书号) or transfer letter.',
  })
  documentNumber: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Fine decided (罚款), yuan.' })
  fine: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Confiscation decided (没收违法所得), yuan.',
  })
  confiscation: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Free note; for a closing, the reason (结案理由).',
  })
  note: string | null;

  officerId: string;
  officerIds: string[];
}
