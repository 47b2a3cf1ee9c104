import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars/scalars';
import { SWEEP_STATUSES } from '../sweep.entity';
import type { SweepStatus } from '../sweep.entity';
import { NodeInterface } from '../../common/node';

export const SweepStatusEnum = Object.fromEntries(
  SWEEP_STATUSES.map((status) => [status, status]),
) as Record<SweepStatus, SweepStatus>;
registerEnumType(SweepStatusEnum, {
  name: 'SweepStatus',
  description: 'Stage of a sweep (专项整治行动): DRAFT → ACTIVE → CLOSED.',
  valuesMap: {
    DRAFT: { description: 'Being prepared (草拟): assignments may change; no inspections yet.' },
    ACTIVE: { description: 'Under way (进行中): inspections may be logged.' },
    CLOSED: {
      description: 'Closed (已结束): no new inspections; carried-over findings stay workable.',
    },
  },
});

@ObjectType('SweepAssignment', {
  description:
    'A target (任务数): how many premises of a category a bureau is to inspect in a sweep.',
})
export class SweepAssignmentType {
  @Field(() => Int, { description: 'Number of distinct premises to inspect; positive.' })
  target: number;

  bureauId: string;
  categoryId: string;
}

@ObjectType('Sweep', {
  implements: () => [NodeInterface],
  description:
    'An enforcement sweep (专项整治行动): a campaign triggered by exposures, with targets per bureau and category.',
})
export class SweepType {
  @Field(() => ID, { description: 'UUID of the sweep.' })
  id: string;

  @Field({ description: 'Short unique code, e.g. 2019-315-DPC.' })
  code: string;

  @Field({ description: 'Title, e.g. “3·15”曝光问题大排查大整治.' })
  title: string;

  @Field(() => String, {
    nullable: true,
    description: 'The directive it follows (文号), e.g. 宁市监办发〔2019〕21号.',
  })
  directive: string | null;

  @Field(() => SweepStatusEnum, { description: 'Stage of the sweep.' })
  status: SweepStatus;

  @Field(() => DateScalar, { description: 'First day (Asia/Shanghai).' })
  startDate: string;

  @Field(() => DateScalar, { description: 'Last day, inclusive (Asia/Shanghai).' })
  endDate: string;

  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was activated (UTC).' })
  activatedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was closed (UTC).' })
  closedAt: Date | null;

  leadBureauId: string;
}
