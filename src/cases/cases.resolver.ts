import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentScope, CurrentUser, Roles } from '../auth/decorators';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { NotFound } from '../common/errors/domain-errors';
import { Connection, PageArgs, pageOf, toConnection } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { Database } from '../database/database';
import type { GraphQLContext } from '../graphql/context';
import { FindingPayload } from '../inspections/dto/finding-payload';
import { FindingType } from '../inspections/dto/inspection.types';
import type { Finding } from '../inspections/finding.entity';
import { OfficerType } from '../officers/dto/officer.types';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import { PremisesType } from '../premises/dto/premises.types';
import type { Premises } from '../premises/premises.entity';
import { PremisesRepository } from '../premises/premises.repository';
import { CaseClocksService } from './case-clocks.service';
import type { CaseFile } from './case.entity';
import { casesCursor, CasesRepository } from './cases.repository';
import { CaseFindingResult, CaseResult, CasesService } from './cases.service';
import type { Clock } from './clocks';
import {
  CaseFilter,
  CaseOrder,
  CloseCaseInput,
  DecideCaseInput,
  DeclineCaseInput,
  ExtendCaseClockInput,
  ExtendFilingDeadlineInput,
  OpenCaseInput,
  RecordCasePublicationInput,
  RecordCaseStepInput,
  RecordTransferOutcomeInput,
  ResumeCaseInput,
  ResumeFilingClockInput,
  SuspendCaseInput,
  SuspendFilingClockInput,
  TransferCaseInput,
} from './dto/case.inputs';
import {
  CaseClockType,
  CaseConnection,
  CaseDecisionType,
  CasePayload,
  CaseStepType,
  CaseSuspensionType,
  CaseTransferType,
  CaseType,
} from './dto/case.types';

const RULES =
  'SUPERVISOR of the case’s own bureau or MANAGER; a stale expectedVersion is CONFLICT; a move the model does not allow is INVALID_STATE with from and action; the day it took effect may be past, not future.';

/** 案件: the case-file operations of the contract and the fields of a case. */
@Resolver(() => CaseType)
export class CasesResolver {
  constructor(
    private readonly service: CasesService,
    private readonly repository: CasesRepository,
    private readonly clockService: CaseClocksService,
    private readonly officers: OfficersRepository,
    private readonly bureaus: BureausRepository,
    private readonly premisesRepository: PremisesRepository,
    private readonly database: Database,
  ) {}

