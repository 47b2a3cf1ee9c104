import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notifyExposedProductsFound } from '../alerts/exposed-product-events';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, FieldError, InvalidState, NotFound } from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { CalendarService } from '../common/time/calendar.service';
import { ruleFor } from '../cases/clocks';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import { OfficersRepository } from '../officers/officers.repository';
import { twoOfficersProblem } from '../officers/two-officers';
import type { Premises } from '../premises/premises.entity';
import { PremisesRepository } from '../premises/premises.repository';
import type { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService, ReferenceSnapshot } from '../reference/reference.service';
import type { Sweep } from '../sweeps/sweep.entity';
import { SweepsRepository } from '../sweeps/sweeps.repository';
import type {
  AddFindingInput,
  FindingInput,
  LogInspectionInput,
  VoidInspectionInput,
} from './dto/inspection.inputs';
import type { Finding } from './finding.entity';
import { categoryChoiceProblems, inspectedAtProblem } from './inspection-rules';
import type { Inspection } from './inspection.entity';
import { FindingsRepository } from './repositories/findings.repository';
import { InspectionsRepository } from './repositories/inspections.repository';

/**
 * The category an inspection names, by id or by code (exactly one, checked before the
 * transaction), from the reference snapshot the transaction reads anyway: no statement of its own.
 * `categoryPath` is the field that named it, for the problems found with it later.
 */
function categoryOfInput(
  snapshot: ReferenceSnapshot,
  input: LogInspectionInput,
): { category: TargetCategoryType; categoryPath: string } {
  if (input.categoryCode != null) {
    const category = snapshot.categoryByCode.get(input.categoryCode);
    if (!category) {
      throw BadUserInput.field('input.categoryCode', message('inspections.unknownCategoryCode'));
    }
    return { category, categoryPath: 'input.categoryCode' };
  }
  const categoryId = input.categoryId as string;
  const category = snapshot.categoryById.get(categoryId);
  if (!category) throw new NotFound('TargetCategory', categoryId);
  return { category, categoryPath: 'input.categoryId' };
}

interface InspectionContext {
  id: string;
  sweepId: string;
  categoryId: string;
  premisesId: string;
  bureauId: string;
  inspectedAt: Date;
}

/**
 * 检查记录 and 发现问题: logging inspections with their findings, adding findings later and voiding
 * inspections. Each mutation runs in one transaction with its audit events.
 */
@Injectable()
export class InspectionsService {
  constructor(
    private readonly database: Database,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly reference: ReferenceService,
    private readonly inspections: InspectionsRepository,
    private readonly findings: FindingsRepository,
    private readonly sweeps: SweepsRepository,
    private readonly officers: OfficersRepository,
    private readonly premises: PremisesRepository,
  ) {}

