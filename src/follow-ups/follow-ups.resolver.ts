import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import { NotFound } from '../common/errors/domain-errors';
import type { GraphQLContext } from '../graphql/context';
import { FindingPayload } from '../inspections/dto/finding-payload';
import { OfficerType } from '../officers/dto/officer.types';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import {
  CloseFindingInput,
  DecidePenaltyInput,
  FileCaseInput,
  OrderRectificationInput,
  RecordReinspectionInput,
  TransferToPoliceInput,
} from './dto/follow-up.inputs';
import { FollowUpType } from './dto/follow-up.types';
import { FindingResult, FollowUpsService } from './follow-ups.service';

const SCOPE =
  'The finding must be in the caller’s jurisdiction (managers: any), else NOT_FOUND; a stale expectedVersion is CONFLICT; a move the workflow does not allow is INVALID_STATE.';

/** 后续处置: the follow-up mutations and the fields of a follow-up. */
@Resolver(() => FollowUpType)
export class FollowUpsResolver {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly officersRepository: OfficersRepository,
  ) {}

  @Mutation(() => FindingPayload, {
    description: `Orders rectification (责令整改) with a deadline: OPEN → RECTIFYING. INSPECTOR, SUPERVISOR or MANAGER. ${SCOPE}`,
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  orderRectification(
    @Args('input', {
      description: 'The finding, its expected version and the rectification order (责令整改).',
    })
    input: OrderRectificationInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<FindingResult> {
    return this.followUps.orderRectification(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Records a re-inspection (复查): passed → RESOLVED; failed → stays RECTIFYING with a new deadline. INSPECTOR, SUPERVISOR or MANAGER. ${SCOPE}`,
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  recordReinspection(
    @Args('input', {
      description: 'The finding, its expected version and the re-inspection (复查) result.',
    })
    input: RecordReinspectionInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<FindingResult> {
    return this.followUps.recordReinspection(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Files an administrative case (立案): OPEN or RECTIFYING (a failed rectification) → CASE_FILED; the penalty decision is due 90 days after filedOn. SUPERVISOR or MANAGER. ${SCOPE}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  fileCase(
    @Args('input', { description: 'The finding, its expected version and the case filing (立案).' })
    input: FileCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<FindingResult> {
    return this.followUps.fileCase(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Records the penalty decision (行政处罚决定) with fine and confiscation: CASE_FILED → PENALIZED. SUPERVISOR or MANAGER. ${SCOPE}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  decidePenalty(
    @Args('input', {
      description: 'The finding, its expected version and the penalty decision (处罚决定).',
    })
    input: DecidePenaltyInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<FindingResult> {
    return this.followUps.decidePenalty(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Transfers the finding to the police (移送公安): OPEN or CASE_FILED → TRANSFERRED, final. SUPERVISOR or MANAGER. ${SCOPE}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  transferToPolice(
    @Args('input', {
      description: 'The finding, its expected version and the transfer to the police (移送公安).',
    })
    input: TransferToPoliceInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<FindingResult> {
    return this.followUps.transferToPolice(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Closes the finding (结案): PENALIZED → CLOSED, or CASE_FILED → CLOSED when there is no penalty (case dismissed). SUPERVISOR or MANAGER. ${SCOPE}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  closeFinding(
    @Args('input', {
      description: 'The finding, its expected version and why it is closed (结案).',
    })
    input: CloseFindingInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<FindingResult> {
    return this.followUps.closeFinding(officer, input);
  }

  @ResolveField(() => OfficerType, { description: 'The officer who recorded it.' })
  async officer(
    @Parent() followUp: FollowUpType,
    @Context() context: GraphQLContext,
  ): Promise<Officer> {
    const officer = await this.officersRepository
      .officerLoader(context.loaders)
      .load(followUp.officerId);
    if (!officer) throw new NotFound('Officer', followUp.officerId);
    return officer;
  }

  @ResolveField(() => [OfficerType], {
    description:
      'The officers on site for a re-inspection (at least two); empty for other actions.',
  })
  async officers(
    @Parent() followUp: FollowUpType,
    @Context() context: GraphQLContext,
  ): Promise<Officer[]> {
    const officers = await this.officersRepository
      .officerLoader(context.loaders)
      .loadMany(followUp.officerIds);
    return officers.filter(
      (officer): officer is Officer => !!officer && !(officer instanceof Error),
    );
  }
}
