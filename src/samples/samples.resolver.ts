import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CurrentOfficer } from '../auth/current-officer';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Connection } from '../common/pagination/connection';
import { UuidPipe } from '../common/validation/uuid.pipe';
import { type GraphQLContext, scopeOf } from '../graphql/context';
import { InspectionType } from '../inspections/dto/inspection.types';
import type { Inspection } from '../inspections/inspection.entity';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { OfficerType } from '../officers/dto/officer.types';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import {
  RecordSampleInput,
  RecordSampleReportInput,
  RestFindingOnSampleInput,
  SamplesArgs,
  VoidSampleInput,
} from './dto/sample.inputs';
import {
  RecordSamplePayload,
  RecordSampleReportPayload,
  RestFindingOnSamplePayload,
  SampleConnection,
  SampleType,
  VoidSamplePayload,
} from './dto/sample.types';
import type { Sample } from './sample.entity';
import { SamplesService } from './samples.service';

@Resolver(() => SampleType)
export class SamplesResolver {
  constructor(
    private readonly service: SamplesService,
    private readonly inspections: InspectionsRepository,
    private readonly officers: OfficersRepository,
  ) {}

  @Mutation(() => RecordSamplePayload, {
    description:
      'Records a sample taken on an inspection (抽样检验 / 快检): a rapid test with its result, or a lab test whose report comes later. INSPECTOR, SUPERVISOR or MANAGER, in their jurisdiction, while the sweep is ACTIVE. Idempotent by `idempotencyKey`.',
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  recordSample(
    @Args('input', { description: 'The sample.' }) input: RecordSampleInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<RecordSamplePayload> {
    return this.service.recordSample(input, officer);
  }

  @Mutation(() => RecordSampleReportPayload, {
    description:
      'Records the lab’s report (检验报告) on a LAB_TEST sample, once; the TESTING suspensions it took end on the report day. INSPECTOR, SUPERVISOR or MANAGER, in their jurisdiction. Idempotent by `idempotencyKey`.',
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  recordSampleReport(
    @Args('input', { description: 'The report.' }) input: RecordSampleReportInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<RecordSampleReportPayload> {
    return this.service.recordSampleReport(input, officer);
  }

  @Mutation(() => RestFindingOnSamplePayload, {
    description:
      'Rests a finding on a failed (or pending lab) test of its premises (以检验结论为依据); a lab test suspends its clocks as TESTING (市场监督管理行政处罚程序规定 第十八条第二款). INSPECTOR, SUPERVISOR or MANAGER, in their jurisdiction. Idempotent by `idempotencyKey`.',
  })
  @Roles('INSPECTOR', 'SUPERVISOR', 'MANAGER')
  restFindingOnSample(
    @Args('input', { description: 'The finding and the sample.' }) input: RestFindingOnSampleInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<RestFindingOnSamplePayload> {
    return this.service.restFindingOnSample(input, officer);
  }

  @Mutation(() => VoidSamplePayload, {
    description:
      'Voids (作废) a sample recorded in error, with a reason: it stays on its inspection, flagged, and leaves the samples list and the figures (抽检／不合格). A SUPERVISOR of the sample’s own bureau, or a MANAGER; refused while a finding rests on it. Idempotent by `idempotencyKey`.',
  })
  @Roles('SUPERVISOR', 'MANAGER')
  voidSample(
    @Args('input', { description: 'The sample to void and why.' }) input: VoidSampleInput,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<VoidSamplePayload> {
    return this.service.voidSample(input, officer);
  }

  @Query(() => SampleConnection, {
    description:
      'Samples (抽样检验), by the day taken (default latest first). Inspectors and supervisors see their jurisdiction, managers everything.',
  })
  samples(
    @Args() args: SamplesArgs,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Connection<Sample>> {
    return this.service.list(args, officer);
  }

  @Query(() => SampleType, {
    nullable: true,
    description:
      'One sample by id. Outside the caller’s jurisdiction, or unknown: null with NOT_FOUND.',
  })
  sample(
    @Args('id', { type: () => ID, description: 'UUID of the sample.' }, UuidPipe) id: string,
    @CurrentUser() officer: CurrentOfficer,
  ): Promise<Sample> {
    return this.service.sampleById(id, officer);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether a lab test’s report is still to come (待出报告).',
  })
  pendingReport(sample: SampleType): boolean {
    return sample.method === 'LAB_TEST' && sample.result === null;
  }

  @ResolveField(() => InspectionType, { description: 'The inspection it was taken on.' })
  inspection(sample: SampleType, _args: unknown, context: GraphQLContext): Promise<Inspection> {
    return this.inspections
      .inspectionLoader(context.loaders, scopeOf(context))
      .load(sample.inspectionId);
  }

  @ResolveField(() => OfficerType, { nullable: true, description: 'Who voided it, if voided.' })
  async voidedBy(
    sample: SampleType,
    _args: unknown,
    context: GraphQLContext,
  ): Promise<Officer | null> {
    return this.officers.officerOrNull(context.loaders, sample.voidedById);
  }
}