  @Mutation(() => CasePayload, {
    description: `Files a case (立案) on findings of one premises. ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  openCase(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: OpenCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.openCase(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Declines to file a case (不予立案): the finding becomes NOT_FILED. ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  declineCase(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: DeclineCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseFindingResult> {
    return this.service.declineCase(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Extends a finding's filing clock once (程序规定 第十八条). ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  extendFilingDeadline(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: ExtendFilingDeadlineInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseFindingResult> {
    return this.service.extendFilingDeadline(officer, input);
  }

  @Mutation(() => FindingPayload, {
    description: `Suspends a finding's filing clock (excluded period). ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  suspendFilingClock(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: SuspendFilingClockInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseFindingResult> {
    return this.service.suspendFilingClock(officer, input);
  }

  @Mutation(() => FindingPayload, { description: `Resumes a finding's filing clock. ${RULES}` })
  @Roles('SUPERVISOR', 'MANAGER')
  resumeFilingClock(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: ResumeFilingClockInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseFindingResult> {
    return this.service.resumeFilingClock(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Extends the penalty decision clock (第六十四条). ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  extendCaseClock(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: ExtendCaseClockInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.extendCaseClock(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Suspends the case's clock (excluded period). ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  suspendCase(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: SuspendCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.suspendCase(officer, input);
  }

  @Mutation(() => CasePayload, { description: `Resumes the case's clock. ${RULES}` })
  @Roles('SUPERVISOR', 'MANAGER')
  resumeCase(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: ResumeCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.resumeCase(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Decides the case (处理决定): FILED → DECIDED (NOT_ESTABLISHED stays FILED until closed). ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  decideCase(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: DecideCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.decideCase(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Records a step after the decision (告知, hearing, 送达, payment, enforcement). ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  recordCaseStep(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: RecordCaseStepInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.recordCaseStep(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Records the publication (公示) of a penalty decision. ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  recordCasePublication(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: RecordCasePublicationInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.recordCasePublication(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Transfers the case to another authority (移送): → TRANSFERRED. ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  transferCase(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: TransferCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.transferCase(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Records the other authority's answer: ACCEPTED → CLOSED; RETURNED → back to the status it had. ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  recordTransferOutcome(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: RecordTransferOutcomeInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.recordTransferOutcome(officer, input);
  }

  @Mutation(() => CasePayload, {
    description: `Closes the case (结案) when its conditions hold. ${RULES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  closeCase(
    @Args('input', { description: 'What to do, with the idempotency key and the version read.' })
    input: CloseCaseInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<CaseResult> {
    return this.service.closeCase(officer, input);
  }

  @Query(() => CaseType, {
    nullable: true,
    description: 'One case by id; NOT_FOUND (null) outside the caller’s jurisdiction.',
  })
  case(
    @Args('id', { type: () => ID, description: 'UUID of the case.' }, UuidPipe) id: string,
    @CurrentScope() scope: Scope,
  ): Promise<CaseFile> {
    return this.service.caseInScope(scope, id);
  }

  @Query(() => CaseConnection, {
    description: 'Cases of the caller’s jurisdiction (managers: all), the work queue.',
  })
  async cases(
    @Args() page: PageArgs,
    @Args('filter', { type: () => CaseFilter, nullable: true, description: 'Which cases.' }) // Typed as the class (not `| null`) so that its decorators validate it.
    filter: CaseFilter,
    @Args('orderBy', {
      type: () => CaseOrder,
      nullable: true,
      description: 'The order; default the nearest open due day first.',
    })
    orderBy: CaseOrder,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<CaseFile>> {
    const wanted = pageOf(page);
    const after = wanted.cursor ? casesCursor.decode(wanted.cursor, wanted.cursorArgument) : null;
    const order = orderBy ?? { field: 'NEXT_DUE_ON' as const, direction: 'ASC' as const };
    const { rows, totalCount } = await this.database.read((manager) =>
      this.repository.page(
        manager,
        scope,
        filter ?? {},
        order,
        after,
        wanted.backward,
        wanted.size + 1,
        shanghaiDay(new Date()),
      ),
    );
    return toConnection(rows, wanted, totalCount, (row) =>
      casesCursor.encode([row.nextDueOn, row.filedOn, row.id]),
    );
  }

  @ResolveField(() => OfficerType, { description: 'The head who approved the filing.' })
  async approvedBy(@Parent() c: CaseType, @Context() context: GraphQLContext): Promise<Officer> {
    const officer = await this.officers.officerLoader(context.loaders).load(c.approvedById);
    if (!officer) throw new NotFound('Officer', c.approvedById);
    return officer;
  }

  @ResolveField(() => BureauType, { description: 'The bureau whose case it is.' })
  async bureau(@Parent() c: CaseType, @Context() context: GraphQLContext): Promise<Bureau> {
    const bureau = await this.bureaus.bureauLoader(context.loaders).load(c.bureauId);
    if (!bureau) throw new NotFound('Bureau', c.bureauId);
    return bureau;
  }

  @ResolveField(() => PremisesType, { description: 'The party (当事人): the premises.' })
  premises(
    @Parent() c: CaseType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Premises> {
    return this.premisesRepository.premisesLoader(context.loaders, scope).load(c.premisesId);
  }

  @ResolveField(() => [FindingType], { description: 'Its findings, voided ones left out.' })
  findings(
    @Parent() c: CaseType,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Finding[]> {
    return this.repository.findingsLoader(context.loaders, scope).load(c.id);
  }

  @ResolveField(() => [CaseClockType], { description: 'Its clocks (期限) as of today.' })
  clocks(@Parent() c: CaseFile, @Context() context: GraphQLContext): Promise<Clock[]> {
    return this.clockService.clocksLoader(context.loaders).load(c);
  }

  @ResolveField(() => Boolean, { description: 'Whether a clock not met is past its due day.' })
  overdue(@Parent() c: CaseFile): boolean {
    return c.nextDueOn !== null && c.nextDueOn < shanghaiDay(new Date());
  }

  @ResolveField(() => [CaseSuspensionType], { description: 'Excluded periods of its clock.' })
  suspensions(
    @Parent() c: CaseType,
    @Context() context: GraphQLContext,
  ): Promise<CaseSuspensionType[]> {
    return this.repository.suspensionsLoader(context.loaders).load(c.id);
  }

  @ResolveField(() => [CaseStepType], { description: 'Steps after the decision.' })
  steps(@Parent() c: CaseType, @Context() context: GraphQLContext): Promise<CaseStepType[]> {
    return this.repository.stepsLoader(context.loaders).load(c.id);
  }

  @ResolveField(() => CaseDecisionType, {
    nullable: true,
    description: 'The decision, once taken.',
  })
  decision(@Parent() c: CaseFile): CaseDecisionType | null {
    if (!c.decidedOn || !c.decisionNumber || !c.outcome) return null;
    return {
      decisionNumber: c.decisionNumber,
      decidedOn: c.decidedOn,
      outcome: c.outcome,
      penalties: c.penalties,
      fine: c.fine,
      illegalGains: c.illegalGains,
      confiscatedGoodsValue: c.confiscatedGoodsValue,
      mitigationReason: c.mitigationReason,
    };
  }

  @ResolveField(() => CaseTransferType, { nullable: true, description: 'The transfer, if any.' })
  transfer(@Parent() c: CaseFile): CaseTransferType | null {
    if (!c.transferAuthority) return null;
    return {
      authority: c.transferAuthority,
      documentNumber: c.transferDocumentNumber!,
      reportedOn: c.transferReportedOn!,
      approvedOn: c.transferApprovedOn!,
      transferredOn: c.transferredOn!,
      outcome: c.transferOutcome ?? 'PENDING',
      outcomeOn: c.transferOutcomeOn,
    };
  }
}
