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
import type { Bureau } from '../bureaus/bureau.entity';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { CaseFile } from '../cases/case.entity';
import { CasesRepository } from '../cases/cases.repository';
import type { Clock, ClueClockKind } from '../cases/clocks';
import { CaseType } from '../cases/dto/case.types';
import { NotFound } from '../common/errors/domain-errors';
import { Connection, PageArgs, pageOf, toConnection } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { Database } from '../database/database';
import type { GraphQLContext } from '../graphql/context';
import { FindingType, InspectionType } from '../inspections/dto/inspection.types';
import type { Finding } from '../inspections/finding.entity';
import type { Inspection } from '../inspections/inspection.entity';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { PremisesType } from '../premises/dto/premises.types';
import type { Premises } from '../premises/premises.entity';
import { PremisesRepository } from '../premises/premises.repository';
import type { TargetCategoryType as TargetCategory } from '../reference/dto/reference.types';
import { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService } from '../reference/reference.service';
import { SweepType } from '../sweeps/dto/sweep.types';
import type { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import type { Clue } from './clue.entity';
import { cluesCursor, CluesRepository } from './clues.repository';
import { ClueResult, CluesService } from './clues.service';
import {
  AcceptClueInput,
  ClueFilter,
  ClueOrder,
  CloseClueInput,
  ExtendClueVerificationInput,
  InformClueReporterInput,
  LinkClueInput,
  RecordClueVerificationInput,
  RefuseClueInput,
  RegisterClueInput,
  TransferClueInput,
} from './dto/clue.inputs';
import { ClueClockType, ClueConnection, CluePayload, ClueType } from './dto/clue.types';
import { seesPersonalData } from './personal-data';

const HEAD =
  'SUPERVISOR of the handling bureau or MANAGER (程序规定 第十八条: 由负责人决定); a stale expectedVersion is CONFLICT; a move the workflow does not allow is INVALID_STATE with from and action; the day may be past (entered late), not future, not before receipt.';
const OFFICER =
  'Any officer whose jurisdiction holds the handling bureau (else NOT_FOUND); INVALID_STATE with from and action when the workflow does not allow it.';
const PERSONAL =
  'Personal data (暂行办法 第五十条): null unless the caller is an officer of the handling bureau itself (not of a parent bureau, not a city manager unless the city bureau handles it).';

/** 投诉举报线索: the clue operations and the fields of a clue. */
@Resolver(() => ClueType)
export class CluesResolver {
  constructor(
    private readonly service: CluesService,
    private readonly repository: CluesRepository,
    private readonly database: Database,
    private readonly bureaus: BureausRepository,
    private readonly premisesRepository: PremisesRepository,
    private readonly sweeps: SweepsRepository,
    private readonly reference: ReferenceService,
    private readonly cases: CasesRepository,
    private readonly inspectionsRepository: InspectionsRepository,
    private readonly findingsRepository: FindingsRepository,
  ) {}

  @Mutation(() => CluePayload, {
    description: `Registers a complaint or report clue (登记投诉举报线索): numbered per bureau and year; its clocks start from the day received. INSPECTOR, SUPERVISOR or MANAGER, for a handling bureau of their jurisdiction. Invalid fields are BAD_USER_INPUT with their paths.`,
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  registerClue(
    @Args('input', { description: 'The clue, with the idempotency key.' }) input: RegisterClueInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.register(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Accepts a complaint (受理), within 7 working days of receipt (暂行办法 第十四条); its mediation clock (45 working days, 第二十一条) starts. ${HEAD}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  acceptClue(
    @Args('input', { description: 'The move.' }) input: AcceptClueInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.accept(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Refuses a complaint (不予受理) with the reason (暂行办法 第十五条、第十六条). ${HEAD}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  refuseClue(
    @Args('input', { description: 'The move.' }) input: RefuseClueInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.refuse(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Extends a report's verification once, by up to 15 working days (程序规定 第十八条). ${HEAD}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  extendClueVerification(
    @Args('input', { description: 'The move.' }) input: ExtendClueVerificationInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.extendVerification(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Records a report's verification outcome (核查结果): FILED naming the case or finding (the finding is linked), or NOT_FILED with the reason. ${HEAD}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  recordClueVerification(
    @Args('input', { description: 'The decision.' }) input: RecordClueVerificationInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.recordVerification(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Records that a named reporter was told of the filing decision (告知举报人), within 5 working days of it (暂行办法 第三十二条); anonymous reporters are not told. ${OFFICER}`,
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  informClueReporter(
    @Args('input', { description: 'The move.' }) input: InformClueReporterInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.inform(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Transfers a clue not yet decided: to another bureau of the city (转办; it keeps its clocks) or to another authority (移送, 暂行办法 第十四条; ends our handling). ${HEAD}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  transferClue(
    @Args('input', { description: 'The move.' }) input: TransferClueInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.transfer(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Closes a clue (办结): an accepted complaint, or a decided report whose named reporter was told. ${HEAD}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  closeClue(
    @Args('input', { description: 'The move.' }) input: CloseClueInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.close(officer, input);
  }

  @Mutation(() => CluePayload, {
    description: `Links a clue to an inspection or finding it led to (the verification's work): of the clue's premises when it names one, else in the handling bureau's jurisdiction; a link made already is CONFLICT. ${OFFICER}`,
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  linkClue(
    @Args('input', { description: 'The link.' }) input: LinkClueInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<ClueResult> {
    return this.service.link(officer, input);
  }

  @Query(() => ClueType, {
    nullable: true,
    description:
      'One clue (投诉举报线索). Inspectors and supervisors only within their jurisdiction; outside it, or unknown: null with NOT_FOUND.',
  })
  clue(
    @Args('id', { type: () => ID, description: 'UUID of the clue.' }, UuidPipe) id: string,
    @CurrentScope() scope: Scope,
  ): Promise<Clue> {
    return this.service.clueInScope(scope, id);
  }

  @Query(() => ClueConnection, {
    description:
      'The clue work queue of the caller’s jurisdiction (managers: all): by default the nearest open due day first, so overdue clues lead.',
  })
  async clues(
    @Args() page: PageArgs,
    @Args('filter', { type: () => ClueFilter, nullable: true, description: 'Which clues.' }) // Typed as the class (not `| null`) so that its decorators validate it.
    filter: ClueFilter,
    @Args('orderBy', {
      type: () => ClueOrder,
      nullable: true,
      description: 'The order; default DUE_ON ascending.',
    })
    orderBy: ClueOrder,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<Clue>> {
    const wanted = pageOf(page);
    const after = wanted.cursor ? cluesCursor.decode(wanted.cursor, wanted.cursorArgument) : null;
    const order = orderBy ?? { field: 'DUE_ON' as const, direction: 'ASC' as const };
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
      cluesCursor.encode([row.dueOn, row.receivedOn, row.id]),
    );
  }

  @ResolveField(() => String, {
    nullable: true,
    description: `Complainant’s or reporter’s name (姓名). ${PERSONAL}`,
  })
  personName(@Parent() clue: Clue, @CurrentUser() officer: CurrentOfficer): string | null {
    return seesPersonalData(officer, clue) ? clue.personName : null;
  }

  @ResolveField(() => String, { nullable: true, description: `Phone (联系电话). ${PERSONAL}` })
  personPhone(@Parent() clue: Clue, @CurrentUser() officer: CurrentOfficer): string | null {
    return seesPersonalData(officer, clue) ? clue.personPhone : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: `Resident identity card number (身份证号码). ${PERSONAL}`,
  })
  personIdNumber(@Parent() clue: Clue, @CurrentUser() officer: CurrentOfficer): string | null {
    return seesPersonalData(officer, clue) ? clue.personIdNumber : null;
  }

  @ResolveField(() => String, { nullable: true, description: `Address (通讯地址). ${PERSONAL}` })
  personAddress(@Parent() clue: Clue, @CurrentUser() officer: CurrentOfficer): string | null {
    return seesPersonalData(officer, clue) ? clue.personAddress : null;
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the caller may read the personal fields (an officer of the handling bureau); false means they are null for this caller, not absent.',
  })
  personalDataVisible(@Parent() clue: Clue, @CurrentUser() officer: CurrentOfficer): boolean {
    return seesPersonalData(officer, clue);
  }

  @ResolveField(() => [ClueClockType], {
    description:
      'Its legal clocks: acceptance (complaints), verification (reports), informing (named reporters, from the decision).',
  })
  clocks(
    @Parent() clue: Clue,
    @Context() context: GraphQLContext,
  ): Promise<Clock<ClueClockKind>[]> {
    return this.service.clocksOf(context.loaders, clue);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether a clock not met is past its due day today.',
  })
  overdue(@Parent() clue: Clue): boolean {
    return clue.dueOn !== null && clue.dueOn < shanghaiDay(new Date());
  }

  @ResolveField(() => BureauType, { description: 'The handling bureau (承办单位).' })
  async bureau(@Parent() clue: Clue, @Context() context: GraphQLContext): Promise<Bureau> {
    const bureau = await this.bureaus.bureauLoader(context.loaders).load(clue.bureauId);
    if (!bureau) throw new NotFound('Bureau', clue.bureauId);
    return bureau;
  }

  @ResolveField(() => PremisesType, {
    nullable: true,
    description: 'The premises complained of or reported, when known.',
  })
  premises(
    @Parent() clue: Clue,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Premises> | null {
    if (!clue.premisesId) return null;
    return this.premisesRepository.premisesLoader(context.loaders, scope).load(clue.premisesId);
  }

  @ResolveField(() => SweepType, { nullable: true, description: 'The sweep it counts in.' })
  sweep(@Parent() clue: Clue, @Context() context: GraphQLContext): Promise<Sweep> | null {
    if (!clue.sweepId) return null;
    return this.sweeps.sweepLoader(context.loaders).load(clue.sweepId);
  }

  @ResolveField(() => TargetCategoryType, {
    nullable: true,
    description: 'The sweep’s target category it counts in.',
  })
  async category(
    @Parent() clue: Clue,
    @Context() context: GraphQLContext,
  ): Promise<TargetCategory | null> {
    if (!clue.categoryId) return null;
    return (
      (await this.reference.forRequest(context.loaders)).categoryById.get(clue.categoryId) ?? null
    );
  }

  @ResolveField(() => CaseType, { nullable: true, description: 'FILED: the case filed (案件).' })
  filedCase(
    @Parent() clue: Clue,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<CaseFile> | null {
    if (!clue.caseId) return null;
    return this.cases.caseLoader(context.loaders, scope).load(clue.caseId);
  }

  @ResolveField(() => FindingType, {
    nullable: true,
    description: 'FILED: the finding the case rests on, when one was named.',
  })
  filedFinding(
    @Parent() clue: Clue,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Finding> | null {
    if (!clue.findingId) return null;
    return this.findingsRepository.findingLoader(context.loaders, scope).load(clue.findingId);
  }

  @ResolveField(() => [InspectionType], {
    description: 'The inspections it led to, in the order linked (those the caller may see).',
  })
  async inspections(
    @Parent() clue: Clue,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Inspection[]> {
    const ids = await this.repository
      .linkedIdsLoader(context.loaders, scope, 'inspection')
      .load(clue.id);
    const loader = this.inspectionsRepository.inspectionLoader(context.loaders, scope);
    return Promise.all(ids.map((id) => loader.load(id)));
  }

  @ResolveField(() => [FindingType], {
    description: 'The findings it led to, in the order linked (those the caller may see).',
  })
  async findings(
    @Parent() clue: Clue,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Finding[]> {
    const ids = await this.repository
      .linkedIdsLoader(context.loaders, scope, 'finding')
      .load(clue.id);
    const loader = this.findingsRepository.findingLoader(context.loaders, scope);
    return Promise.all(ids.map((id) => loader.load(id)));
  }
}

/** `Inspection.clues`: the clues an inspection was made on. */
@Resolver(() => InspectionType)
export class InspectionCluesResolver {
  constructor(private readonly repository: CluesRepository) {}

  @ResolveField(() => [ClueType], {
    description:
      'The complaint or report clues (投诉举报线索) this inspection was made on, those the caller may see.',
  })
  async clues(
    @Parent() inspection: Inspection,
    @Context() context: GraphQLContext,
    @CurrentScope() scope: Scope,
  ): Promise<Clue[]> {
    const ids = await this.repository
      .clueIdsOfInspectionLoader(context.loaders, scope)
      .load(inspection.id);
    const loader = this.repository.clueLoader(context.loaders, scope);
    return Promise.all(ids.map((id) => loader.load(id)));
  }
}
