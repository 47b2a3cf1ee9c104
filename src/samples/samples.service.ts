import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { decidesFor } from '../auth/heads';
import { CaseClocksService } from '../cases/case-clocks.service';
import { CasesRepository } from '../cases/cases.repository';
import {
  BadUserInput,
  Conflict,
  Forbidden,
  InvalidState,
  NotFound,
} from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { type Message, message, type MessageKey } from '../common/messages/message';
import { type Connection, pageOf } from '../common/pagination/connection';
import { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import type { Finding } from '../inspections/finding.entity';
import { FindingsRepository } from '../inspections/repositories/findings.repository';
import { InspectionsRepository } from '../inspections/repositories/inspections.repository';
import { productLotProblems, storedLot } from '../products/product-lot';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import type {
  FailedItemInput,
  RecordSampleInput,
  RecordSampleReportInput,
  RestFindingOnSampleInput,
  SamplesArgs,
  VoidSampleInput,
} from './dto/sample.inputs';
import type { FailedItem, Sample } from './sample.entity';
import {
  reportProblems,
  reportRefusal,
  restRefusal,
  sampleRecordProblems,
  sampleState,
  testingPeriod,
  voidRefusal,
} from './sample-rules';
import { SamplesRepository } from './samples.repository';

function failedItemsOf(items: FailedItemInput[] | null | undefined): FailedItem[] {
  return (items ?? []).map((item) => ({
    item: item.item.trim(),
    measured: item.measured.trim(),
    limit: item.limit.trim(),
    unit: item.unit?.trim() || null,
  }));
}

function refused(from: string, action: string, reason: MessageKey | Message): InvalidState {
  return new InvalidState(
    message('samples.invalidMove', {
      from: message(`state.${from}` as MessageKey),
      action: message(`samples.action.${action}` as MessageKey),
      reason: typeof reason === 'string' ? message(reason) : reason,
    }),
    from,
    action,
  );
}

/**
 * 抽样检验 / 快检: recording samples on inspections, the lab's report, and findings resting on a
 * failed test, and voiding a sample recorded in error. A lab test keeps the clocks of the findings resting on it (and of their cases)
 * suspended as TESTING from the day taken to the report day (市场监督管理行政处罚程序规定 第十八条
 * 第二款: 检测、检验、检疫、鉴定等期间不计入), in the clock_suspensions of src/cases, so due days,
 * overdue figures and work queues move with it. Each mutation runs once per idempotency key in one
 * transaction with its audit events.
 */
@Injectable()
export class SamplesService {
  constructor(
    private readonly database: Database,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly samples: SamplesRepository,
    private readonly inspections: InspectionsRepository,
    private readonly findings: FindingsRepository,
    private readonly sweeps: SweepsRepository,
    private readonly cases: CasesRepository,
    private readonly clocks: CaseClocksService,
  ) {}

  async recordSample(
    input: RecordSampleInput,
    officer: CurrentOfficer,
  ): Promise<{ replayed: boolean; sample: Sample }> {
    const sampleId = randomUUID();
    const { replayed, result } = await this.idempotency.runWithResult(
      officer,
      'recordSample',
      input.idempotencyKey,
      input,
      { sampleId },
      (manager) => this.writeSample(manager, sampleId, input, officer),
    );
    return { replayed, sample: await this.sampleById(result.sampleId, officer) };
  }

  private async writeSample(
    manager: EntityManager,
    sampleId: string,
    input: RecordSampleInput,
    officer: CurrentOfficer,
  ): Promise<void> {
    const inspection = await this.inspections.lockInScope(
      manager,
      Scope.of(officer),
      input.inspectionId.toLowerCase(),
    );
    if (!inspection || inspection.voided) throw new NotFound('Inspection', input.inspectionId);
    const sweep = await this.sweeps.lock(manager, inspection.sweepId, 'share');
    if (!sweep) throw new NotFound('Sweep', inspection.sweepId);
    if (sweep.status !== 'ACTIVE')
      throw new InvalidState(
        message('samples.sweepNotActive', { status: message(`state.${sweep.status}`) }),
        sweep.status,
        'RECORD_SAMPLE',
      );
    const today = shanghaiDay(new Date());
    const problems = [
      ...productLotProblems(input.product, today, 'input.product'),
      ...sampleRecordProblems(input, shanghaiDay(inspection.inspectedAt), today),
    ];
    if (problems.length) throw new BadUserInput(problems);
    if (await this.samples.numberTaken(manager, inspection.bureauId, input.sampleNumber))
      throw new Conflict(message('samples.numberTaken', { sampleNumber: input.sampleNumber }));
    const rapid = input.method === 'RAPID_TEST';
    const sample = await this.samples.insert(manager, {
      id: sampleId,
      inspectionId: inspection.id,
      sweepId: inspection.sweepId,
      // The premises' bureau, as the inspection's: scope and figures follow the jurisdiction.
      bureauId: inspection.bureauId,
      premisesId: inspection.premisesId,
      categoryId: inspection.categoryId,
      method: input.method,
      sampleNumber: input.sampleNumber,
      product: storedLot(input.product),
      takenOn: input.takenOn,
      labName: rapid ? null : input.labName!.trim(),
      // A rapid test's result is known on the spot: reported the day taken.
      reportedOn: rapid ? input.takenOn : null,
      result: rapid ? input.result! : null,
      failedItems: failedItemsOf(input.failedItems),
      note: input.note?.trim() || null,
      recordedById: officer.id,
    });
    await this.audit.record(manager, {
      actorId: officer.id,
      action: 'CREATE',
      entityType: 'Sample',
      entityId: sample.id,
      after: sample,
      requestId: officer.requestId,
    });
  }

  async recordSampleReport(
    input: RecordSampleReportInput,
    officer: CurrentOfficer,
  ): Promise<{ replayed: boolean; sample: Sample }> {
    const { replayed, result } = await this.idempotency.run(
      officer,
      'recordSampleReport',
      input.idempotencyKey,
      input,
      async (manager) => {
        const before = await this.samples.lockInScope(
          manager,
          Scope.of(officer),
          input.sampleId.toLowerCase(),
        );
        if (!before) throw new NotFound('Sample', input.sampleId);
        if (before.version !== input.expectedVersion)
          throw new Conflict(message('samples.staleSample'), { currentVersion: before.version });
        const refusal = reportRefusal(before);
        if (refusal) throw refused(sampleState(before), 'RECORD_SAMPLE_REPORT', refusal);
        const problems = reportProblems(input, before.takenOn, shanghaiDay(new Date()));
        if (problems.length) throw new BadUserInput(problems);
        const after = await this.samples.recordReport(manager, before.id, {
          reportNumber: input.reportNumber.trim(),
          reportedOn: input.reportedOn,
          result: input.result,
          failedItems: failedItemsOf(input.failedItems),
        });
        const resumed = await this.resumeClocks(manager, before, input.reportedOn, officer);
        await this.audit.record(
          manager,
          {
            actorId: officer.id,
            action: 'RECORD_SAMPLE_REPORT',
            entityType: 'Sample',
            entityId: before.id,
            before,
            after,
            requestId: officer.requestId,
          },
          ...resumed,
        );
        return { sampleId: before.id };
      },
    );
    return { replayed, sample: await this.sampleById(result.sampleId, officer) };
  }

  /**
   * Ends the TESTING suspensions the lab test took on the report day and recomputes the clocks of
   * the findings and cases they paused; returns the audit events of those moves.
   */
  private async resumeClocks(
    manager: EntityManager,
    sample: Sample,
    reportedOn: string,
    officer: CurrentOfficer,
  ): Promise<AuditEntry[]> {
    const sampleId = sample.id;
    const ended = await this.cases.endSuspensionsOfSample(manager, sampleId, reportedOn);
    const findingIds = [
      ...new Set(ended.map((row) => row.findingId).filter((id): id is string => id != null)),
    ];
    const pausedCaseIds = [
      ...new Set(ended.map((row) => row.caseId).filter((id): id is string => id != null)),
    ];
    const calendar = await this.clocks.calendar(manager);
    const before = await this.cases.lockFindingsInScope(manager, Scope.system(), findingIds);
    // A case's refresh rewrites its findings too: each case once, a finding alone only outside one.
    const caseIds = new Set(pausedCaseIds);
    for (const finding of before) {
      if (finding.caseId) caseIds.add(finding.caseId);
      else await this.clocks.refreshFinding(manager, finding, calendar);
    }
    for (const caseId of caseIds) await this.clocks.refreshCase(manager, caseId, calendar);
    const after = new Map(
      (await this.cases.lockFindingsInScope(manager, Scope.system(), findingIds)).map((row) => [
        row.id,
        row,
      ]),
    );
    return [
      ...before.map((finding) =>
        findingEvent('RESUME_FILING_CLOCK', finding, after.get(finding.id)!, officer),
      ),
      ...pausedCaseIds.map((caseId) => ({
        actorId: officer.id,
        action: 'RESUME_CASE',
        entityType: 'Case' as const,
        entityId: caseId,
        after: { resumedOn: reportedOn, reason: 'TESTING', sampleId },
        requestId: officer.requestId,
      })),
    ];
  }

  async restFindingOnSample(
    input: RestFindingOnSampleInput,
    officer: CurrentOfficer,
  ): Promise<{ replayed: boolean; finding: Finding }> {
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'restFindingOnSample',
      input.idempotencyKey,
      input,
      async (manager) => {
        const [before] = await this.cases.lockFindingsInScope(manager, scope, [
          input.findingId.toLowerCase(),
        ]);
        if (!before) throw new NotFound('Finding', input.findingId);
        if (before.version !== input.expectedVersion)
          throw new Conflict(message('samples.staleVersion'), { currentVersion: before.version });
        const sample = await this.samples.lockInScope(manager, scope, input.sampleId.toLowerCase());
        if (!sample) throw new NotFound('Sample', input.sampleId);
        if (before.sampleId)
          throw new Conflict(
            message('samples.findingHasSample', {
              sampleNumber:
                (await this.samples.findInScope(manager, Scope.system(), before.sampleId))
                  ?.sampleNumber ?? before.sampleId,
            }),
          );
        const refusal = restRefusal(sample, before);
        if (refusal) throw refused(sampleState(sample), 'REST_FINDING_ON_SAMPLE', refusal);
        await this.findings.setSample(manager, before.id, sample.id);
        const caseEvents = await this.suspendClocks(manager, before, sample, officer);
        const [changed] = await this.cases.lockFindingsInScope(manager, Scope.system(), [
          before.id,
        ]);
        await this.clocks.refreshFinding(manager, changed);
        const [after] = await this.cases.lockFindingsInScope(manager, Scope.system(), [before.id]);
        await this.audit.record(
          manager,
          findingEvent('REST_ON_SAMPLE', before, after, officer),
          ...caseEvents,
        );
        return { findingId: before.id };
      },
    );
    const [finding] = await this.cases.lockFindingsInScope(
      this.database.manager,
      scope,
      [result.findingId],
      false,
    );
    if (!finding) throw new NotFound('Finding', result.findingId);
    return { replayed, finding };
  }

  /**
   * The TESTING suspensions a lab test takes for a finding resting on it: of the finding's filing
   * clock, and of its case's clocks when it is in one (once per case and sample). A rapid test
   * takes none. Returns the audit events of the case moves.
   */
  private async suspendClocks(
    manager: EntityManager,
    finding: Finding,
    sample: Sample,
    officer: CurrentOfficer,
  ): Promise<AuditEntry[]> {
    const period = testingPeriod(sample);
    if (!period) return [];
    const row = {
      reason: 'TESTING' as const,
      from: period.from,
      to: period.to,
      note: sample.sampleNumber,
      sampleId: sample.id,
      officerId: officer.id,
    };
    await this.cases.insertSuspension(manager, { ...row, findingId: finding.id });
    if (!finding.caseId) return [];
    // The case takes the lab days too, unless they were over by its filing day.
    const filedOn = finding.caseFiledOn ?? finding.filingDecidedOn ?? period.from;
    const taken = await this.cases.copySampleSuspensionsToCase(
      manager,
      finding.caseId,
      [finding.id],
      officer.id,
      filedOn,
    );
    if (taken === 0) return [];
    return [
      {
        actorId: officer.id,
        action: 'SUSPEND_CASE',
        entityType: 'Case',
        entityId: finding.caseId,
        after: { ...row },
        requestId: officer.requestId,
      },
    ];
  }

  /**
   * Voids (作废) a sample recorded in error, with the reason: the head of its bureau's decision
   * (decidesFor), refused while findings rest on it (they would keep TESTING suspensions of a
   * voided test), so voiding touches no clock.
   */
  async voidSample(
    input: VoidSampleInput,
    officer: CurrentOfficer,
  ): Promise<{ replayed: boolean; sample: Sample }> {
    const { replayed, result } = await this.idempotency.run(
      officer,
      'voidSample',
      input.idempotencyKey,
      input,
      async (manager) => {
        const before = await this.samples.lockInScope(
          manager,
          Scope.of(officer),
          input.sampleId.toLowerCase(),
        );
        if (!before) throw new NotFound('Sample', input.sampleId);
        if (!decidesFor(officer, before.bureauId))
          throw new Forbidden(message('samples.voidHeadOnly'));
        if (before.version !== input.expectedVersion)
          throw new Conflict(message('samples.staleSample'), { currentVersion: before.version });
        const refusal = voidRefusal(
          before,
          before.voided ? 0 : await this.findings.countRestingOn(manager, before.id),
        );
        if (refusal) throw refused(sampleState(before), 'VOID', refusal);
        const after = await this.samples.markVoided(
          manager,
          before.id,
          input.reason.trim(),
          officer.id,
        );
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'VOID',
          entityType: 'Sample',
          entityId: before.id,
          before,
          after,
          requestId: officer.requestId,
        });
        return { sampleId: before.id };
      },
    );
    return { replayed, sample: await this.sampleById(result.sampleId, officer) };
  }

  list(args: SamplesArgs, officer: CurrentOfficer): Promise<Connection<Sample>> {
    const filter = args.filter ?? {};
    return this.database.read((manager) =>
      this.samples.list(
        manager,
        Scope.of(officer),
        {
          sweepId: filter.sweepId,
          subtreeOf: filter.bureauId,
          inspectionId: filter.inspectionId,
          method: filter.method,
          results: filter.results,
          pendingReport: filter.pendingReport,
          includeVoided: filter.includeVoided,
        },
        pageOf(args),
        args.orderBy?.direction ?? 'DESC',
      ),
    );
  }

  async sampleById(id: string, officer: CurrentOfficer): Promise<Sample> {
    const sample = await this.samples.findInScope(this.database.manager, Scope.of(officer), id);
    if (!sample) throw new NotFound('Sample', id);
    return sample;
  }
}

function findingEvent(
  action: string,
  before: Finding,
  after: Finding,
  officer: CurrentOfficer,
): AuditEntry {
  return {
    actorId: officer.id,
    action,
    entityType: 'Finding',
    entityId: before.id,
    before,
    after,
    requestId: officer.requestId,
  };
}