  async logInspection(
    input: LogInspectionInput,
    officer: CurrentOfficer,
  ): Promise<{ replayed: boolean; inspection: Inspection }> {
    const choice = categoryChoiceProblems(input);
    if (choice.length) throw new BadUserInput(choice);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'logInspection',
      input.idempotencyKey,
      input,
      async (manager) => ({ inspectionId: await this.writeInspection(manager, input, officer) }),
    );
    return { replayed, inspection: await this.inspectionById(result.inspectionId, officer) };
  }

  async addFinding(
    input: AddFindingInput,
    officer: CurrentOfficer,
  ): Promise<{ replayed: boolean; finding: Finding }> {
    const { replayed, result } = await this.idempotency.run(
      officer,
      'addFinding',
      input.idempotencyKey,
      input,
      async (manager) => ({ findingId: await this.writeFinding(manager, input, officer) }),
    );
    const finding = await this.findings.findInScope(
      this.database.manager,
      Scope.of(officer),
      result.findingId,
    );
    if (!finding) throw new NotFound('Finding', result.findingId);
    return { replayed, finding };
  }

  async voidInspection(input: VoidInspectionInput, officer: CurrentOfficer): Promise<Inspection> {
    await this.database.transaction(async (manager) => {
      const before = await this.inspections.lockInScope(
        manager,
        Scope.of(officer),
        input.inspectionId,
      );
      if (!before) throw new NotFound('Inspection', input.inspectionId);
      if (before.voided) {
        throw new InvalidState(message('inspections.alreadyVoided'), 'VOIDED', 'VOID');
      }
      const reason = input.reason.trim();
      const after = await this.inspections.markVoided(manager, before.id, reason, officer.id);
      const findingIds = await this.findings.voidOfInspection(manager, before.id);
      await this.audit.record(
        manager,
        {
          actorId: officer.id,
          action: 'VOID',
          entityType: 'Inspection',
          entityId: before.id,
          before,
          after,
          requestId: officer.requestId,
        },
        ...findingIds.map((findingId) => ({
          actorId: officer.id,
          action: 'VOID',
          entityType: 'Finding' as const,
          entityId: findingId,
          before: { voided: false },
          after: { voided: true, voidReason: reason },
          requestId: officer.requestId,
        })),
      );
    });
    return this.inspectionById(input.inspectionId, officer);
  }

  /** The inspection as stored now, read back on the primary after a write, in the caller's scope. */
  private async inspectionById(id: string, officer: CurrentOfficer): Promise<Inspection> {
    const [inspection] = await this.inspections.findInScope(
      this.database.manager,
      Scope.of(officer),
      [id],
    );
    if (!inspection) throw new NotFound('Inspection', id);
    return inspection;
  }

  private async writeFinding(
    manager: EntityManager,
    input: AddFindingInput,
    officer: CurrentOfficer,
  ): Promise<string> {
    const inspection = await this.inspections.lockInScope(
      manager,
      Scope.of(officer),
      input.inspectionId,
    );
    if (!inspection || inspection.voided) throw new NotFound('Inspection', input.inspectionId);
    const sweep = await this.sweeps.lock(manager, inspection.sweepId, 'share');
    if (!sweep) throw new NotFound('Sweep', inspection.sweepId);
    if (sweep.status !== 'ACTIVE') {
      throw new InvalidState(
        message('findings.sweepNotActive', { status: message(`state.${sweep.status}`) }),
        sweep.status,
        'ADD_FINDING',
      );
    }
    const snapshot = await this.reference.load(manager);
    const problems = await this.findingProblems(
      manager,
      snapshot,
      sweep.id,
      [input.finding],
      () => 'input.finding',
    );
    if (problems.length) throw new BadUserInput(problems);
    const [findingId] = await this.insertFindings(
      manager,
      inspection,
      [input.finding],
      snapshot,
      officer,
    );
    return findingId;
  }

  private async writeInspection(
    manager: EntityManager,
    input: LogInspectionInput,
    officer: CurrentOfficer,
  ): Promise<string> {
    const sweep = await this.sweeps.lock(manager, input.sweepId, 'share');
    if (!sweep) throw new NotFound('Sweep', input.sweepId);
    const premises = await this.premises.findInScope(manager, Scope.of(officer), input.premisesId);
    if (!premises) throw new NotFound('Premises', input.premisesId);
    const snapshot = await this.reference.load(manager);
    const { category, categoryPath } = categoryOfInput(snapshot, input);
    if (sweep.status !== 'ACTIVE') {
      throw new InvalidState(
        message('inspections.sweepNotActive', { status: message(`state.${sweep.status}`) }),
        sweep.status,
        'LOG_INSPECTION',
      );
    }

    const problems = [
      ...(await this.inspectionProblems(
        manager,
        input,
        officer,
        sweep,
        { category, path: categoryPath },
        premises,
      )),
      ...(await this.findingProblems(
        manager,
        snapshot,
        sweep.id,
        input.findings ?? [],
        (index) => `input.findings[${index}]`,
      )),
    ];
    if (problems.length) throw new BadUserInput(problems);

    const officerIds = [...new Set(input.officerIds.map((id) => id.toLowerCase()))];
    const inspection = await this.inspections.insert(manager, {
      sweepId: sweep.id,
      categoryId: category.id,
      premisesId: premises.id,
      // The premises' responsible bureau: scope and statistics follow the jurisdiction.
      bureauId: premises.bureauId,
      officerIds,
      recordedById: officer.id,
      inspectedAt: input.inspectedAt,
      outcome: input.outcome,
      checklist: (input.checklist ?? []).map((answer) => ({
        itemCode: answer.itemCode,
        result: answer.result,
        note: answer.note ?? null,
      })),
      notes: input.notes ?? null,
    });
    await this.audit.record(manager, {
      actorId: officer.id,
      action: 'CREATE',
      entityType: 'Inspection',
      entityId: inspection.id,
      after: inspection,
      requestId: officer.requestId,
    });
    await this.insertFindings(manager, inspection, input.findings ?? [], snapshot, officer);
    return inspection.id;
  }

  private async inspectionProblems(
    manager: EntityManager,
    input: LogInspectionInput,
    officer: CurrentOfficer,
    sweep: Sweep,
    { category, path: categoryPath }: { category: TargetCategoryType; path: string },
    premises: Premises,
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const officerIds = input.officerIds.map((id) => id.toLowerCase());
    const officersIssue = twoOfficersProblem(
      officerIds,
      officer.id,
      await this.officers.eligibleForVisit(manager, officerIds, premises.bureauId),
    );
    if (officersIssue) problems.push({ path: 'input.officerIds', message: officersIssue });

    if (!(await this.sweeps.categoryInSweep(manager, sweep.id, category.id))) {
      problems.push({
        path: categoryPath,
        message: message('inspections.categoryNotOfSweep'),
      });
    } else if (!category.premisesKinds.includes(premises.kind)) {
      problems.push({
        path: 'input.premisesId',
        message: message('inspections.kindNotCovered', {
          kind: premises.kind,
          category: category.code,
        }),
      });
    }

    const timeIssue = inspectedAtProblem(input.inspectedAt, new Date(), sweep);
    if (timeIssue) problems.push({ path: 'input.inspectedAt', message: timeIssue });

    const itemCodes = new Set(category.checklist.map((item) => item.code));
    const answered = new Set<string>();
    (input.checklist ?? []).forEach((answer, index) => {
      const path = `input.checklist[${index}].itemCode`;
      if (!itemCodes.has(answer.itemCode)) {
        problems.push({
          path,
          message: message('inspections.notAChecklistItem', { category: category.code }),
        });
      } else if (answered.has(answer.itemCode)) {
        problems.push({ path, message: message('inspections.answeredTwice') });
      }
      answered.add(answer.itemCode);
    });
    return problems;
  }

  private async findingProblems(
    manager: EntityManager,
    snapshot: ReferenceSnapshot,
    sweepId: string,
    findings: FindingInput[],
    pathOf: (index: number) => string,
  ): Promise<FieldError[]> {
    const productIds = findings
      .map((finding) => finding.exposedProductId?.toLowerCase())
      .filter((id): id is string => Boolean(id));
    const allowed = await this.sweeps.exposedProductsOfSweep(manager, sweepId, productIds);
    const problems: FieldError[] = [];
    findings.forEach((finding, index) => {
      if (!snapshot.violationTypeByCode.has(finding.violationTypeCode)) {
        problems.push({
          path: `${pathOf(index)}.violationTypeCode`,
          message: message('findings.unknownViolationType'),
        });
      }
      if (finding.exposedProductId && !allowed.has(finding.exposedProductId.toLowerCase())) {
        problems.push({
          path: `${pathOf(index)}.exposedProductId`,
          message: message('findings.productNotOfSweep'),
        });
      }
    });
    return problems;
  }

  /** Writes findings in the order given, copying sweep, bureau, premises and category. */
  private async insertFindings(
    manager: EntityManager,
    inspection: InspectionContext,
    findings: FindingInput[],
    snapshot: ReferenceSnapshot,
    officer: CurrentOfficer,
  ): Promise<string[]> {
    if (findings.length === 0) return [];
    const foundOn = shanghaiDay(inspection.inspectedAt);
    // The filing clock's length by the rule in force on the day it was found (src/cases/clocks.ts).
    const caseDecisionDue = await this.calendar.addWorkingDays(
      manager,
      foundOn,
      ruleFor('FILING_DECISION', foundOn).length,
    );
    const rows = await this.findings.insert(
      manager,
      findings.map((input) => ({
        inspectionId: inspection.id,
        sweepId: inspection.sweepId,
        bureauId: inspection.bureauId,
        premisesId: inspection.premisesId,
        categoryId: inspection.categoryId,
        violationTypeCode: input.violationTypeCode,
        severity:
          input.severity ??
          snapshot.violationTypeByCode.get(input.violationTypeCode)!.defaultSeverity,
        description: input.description,
        exposedProductId: input.exposedProductId?.toLowerCase() ?? null,
        goodsQuantity: input.goods ? String(input.goods.quantity) : null,
        goodsUnit: input.goods?.unit ?? null,
        goodsValue: input.goods?.value ?? null,
        evidence: (input.evidence ?? []).map((evidence) => ({
          fileName: evidence.fileName,
          mediaType: evidence.mediaType,
          sizeBytes: evidence.sizeBytes,
          sha256: evidence.sha256,
        })),
        foundOn,
        caseDecisionDue,
        dueOn: caseDecisionDue,
        createdById: officer.id,
      })),
    );
    await this.audit.record(
      manager,
      ...rows.map((finding) => ({
        actorId: officer.id,
        action: 'CREATE',
        entityType: 'Finding' as const,
        entityId: finding.id,
        after: finding,
        requestId: officer.requestId,
      })),
    );
    // 发现被曝光产品: alert managers' dashboards once this transaction commits.
    await notifyExposedProductsFound(
      manager,
      rows
        .filter((finding) => finding.exposedProductId)
        .map((finding) => ({ findingId: finding.id, bureauId: finding.bureauId })),
    );
    return rows.map((finding) => finding.id);
  }
}
