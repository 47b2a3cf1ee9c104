import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type ExposedProductEvent,
  notifyExposedProductsFound,
} from '../alerts/exposed-product-events';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, FieldError, InvalidState, NotFound } from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { CalendarService } from '../common/time/calendar.service';
import { ruleFor } from '../cases/clocks';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import type { ExposedProduct } from '../exposures/exposed-product.entity';
import { ExposuresRepository } from '../exposures/exposures.repository';
import type { Loaders } from '../graphql/loaders';
import type { Officer } from '../officers/officer.entity';
import { OfficersRepository } from '../officers/officers.repository';
import { twoOfficersProblem } from '../officers/two-officers';
import type { Premises } from '../premises/premises.entity';
import { PremisesRepository } from '../premises/premises.repository';
import { matchingExposedProduct, productLotProblems, storedLot } from '../products/product-lot';
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
import { FindingsRepository, type NewFinding } from './repositories/findings.repository';
import {
  type InspectionContext,
  InspectionContextRepository,
} from './repositories/inspection-context.repository';
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

/** The inspection a finding is recorded on: what the finding copies from it. */
interface FindingParent {
  id: string;
  sweepId: string;
  categoryId: string;
  premisesId: string;
  bureauId: string;
  inspectedAt: Date;
}

/** What logInspection wrote and read, to answer its payload without reading it again. */
interface LoggedInspection {
  inspection: Inspection;
  findings: Finding[];
  premises: Premises;
  officers: Officer[];
  exposedProducts: ExposedProduct[];
  snapshot: ReferenceSnapshot;
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
    private readonly exposures: ExposuresRepository,
    private readonly context: InspectionContextRepository,
  ) {}

  /**
   * Logs the inspection. With the request's `loaders` (the resolver's), the payload's nested
   * fields are answered from what the transaction read and wrote, without reading them again.
   */
  async logInspection(
    input: LogInspectionInput,
    officer: CurrentOfficer,
    loaders?: Loaders,
  ): Promise<{ replayed: boolean; inspection: Inspection }> {
    const choice = categoryChoiceProblems(input);
    if (choice.length) throw new BadUserInput(choice);
    const logged: { value?: LoggedInspection } = {};
    // The id is made here, so the idempotency record is written with its result in one statement.
    const inspectionId = randomUUID();
    const { replayed, result } = await this.idempotency.runWithResult(
      officer,
      'logInspection',
      input.idempotencyKey,
      input,
      { inspectionId },
      async (manager) => {
        logged.value = await this.writeInspection(manager, inspectionId, input, officer);
      },
    );
    // Committed by now: what was written is what a read would find.
    if (!replayed && logged.value) {
      if (loaders) this.primeAnswer(loaders, officer, logged.value);
      return { replayed, inspection: logged.value.inspection };
    }
    return { replayed, inspection: await this.inspectionById(result.inspectionId, officer) };
  }

  /** Gives the request's loaders the records the payload's fields would otherwise read. */
  private primeAnswer(loaders: Loaders, officer: CurrentOfficer, logged: LoggedInspection): void {
    const scope = Scope.of(officer);
    this.premises.premisesLoader(loaders, scope).prime(logged.premises.id, logged.premises);
    const officerLoader = this.officers.officerLoader(loaders);
    for (const present of logged.officers) officerLoader.prime(present.id, present);
    this.findings.byInspectionLoader(loaders, scope).prime(logged.inspection.id, logged.findings);
    const productLoader = this.exposures.exposedProductLoader(loaders);
    for (const product of logged.exposedProducts) productLoader.prime(product.id, product);
    this.reference.primeRequest(loaders, logged.snapshot);
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
    const allowed = await this.sweeps.exposedProductsOfSweep(
      manager,
      sweep.id,
      exposedProductIdsOf([input.finding]),
    );
    const exposed = needsMatching([input.finding])
      ? await this.sweeps.allExposedProductsOfSweep(manager, sweep.id)
      : [];
    const problems = this.findingProblems(
      snapshot,
      allowed,
      [input.finding],
      () => 'input.finding',
    );
    if (problems.length) throw new BadUserInput(problems);
    const foundOn = shanghaiDay(inspection.inspectedAt);
    // The filing clock's length by the rule in force on the day it was found (src/cases/clocks.ts).
    const caseDecisionDue = await this.calendar.addWorkingDays(
      manager,
      foundOn,
      ruleFor('FILING_DECISION', foundOn).length,
    );
    const [finding] = await this.findings.insert(
      manager,
      findingRows(inspection, [input.finding], snapshot, officer, caseDecisionDue, exposed),
    );
    await this.audit.record(manager, findingCreated(finding, officer));
    await notifyExposedProductsFound(manager, alertsOf([finding]));
    return finding.id;
  }

  /**
   * Checks and writes the inspection, its findings and their audit events: one statement reads
   * everything the checks need (InspectionContextRepository), one writes the inspection with its
   * findings, one the audit events (issue 15).
   */
  private async writeInspection(
    manager: EntityManager,
    inspectionId: string,
    input: LogInspectionInput,
    officer: CurrentOfficer,
  ): Promise<LoggedInspection> {
    const findings = input.findings ?? [];
    const officerIds = [...new Set(input.officerIds.map((id) => id.toLowerCase()))];
    const foundOn = shanghaiDay(input.inspectedAt);
    // The filing clock's length by the rule in force on the day it was found (src/cases/clocks.ts).
    const filingDays = ruleFor('FILING_DECISION', foundOn).length;
    const context = await this.context.read(manager, Scope.of(officer), {
      sweepId: input.sweepId,
      premisesId: input.premisesId,
      officerIds,
      exposedProductIds: exposedProductIdsOf(findings),
      allExposedProducts: needsMatching(findings),
      calendar: findings.length ? CalendarService.window(foundOn, filingDays) : null,
    });
    if (!context) throw new NotFound('Sweep', input.sweepId);
    const { sweep, premises } = context;
    if (!premises) throw new NotFound('Premises', input.premisesId);
    const snapshot = await this.reference.atVersion(manager, context.referenceVersion);
    const { category, categoryPath } = categoryOfInput(snapshot, input);
    if (sweep.status !== 'ACTIVE') {
      throw new InvalidState(
        message('inspections.sweepNotActive', { status: message(`state.${sweep.status}`) }),
        sweep.status,
        'LOG_INSPECTION',
      );
    }

    const allowed = new Set(context.exposedProducts.map((product) => product.id));
    const problems = [
      ...this.inspectionProblems(
        input,
        officer,
        sweep,
        { category, path: categoryPath },
        premises,
        context,
      ),
      ...this.findingProblems(snapshot, allowed, findings, (index) => `input.findings[${index}]`),
    ];
    if (problems.length) throw new BadUserInput(problems);

    const values = {
      id: inspectionId,
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
    };
    const { inspection, findings: written } = await this.inspections.insert(
      manager,
      values,
      findingRows(
        values,
        findings,
        snapshot,
        officer,
        findings.length
          ? CalendarService.addWorkingDaysWith(foundOn, filingDays, context.calendarExceptions)
          : foundOn,
        context.exposedProducts,
      ),
    );
    await this.audit.record(
      manager,
      {
        actorId: officer.id,
        action: 'CREATE',
        entityType: 'Inspection',
        entityId: inspection.id,
        after: inspection,
        requestId: officer.requestId,
      },
      ...written.map((finding) => findingCreated(finding, officer)),
    );
    // 发现被曝光产品: alert managers' dashboards once this transaction commits.
    await notifyExposedProductsFound(manager, alertsOf(written));
    const byId = new Map(context.eligibleOfficers.map((present) => [present.id, present]));
    return {
      inspection,
      findings: written,
      premises,
      officers: officerIds.map((id) => byId.get(id)!),
      exposedProducts: context.exposedProducts,
      snapshot,
    };
  }

  private inspectionProblems(
    input: LogInspectionInput,
    officer: CurrentOfficer,
    sweep: Sweep,
    { category, path: categoryPath }: { category: TargetCategoryType; path: string },
    premises: Premises,
    context: InspectionContext,
  ): FieldError[] {
    const problems: FieldError[] = [];
    const officerIds = input.officerIds.map((id) => id.toLowerCase());
    const officersIssue = twoOfficersProblem(
      officerIds,
      officer.id,
      new Set(context.eligibleOfficers.map((eligible) => eligible.id)),
    );
    if (officersIssue) problems.push({ path: 'input.officerIds', message: officersIssue });

    if (!context.sweepCategoryIds.includes(category.id)) {
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

  /** `allowed`: those of the findings' exposed products that belong to the sweep. */
  private findingProblems(
    snapshot: ReferenceSnapshot,
    allowed: ReadonlySet<string>,
    findings: FindingInput[],
    pathOf: (index: number) => string,
  ): FieldError[] {
    const problems: FieldError[] = [];
    const today = shanghaiDay(new Date());
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
      if (finding.product)
        problems.push(...productLotProblems(finding.product, today, `${pathOf(index)}.product`));
    });
    return problems;
  }
}

