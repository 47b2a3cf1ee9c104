import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { notifyExposedProductsFound } from '../alerts/exposed-product-events';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, FieldError, InvalidState, NotFound } from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { withinJurisdiction } from '../common/scope';
import { CalendarService } from '../common/time/calendar.service';
import { shanghaiDay } from '../common/time/shanghai';
import { Premises } from '../premises/premises.entity';
import type { TargetCategoryType } from '../reference/dto/reference.types';
import { ReferenceService, ReferenceSnapshot } from '../reference/reference.service';
import { Sweep } from '../sweeps/sweep.entity';
import type {
  AddFindingInput,
  FindingInput,
  LogInspectionInput,
  VoidInspectionInput,
} from './dto/inspection.inputs';
import { Finding } from './finding.entity';
import { inspectedAtProblem, officersProblem } from './inspection-rules';
import { Inspection } from './inspection.entity';

/** 市场监督管理行政处罚程序规定 第十八条: decide whether to file a case within 15 working days. */
const CASE_DECISION_WORKING_DAYS = 15;

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
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly reference: ReferenceService,
  ) {}

  async logInspection(
    input: LogInspectionInput,
    officer: CurrentOfficer,
  ): Promise<{ replayed: boolean; inspection: Inspection }> {
    const { replayed, result } = await this.idempotency.run(
      officer,
      'logInspection',
      input.idempotencyKey,
      input,
      async (manager) => ({ inspectionId: await this.writeInspection(manager, input, officer) }),
    );
    return { replayed, inspection: await this.inspectionById(result.inspectionId) };
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
    const finding = await this.dataSource.getRepository(Finding).findOneByOrFail({
      id: result.findingId,
    });
    return { replayed, finding };
  }

  async voidInspection(input: VoidInspectionInput, officer: CurrentOfficer): Promise<Inspection> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockInspection(manager, input.inspectionId, officer);
      if (!before) throw new NotFound('Inspection', input.inspectionId);
      if (before.voided) {
        throw new InvalidState('The inspection is already voided', 'VOIDED', 'VOID');
      }
      const reason = input.reason.trim();
      await manager.update(
        Inspection,
        { id: before.id },
        { voided: true, voidReason: reason, voidedAt: () => 'now()', voidedById: officer.id },
      );
      const findings = await manager.find(Finding, {
        select: { id: true },
        where: { inspectionId: before.id, voided: false },
      });
      await manager.update(Finding, { inspectionId: before.id, voided: false }, { voided: true });
      const after = await manager.findOneByOrFail(Inspection, { id: before.id });
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
        ...findings.map((finding) => ({
          actorId: officer.id,
          action: 'VOID',
          entityType: 'Finding' as const,
          entityId: finding.id,
          before: { voided: false },
          after: { voided: true, voidReason: reason },
          requestId: officer.requestId,
        })),
      );
    });
    return this.inspectionById(input.inspectionId);
  }

  private inspectionById(id: string): Promise<Inspection> {
    return this.dataSource.getRepository(Inspection).findOneByOrFail({ id });
  }

  /** The inspection, locked for this transaction, if it is in the officer's jurisdiction. */
  private async lockInspection(
    manager: EntityManager,
    id: string,
    officer: CurrentOfficer,
  ): Promise<Inspection | null> {
    const query = manager
      .createQueryBuilder(Inspection, 'i')
      .where('i.id = :id', { id })
      .setLock('pessimistic_write');
    return withinJurisdiction(query, 'i.bureau_id', officer).getOne();
  }

  private async writeFinding(
    manager: EntityManager,
    input: AddFindingInput,
    officer: CurrentOfficer,
  ): Promise<string> {
    const inspection = await this.lockInspection(manager, input.inspectionId, officer);
    if (!inspection || inspection.voided) throw new NotFound('Inspection', input.inspectionId);
    const sweep = await this.lockSweep(manager, inspection.sweepId);
    if (!sweep) throw new NotFound('Sweep', inspection.sweepId);
    if (sweep.status !== 'ACTIVE') {
      throw new InvalidState(
        `Findings can be added only while the sweep is ACTIVE; it is ${sweep.status}`,
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

  /** The sweep, share-locked so that it cannot close while a record is written under it. */
  private lockSweep(manager: EntityManager, id: string): Promise<Sweep | null> {
    return manager
      .createQueryBuilder(Sweep, 's')
      .where('s.id = :id', { id })
      .setLock('pessimistic_read')
      .getOne();
  }

  private async writeInspection(
    manager: EntityManager,
    input: LogInspectionInput,
    officer: CurrentOfficer,
  ): Promise<string> {
    const sweep = await this.lockSweep(manager, input.sweepId);
    if (!sweep) throw new NotFound('Sweep', input.sweepId);
    const premises = await withinJurisdiction(
      manager.createQueryBuilder(Premises, 'p').where('p.id = :id', { id: input.premisesId }),
      'p.bureau_id',
      officer,
    ).getOne();
    if (!premises) throw new NotFound('Premises', input.premisesId);
    const snapshot = await this.reference.load(manager);
    const category = snapshot.categoryById.get(input.categoryId);
    if (!category) throw new NotFound('TargetCategory', input.categoryId);
    if (sweep.status !== 'ACTIVE') {
      throw new InvalidState(
        `Inspections can be logged only while the sweep is ACTIVE; it is ${sweep.status}`,
        sweep.status,
        'LOG_INSPECTION',
      );
    }

    const problems = [
      ...(await this.inspectionProblems(manager, input, officer, sweep, category, premises)),
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
    const inserted = await manager.insert(Inspection, {
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
    const inspectionId = (inserted.identifiers[0] as { id: string }).id;
    const inspection = await manager.findOneByOrFail(Inspection, { id: inspectionId });
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
    category: TargetCategoryType,
    premises: Premises,
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    const officerIds = input.officerIds.map((id) => id.toLowerCase());
    const officers = await manager.query<{ id: string; active: boolean }[]>(
      `SELECT id, active FROM officers WHERE id = ANY($1::uuid[])`,
      [officerIds],
    );
    const officersIssue = officersProblem(
      officerIds,
      officer.id,
      new Map(officers.map((row) => [row.id, row.active])),
    );
    if (officersIssue) problems.push({ path: 'input.officerIds', message: officersIssue });

    const [inSweep] = await manager.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM sweep_categories WHERE sweep_id = $1 AND category_id = $2) AS found`,
      [sweep.id, category.id],
    );
    if (!inSweep.found) {
      problems.push({ path: 'input.categoryId', message: 'is not a category of this sweep' });
    } else if (!category.premisesKinds.includes(premises.kind)) {
      problems.push({
        path: 'input.premisesId',
        message: `is a ${premises.kind}, which the category ${category.code} does not cover`,
      });
    }

    const timeIssue = inspectedAtProblem(input.inspectedAt, new Date(), sweep);
    if (timeIssue) problems.push({ path: 'input.inspectedAt', message: timeIssue });

    const itemCodes = new Set(category.checklist.map((item) => item.code));
    const answered = new Set<string>();
    (input.checklist ?? []).forEach((answer, index) => {
      const path = `input.checklist[${index}].itemCode`;
      if (!itemCodes.has(answer.itemCode)) {
        problems.push({ path, message: `is not an item of the ${category.code} checklist` });
      } else if (answered.has(answer.itemCode)) {
        problems.push({ path, message: 'is answered twice' });
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
    const ofSweep = productIds.length
      ? await manager.query<{ id: string }[]>(
          `SELECT ep.id FROM exposed_products ep
           JOIN sweep_exposures se ON se.exposure_id = ep.exposure_id
           WHERE se.sweep_id = $1 AND ep.id = ANY($2::uuid[])`,
          [sweepId, productIds],
        )
      : [];
    const allowed = new Set(ofSweep.map((row) => row.id));
    const problems: FieldError[] = [];
    findings.forEach((finding, index) => {
      if (!snapshot.violationTypeByCode.has(finding.violationTypeCode)) {
        problems.push({
          path: `${pathOf(index)}.violationTypeCode`,
          message: 'is not a known violation type',
        });
      }
      if (finding.exposedProductId && !allowed.has(finding.exposedProductId.toLowerCase())) {
        problems.push({
          path: `${pathOf(index)}.exposedProductId`,
          message: 'is not a product of an exposure of this sweep',
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
    const caseDecisionDue = await this.calendar.addWorkingDays(
      manager,
      foundOn,
      CASE_DECISION_WORKING_DAYS,
    );
    const ids: string[] = [];
    for (const input of findings) {
      const inserted = await manager.insert(Finding, {
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
        createdById: officer.id,
        // Distinct instants within one transaction keep the findings in the order given.
        createdAt: () => 'clock_timestamp()',
      });
      ids.push((inserted.identifiers[0] as { id: string }).id);
    }
    const rows = await manager.findBy(
      Finding,
      ids.map((id) => ({ id })),
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
    const exposedFindings = rows.filter((finding) => finding.exposedProductId);
    await notifyExposedProductsFound(
      manager,
      exposedFindings
        .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
        .map((finding) => ({ findingId: finding.id, bureauId: finding.bureauId })),
    );
    return ids;
  }
}
