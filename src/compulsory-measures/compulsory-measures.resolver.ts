import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentScope, CurrentUser, Roles } from '../auth/decorators';
import { BureausRepository } from '../bureaus/bureaus.repository';
import { BureauType } from '../bureaus/dto/bureau.types';
import type { Bureau } from '../bureaus/bureau.entity';
import { CaseClocksService } from '../cases/case-clocks.service';
import type { CaseFile } from '../cases/case.entity';
import { CasesRepository } from '../cases/cases.repository';
import type { Clock } from '../cases/clocks';
import { CaseType } from '../cases/dto/case.types';
import { NotFound } from '../common/errors/domain-errors';
import { Connection, PageArgs, pageOf, toConnection } from '../common/pagination/connection';
import type { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { Database } from '../database/database';
import { scopeOf, type GraphQLContext } from '../graphql/context';
import { FindingType } from '../inspections/dto/inspection.types';
import type { Finding } from '../inspections/finding.entity';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { OfficerType } from '../officers/dto/officer.types';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import type { CompulsoryMeasure } from './compulsory-measure.entity';
import { measuresCursor, CompulsoryMeasuresRepository } from './compulsory-measures.repository';
import { CompulsoryMeasuresService, type MeasureResult } from './compulsory-measures.service';
import {
  CompulsoryMeasureFilter,
  CompulsoryMeasureOrder,
  DisposeCompulsoryMeasureInput,
  ExtendCompulsoryMeasureInput,
  ImposeCompulsoryMeasureInput,
  ReleaseCompulsoryMeasureInput,
  ResumeCompulsoryMeasureInput,
  SuspendCompulsoryMeasureInput,
} from './dto/measure.inputs';
import {
  CompulsoryMeasureConnection,
  CompulsoryMeasurePayload,
  CompulsoryMeasureType,
  MeasureClockType,
  MeasureDisposalType,
  MeasureExtensionType,
  MeasureItemType,
  MeasureReleaseType,
  MeasureSuspensionType,
} from './dto/measure.types';
import { measureClock } from './measure-clock';
import { inForce } from './workflow';

const MOVES =
  'A stale expectedVersion is CONFLICT; a move the workflow does not allow is INVALID_STATE with from and action; days may be past, never future.';
const INPUT = { description: 'What to do, with the idempotency key and the version read.' };

/** 查封、扣押: the operations on compulsory measures and their fields. */
@Resolver(() => CompulsoryMeasureType)
export class CompulsoryMeasuresResolver {
  constructor(
    private readonly service: CompulsoryMeasuresService,
    private readonly repository: CompulsoryMeasuresRepository,
    private readonly caseClocks: CaseClocksService,
    private readonly findings: FindingsRepository,
    private readonly cases: CasesRepository,
    private readonly officersRepository: OfficersRepository,
    private readonly bureaus: BureausRepository,
    private readonly database: Database,
  ) {}

  @Mutation(() => CompulsoryMeasurePayload, {
    description:
      "Records a compulsory measure (查封 or 扣押) on a finding, as decided by the head and carried out by two officers (行政强制法 第十八、二十四条): any officer of the premises' bureau or a MANAGER, naming the approving head. The decision number is unique (CONFLICT when used).",
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  imposeCompulsoryMeasure(
    @Args('input', { description: 'The measure, with the idempotency key.' })
    input: ImposeCompulsoryMeasureInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<MeasureResult> {
    return this.service.impose(officer, input);
  }

  @Mutation(() => CompulsoryMeasurePayload, {
    description: `Extends a measure once, by at most 30 days, before its period ends (延长, 第二十五条): a SUPERVISOR of the bureau or a MANAGER, naming the approving head. After the due day: INVALID_STATE. ${MOVES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  extendCompulsoryMeasure(
    @Args('input', INPUT) input: ExtendCompulsoryMeasureInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<MeasureResult> {
    return this.service.extend(officer, input);
  }

  @Mutation(() => CompulsoryMeasurePayload, {
    description: `Releases a measure (解除, 第二十八条): a SUPERVISOR of the bureau or a MANAGER. ${MOVES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  releaseCompulsoryMeasure(
    @Args('input', INPUT) input: ReleaseCompulsoryMeasureInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<MeasureResult> {
    return this.service.release(officer, input);
  }

  @Mutation(() => CompulsoryMeasurePayload, {
    description: `Records how the goods were dealt with (处理, 第二十七条): a SUPERVISOR of the bureau or a MANAGER. ${MOVES}`,
  })
  @Roles('SUPERVISOR', 'MANAGER')
  disposeCompulsoryMeasure(
    @Args('input', INPUT) input: DisposeCompulsoryMeasureInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<MeasureResult> {
    return this.service.dispose(officer, input);
  }

  @Mutation(() => CompulsoryMeasurePayload, {
    description: `Stops a measure's clock while its goods are tested (第二十五条第三款): any officer of the bureau or a MANAGER. ${MOVES}`,
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  suspendCompulsoryMeasure(
    @Args('input', INPUT) input: SuspendCompulsoryMeasureInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<MeasureResult> {
    return this.service.suspend(officer, input);
  }

  @Mutation(() => CompulsoryMeasurePayload, {
    description: `Resumes a measure's clock after testing: any officer of the bureau or a MANAGER. ${MOVES}`,
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  resumeCompulsoryMeasure(
    @Args('input', INPUT) input: ResumeCompulsoryMeasureInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<MeasureResult> {
    return this.service.resume(officer, input);
  }

  @Query(() => CompulsoryMeasureType, {
    nullable: true,
    description:
      'One compulsory measure by id; NOT_FOUND (null) outside the caller’s jurisdiction.',
  })
  compulsoryMeasure(
    @Args('id', { type: () => ID, description: 'UUID of the measure.' }, UuidPipe) id: string,
    @CurrentScope() scope: Scope,
  ): Promise<CompulsoryMeasure> {
    return this.service.measureInScope(scope, id);
  }

  @Query(() => CompulsoryMeasureConnection, {
    description:
      'The work queue of compulsory measures (查封扣押台账) of the caller’s jurisdiction (managers: all), by due day unless ordered otherwise.',
  })
  async compulsoryMeasures(
    @Args() page: PageArgs,
    @Args('filter', {
      type: () => CompulsoryMeasureFilter,
      nullable: true,
      description: 'Which measures.',
    })
    filter: CompulsoryMeasureFilter,
    @Args('orderBy', {
      type: () => CompulsoryMeasureOrder,
      nullable: true,
      description: 'The order; default the nearest due day first.',
    })
    orderBy: CompulsoryMeasureOrder,
    @CurrentScope() scope: Scope,
  ): Promise<Connection<CompulsoryMeasure>> {
    const wanted = pageOf(page);
    const after = wanted.cursor
      ? measuresCursor.decode(wanted.cursor, wanted.cursorArgument)
      : null;
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
      measuresCursor.encode([order.field === 'DUE_ON' ? row.dueOn : row.decidedOn, row.id]),
    );
  }

  @ResolveField(() => FindingType, { description: 'The finding (发现问题) it was taken on.' })
  finding(m: CompulsoryMeasure, _args: unknown, context: GraphQLContext): Promise<Finding> {
    return this.findings.findingLoader(context.loaders, scopeOf(context)).load(m.findingId);
  }

  @ResolveField(() => BureauType, { description: "The premises' bureau, whose measure it is." })
  async bureau(m: CompulsoryMeasure, _args: unknown, context: GraphQLContext): Promise<Bureau> {
    const bureau = await this.bureaus.bureauLoader(context.loaders).load(m.bureauId);
    if (!bureau) throw new NotFound('Bureau', m.bureauId);
    return bureau;
  }

  @ResolveField(() => OfficerType, { description: 'The head who approved it (批准人).' })
  async approvedBy(
    m: CompulsoryMeasure,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Officer> {
    const officer = await this.officersRepository
      .officerLoader(context.loaders)
      .load(m.approvedById);
    if (!officer) throw new NotFound('Officer', m.approvedById);
    return officer;
  }

  @ResolveField(() => [OfficerType], { description: 'The officers who carried it out (执法人员).' })
  async officers(
    m: CompulsoryMeasure,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Officer[]> {
    const loaded = await this.officersRepository
      .officerLoader(context.loaders)
      .loadMany(m.officerIds);
    return loaded.filter((row): row is Officer => !!row && !(row instanceof Error));
  }

  @ResolveField(() => [MeasureItemType], { description: 'The list (清单).' })
  async items(
    m: CompulsoryMeasure,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<MeasureItemType[]> {
    const rows = await this.repository.itemsLoader(context.loaders).load(m.id);
    return rows.map((row) => ({ ...row, quantity: Number(row.quantity) }));
  }

  @ResolveField(() => [MeasureSuspensionType], {
    description: 'Periods not counted in its clock (testing, quarantine, expert opinion).',
  })
  suspensions(
    m: CompulsoryMeasure,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<MeasureSuspensionType[]> {
    return this.repository.suspensionsLoader(context.loaders).load(m.id);
  }

  @ResolveField(() => MeasureClockType, { description: 'Its clock (期限) as of today.' })
  async clock(m: CompulsoryMeasure, _args: unknown, context: GraphQLContext): Promise<Clock> {
    const [suspensions, calendar] = await Promise.all([
      this.repository.suspensionsLoader(context.loaders).load(m.id),
      this.caseClocks.calendarOf(context.loaders),
    ]);
    return measureClock(m, suspensions, calendar, shanghaiDay(new Date()));
  }

  @ResolveField(() => Boolean, {
    description:
      'Still in force after its due day (超期未解除), judged today; not while its goods are being tested.',
  })
  overdue(m: CompulsoryMeasure): boolean {
    return inForce(m.status) && m.suspendedFrom === null && m.dueOn < shanghaiDay(new Date());
  }

  @ResolveField(() => MeasureExtensionType, {
    nullable: true,
    description: 'Its extension, if any.',
  })
  extension(m: CompulsoryMeasure): MeasureExtensionType | null {
    if (!m.extendedOn || !m.extensionApprovedById) return null;
    return {
      days: m.extendedBy,
      extendedOn: m.extendedOn,
      reason: m.extensionReason ?? '',
      approvedById: m.extensionApprovedById,
    };
  }

  @ResolveField(() => MeasureReleaseType, {
    nullable: true,
    description: 'Its release, if released.',
  })
  release(m: CompulsoryMeasure): MeasureReleaseType | null {
    if (!m.releasedOn || !m.releaseReason) return null;
    return { releasedOn: m.releasedOn, reason: m.releaseReason, note: m.endNote };
  }

  @ResolveField(() => MeasureDisposalType, {
    nullable: true,
    description: 'How the goods were dealt with, if they were.',
  })
  disposal(m: CompulsoryMeasure): MeasureDisposalType | null {
    if (!m.disposedOn || !m.disposal) return null;
    return {
      disposedOn: m.disposedOn,
      disposal: m.disposal,
      note: m.endNote,
      caseId: m.disposalCaseId,
    };
  }
}

/** Who approved an extension. */
@Resolver(() => MeasureExtensionType)
export class MeasureExtensionResolver {
  constructor(private readonly officers: OfficersRepository) {}

  @ResolveField(() => OfficerType, { nullable: true, description: 'The head who approved it.' })
  async approvedBy(
    extension: MeasureExtensionType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Officer | null> {
    return this.officers.officerOrNull(context.loaders, extension.approvedById);
  }
}

/** The case whose decision a disposal follows. */
@Resolver(() => MeasureDisposalType)
export class MeasureDisposalResolver {
  constructor(private readonly cases: CasesRepository) {}

  @ResolveField(() => CaseType, {
    nullable: true,
    description: 'The case (案件) whose decision it follows (没收), when there is one.',
  })
  async case(
    disposal: MeasureDisposalType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<CaseFile | null> {
    if (!disposal.caseId) return null;
    return this.cases.caseLoader(context.loaders, scopeOf(context)).load(disposal.caseId);
  }
}

/** `Finding.compulsoryMeasures`: the measures taken on a finding, apart from goods removed (下架). */
@Resolver(() => FindingType)
export class FindingMeasuresResolver {
  constructor(private readonly repository: CompulsoryMeasuresRepository) {}

  @ResolveField(() => [CompulsoryMeasureType], {
    description:
      'Compulsory measures (查封、扣押) taken on it, oldest decision first; goods removed from sale voluntarily stay in `goods` (下架).',
  })
  compulsoryMeasures(
    finding: Finding,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<CompulsoryMeasure[]> {
    return this.repository.byFindingLoader(context.loaders, scopeOf(context)).load(finding.id);
  }
}

/** `Case.compulsoryMeasures`: the measures taken on the findings of a case. */
@Resolver(() => CaseType)
export class CaseMeasuresResolver {
  constructor(private readonly repository: CompulsoryMeasuresRepository) {}

  @ResolveField(() => [CompulsoryMeasureType], {
    description: 'Compulsory measures (查封、扣押) taken on its findings, oldest decision first.',
  })
  compulsoryMeasures(
    c: CaseFile,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<CompulsoryMeasure[]> {
    return this.repository.byCaseLoader(context.loaders, scopeOf(context)).load(c.id);
  }
}