/** Whether a finding names a product lot and no exposed product: its lot is matched. */
function needsMatching(findings: FindingInput[]): boolean {
  return findings.some((finding) => finding.product && !finding.exposedProductId);
}

/** The exposed products the findings name, lower-cased as stored. */
function exposedProductIdsOf(findings: FindingInput[]): string[] {
  return findings
    .map((finding) => finding.exposedProductId?.toLowerCase())
    .filter((id): id is string => Boolean(id));
}

/**
 * The findings to write on `inspection`, in the order given, copying its sweep, bureau, premises
 * and category; each found on the inspection's day with the filing decision due on
 * `caseDecisionDue`. A finding naming a product lot and no exposed product is tied to the first
 * of the sweep's `exposedProducts` the lot matches (src/products lotMatches), so it counts and
 * alerts as 发现被曝光产品.
 */
function findingRows(
  inspection: FindingParent,
  findings: FindingInput[],
  snapshot: ReferenceSnapshot,
  officer: CurrentOfficer,
  caseDecisionDue: string,
  exposedProducts: readonly ExposedProduct[],
): NewFinding[] {
  const foundOn = shanghaiDay(inspection.inspectedAt);
  return findings.map((input) => ({
    inspectionId: inspection.id,
    sweepId: inspection.sweepId,
    bureauId: inspection.bureauId,
    premisesId: inspection.premisesId,
    categoryId: inspection.categoryId,
    violationTypeCode: input.violationTypeCode,
    severity:
      input.severity ?? snapshot.violationTypeByCode.get(input.violationTypeCode)!.defaultSeverity,
    description: input.description,
    exposedProductId:
      input.exposedProductId?.toLowerCase() ??
      (input.product ? matchingExposedProduct(input.product, exposedProducts)?.id : null) ??
      null,
    product: input.product ? storedLot(input.product) : null,
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
  }));
}

/** The audit event of a finding just written. */
function findingCreated(finding: Finding, officer: CurrentOfficer): AuditEntry {
  return {
    actorId: officer.id,
    action: 'CREATE',
    entityType: 'Finding',
    entityId: finding.id,
    after: finding,
    requestId: officer.requestId,
  };
}

/** The alerts (发现被曝光产品) of findings just written: those tied to an exposed product. */
function alertsOf(findings: Finding[]): ExposedProductEvent[] {
  return findings
    .filter((finding) => finding.exposedProductId)
    .map((finding) => ({ findingId: finding.id, bureauId: finding.bureauId }));
}
