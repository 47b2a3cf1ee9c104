import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseClocksService } from '../cases/case-clocks.service';
import type { CaseFile } from '../cases/case.entity';
import { CasesRepository } from '../cases/cases.repository';
import { CasesService, refused, transferColumns } from '../cases/cases.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, Conflict, NotFound } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { isInFuture } from '../common/time/clock-skew';
import { shanghaiDay, startOfShanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import type { Loaders } from '../graphql/loaders';
import type { Finding } from '../inspections/finding.entity';
import { OfficersRepository } from '../officers/officers.repository';
import { twoOfficersProblem } from '../officers/two-officers';
import type {
  CloseFindingInput,
  DecidePenaltyInput,
  FileCaseInput,
  OrderRectificationInput,
  RecordReinspectionInput,
  TransferToPoliceInput,
} from './dto/follow-up.inputs';
import type { FollowUp, FollowUpAction } from './follow-up.entity';
import { FindingColumns, FollowUpsRepository } from './follow-ups.repository';
import { checkMove, nextRectification } from './workflow';

/** What one follow-up writes: its own row and the finding columns it sets besides the status. */
interface Step {
  at: Date;
  officerIds?: string[];
  dueDate?: string | null;
  documentNumber?: string | null;
  fine?: string | null;
  confiscation?: string | null;
  note?: string | null;
  /** The follow-up's due day is the case's penalty decision due day (a filing). */
  dueFromCase?: boolean;
  columns: FindingColumns;
}

interface FollowUpRequest {
  idempotencyKey: string;
  findingId: string;
  expectedVersion: number;
}

export interface FindingResult {
  replayed: boolean;
  finding: Finding;
}

/**
 * 后续处置: the six follow-up actions on a finding. Each runs once per idempotency key, in one
 * transaction: check the move against the workflow, update the finding if its version is still
 * the one the caller read, append the follow-up row and the audit event.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly database: Database,
    private readonly followUps: FollowUpsRepository,
    private readonly officers: OfficersRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly cases: CasesRepository,
    private readonly casesService: CasesService,
    private readonly caseClocks: CaseClocksService,
  ) {}

  orderRectification(
    officer: CurrentOfficer,
    input: OrderRectificationInput,
  ): Promise<FindingResult> {
    if (input.orderedOn) notInFuture('input.orderedOn', input.orderedOn);
    return this.apply(officer, 'orderRectification', input, 'RECTIFICATION_ORDERED', (finding) => {
      if (input.orderedOn) notBefore('input.orderedOn', input.orderedOn, finding.foundOn);
      return Promise.resolve({
        at: input.orderedOn ? startOfShanghaiDay(input.orderedOn) : new Date(),
        dueDate: input.deadline,
        documentNumber: input.documentNumber ?? null,
        note: input.note ?? null,
        columns: { rectification_ordered: true, rectification_deadline: input.deadline },
      });
    });
  }

  recordReinspection(
    officer: CurrentOfficer,
    input: RecordReinspectionInput,
  ): Promise<FindingResult> {
    const officerIds = checkReinspectionInput(officer, input);
    const action = input.passed ? 'REINSPECTION_PASSED' : 'REINSPECTION_FAILED';
    return this.apply(officer, 'recordReinspection', input, action, async (finding, manager) => {
      const orderedOn = await this.rectificationOrderDay(manager, finding);
      if (shanghaiDay(input.inspectedAt) < orderedOn) {
        throw BadUserInput.field(
          'input.inspectedAt',
          message('followUps.beforeRectificationOrder', { day: orderedOn }),
        );
      }
      const officersIssue = twoOfficersProblem(
        officerIds,
        officer.id,
        await this.officers.eligibleForVisit(manager, officerIds, finding.bureauId),
      );
      if (officersIssue) throw BadUserInput.field('input.officerIds', officersIssue);
      return {
        at: input.inspectedAt,
        officerIds,
        dueDate: input.passed ? null : input.newDeadline,
        note: input.note ?? null,
        columns: input.passed ? {} : { rectification_deadline: input.newDeadline ?? null },
      };
    });
  }

  /**
   * 立案 through the finding: a case number already used for the same premises adds the finding
   * to that case (CONFLICT for another premises; INVALID_STATE once that case is decided); a new
   * number opens a case approved by the officer filing it.
   */
  fileCase(officer: CurrentOfficer, input: FileCaseInput): Promise<FindingResult> {
    notInFuture('input.filedOn', input.filedOn);
    return this.apply(officer, 'fileCase', input, 'CASE_FILED', async (finding, manager) => {
      notBefore('input.filedOn', input.filedOn, finding.foundOn);
      this.casesService.checkRecorder(officer, finding.bureauId);
      const existing = await this.cases.byNumberUnscoped(manager, input.caseNumber);
      if (existing) {
        if (existing.premisesId !== finding.premisesId)
          throw new Conflict(message('cases.numberTaken', { caseNumber: input.caseNumber }));
        if (existing.status !== 'FILED' || existing.decidedOn)
          throw refused('finding', finding.status, 'OPEN_CASE', 'cases.reason.decided');
        await this.cases.update(manager, existing.id, {
          filingStartedOn:
            finding.foundOn < existing.filingStartedOn ? finding.foundOn : existing.filingStartedOn,
        });
        await this.auditCase(manager, officer, 'CASE_FILED', existing);
      }
      const caseId =
        existing?.id ??
        (await this.cases.insert(manager, {
          caseNumber: input.caseNumber,
          bureauId: finding.bureauId,
          premisesId: finding.premisesId,
          sweepId: finding.sweepId,
          status: 'FILED',
          filedOn: input.filedOn,
          approvedById: officer.id,
          filingStartedOn: finding.foundOn,
          createdById: officer.id,
        }));
      if (!existing) await this.auditCase(manager, officer, 'OPEN_CASE', null, caseId);
      await this.cases.setFindingFiling(manager, finding.id, {
        caseId,
        filingDecision: 'FILED',
        filingDecidedOn: existing?.filedOn ?? input.filedOn,
        filingApprovedById: existing?.approvedById ?? officer.id,
      });
      return {
        at: startOfShanghaiDay(input.filedOn),
        documentNumber: input.caseNumber,
        dueFromCase: true,
        columns: {},
      };
    });
  }

  /** Decides the finding's case with outcome PENALTY: the fine, the confiscation as illegal gains. */
  decidePenalty(officer: CurrentOfficer, input: DecidePenaltyInput): Promise<FindingResult> {
    notInFuture('input.decidedOn', input.decidedOn);
    return this.apply(
      officer,
      'decidePenalty',
      input,
      'PENALTY_DECIDED',
      async (finding, manager) => {
        notBefore('input.decidedOn', input.decidedOn, finding.caseFiledOn ?? finding.foundOn);
        const c = (await this.cases.lockInScope(manager, Scope.system(), finding.caseId!))!;
        this.casesService.checkRecorder(officer, c.bureauId);
        const confiscation = input.confiscation ?? null;
        const hasConfiscation = confiscation !== null && Number(confiscation) > 0;
        const columns = await this.casesService.decide(manager, c, {
          decisionNumber: input.decisionNumber,
          decidedOn: input.decidedOn,
          outcome: 'PENALTY',
          penalties: hasConfiscation ? ['FINE', 'CONFISCATE_ILLEGAL_GAINS'] : ['FINE'],
          fine: input.fine,
          illegalGains: confiscation,
        });
        await this.cases.update(manager, c.id, columns);
        await this.auditCase(manager, officer, 'DECIDE_CASE', c);
        return {
          at: startOfShanghaiDay(input.decidedOn),
          documentNumber: input.decisionNumber,
          fine: input.fine,
          confiscation,
          columns: {},
        };
      },
    );
  }

  /** 移送公安: the finding's case when it has one, else the finding alone. */
  transferToPolice(officer: CurrentOfficer, input: TransferToPoliceInput): Promise<FindingResult> {
    notInFuture('input.transferredOn', input.transferredOn);
    return this.apply(
      officer,
      'transferToPolice',
      input,
      'TRANSFERRED_TO_POLICE',
      async (finding, manager) => {
        notBefore('input.transferredOn', input.transferredOn, finding.foundOn);
        if (finding.caseId) {
          const c = (await this.cases.lockInScope(manager, Scope.system(), finding.caseId))!;
          this.casesService.checkRecorder(officer, c.bureauId);
          await this.cases.update(
            manager,
            c.id,
            transferColumns(c, {
              authority: 'POLICE',
              documentNumber: input.documentNumber,
              reportedOn: input.transferredOn,
              approvedOn: input.transferredOn,
              transferredOn: input.transferredOn,
            }),
          );
          await this.auditCase(manager, officer, 'TRANSFER_CASE', c);
        } else {
          await this.cases.setFindingFiling(manager, finding.id, {
            transferredOn: input.transferredOn,
          });
        }
        return {
          at: startOfShanghaiDay(input.transferredOn),
          documentNumber: input.documentNumber,
          columns: {},
        };
      },
    );
  }

  /**
   * 结案 through the finding: closes its case, decided or not, with the reason given (the older,
   * finding-level closing; closeCase checks the conditions of 结案).
   */
  closeFinding(officer: CurrentOfficer, input: CloseFindingInput): Promise<FindingResult> {
    return this.apply(officer, 'closeFinding', input, 'CLOSED', async (finding, manager) => {
      const c = (await this.cases.lockInScope(manager, Scope.system(), finding.caseId!))!;
      this.casesService.checkRecorder(officer, c.bureauId);
      await this.cases.update(manager, c.id, {
        status: 'CLOSED',
        closedOn: shanghaiDay(new Date()),
        closeNote: input.reason,
      });
      await this.auditCase(manager, officer, 'CLOSE_CASE', c);
      return { at: new Date(), note: input.reason, columns: { closed_reason: input.reason } };
    });
  }

  /** The follow-ups of a finding in the order they were recorded, batched per request. */
  followUpsOf(loaders: Loaders, scope: Scope, findingId: string): Promise<FollowUp[]> {
    return this.followUps.followUpsLoader(loaders, scope).load(findingId);
  }

  private async apply(
    officer: CurrentOfficer,
    operation: string,
    input: FollowUpRequest,
    action: FollowUpAction,
    plan: (finding: Finding, manager: EntityManager) => Promise<Step>,
  ): Promise<FindingResult> {
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      operation,
      input.idempotencyKey,
      input,
      async (manager) => {
        const before = await this.findingInScope(manager, scope, input.findingId, false, true);
        if (before.version !== input.expectedVersion) throw changedSinceRead(before.version);
        const caseOf = before.caseId ? await this.cases.byIdUnscoped(manager, before.caseId) : null;
        checkMove(
          {
            status: before.status,
            rectification: before.rectificationStatus,
            filingDecided: before.filingDecision !== null || before.transferredOn !== null,
            caseStatus: caseOf?.status ?? null,
            caseDecided: !!caseOf?.decidedOn,
          },
          action,
        );
        const step = await plan(before, manager);
        await this.followUps.setFindingColumns(manager, before.id, {
          ...step.columns,
          rectification_status: nextRectification(before.rectificationStatus, action),
        });
        const changed = await this.findingInScope(manager, Scope.system(), before.id, true);
        // The other findings of its case move with it (their version, status and due day).
        const siblings = changed.caseId
          ? (await this.cases.findingsOf(manager, changed.caseId)).filter(
              (row) => row.id !== before.id,
            )
          : [];
        await this.caseClocks.refreshFinding(manager, changed);
        const after = await this.findingInScope(manager, Scope.system(), before.id, true);
        for (const sibling of siblings) {
          await this.audit.record(manager, {
            actorId: officer.id,
            action,
            entityType: 'Finding',
            entityId: sibling.id,
            before: sibling,
            after: await this.findingInScope(manager, Scope.system(), sibling.id, true),
            requestId: officer.requestId,
          });
        }
        await this.followUps.insert(manager, {
          findingId: before.id,
          action,
          fromStatus: before.status,
          toStatus: after.status,
          at: step.at,
          officerId: officer.id,
          officerIds: step.officerIds ?? [],
          dueDate: step.dueFromCase ? after.penaltyDecisionDue : (step.dueDate ?? null),
          documentNumber: step.documentNumber ?? null,
          fine: step.fine ?? null,
          confiscation: step.confiscation ?? null,
          note: step.note ?? null,
        });
        await this.audit.record(manager, {
          actorId: officer.id,
          action,
          entityType: 'Finding',
          entityId: before.id,
          before,
          after,
          requestId: officer.requestId,
        });
        return { findingId: before.id };
      },
    );
    const finding = await this.findingInScope(this.database.manager, scope, result.findingId, true);
    return { replayed, finding };
  }

  /** The audit event of a case moved through one of its findings. */
  private async auditCase(
    manager: EntityManager,
    officer: CurrentOfficer,
    action: string,
    before: CaseFile | null,
    id = before?.id,
  ): Promise<void> {
    const after = await this.cases.byIdUnscoped(manager, id!);
    await this.audit.record(manager, {
      actorId: officer.id,
      action,
      entityType: 'Case',
      entityId: id!,
      before,
      after,
      requestId: officer.requestId,
    });
  }

  /** A finding of the caller's jurisdiction (managers: any); voided ones only when asked. */
  private async findingInScope(
    manager: EntityManager,
    scope: Scope,
    id: string,
    includeVoided: boolean,
    lock = false,
  ): Promise<Finding> {
    const finding = await this.followUps.findingInScope(manager, scope, id, {
      includeVoided,
      lock,
    });
    if (!finding) throw new NotFound('Finding', id);
    return finding;
  }

  /** The Shanghai day of the latest rectification order; the finding's day if none was recorded. */
  private async rectificationOrderDay(manager: EntityManager, finding: Finding): Promise<string> {
    const orderedAt = await this.followUps.latestRectificationOrder(manager, finding.id);
    return orderedAt ? shanghaiDay(orderedAt) : finding.foundOn;
  }
}

function changedSinceRead(currentVersion: number): Conflict {
  return new Conflict(message('followUps.staleVersion'), { currentVersion });
}

/**
 * Checks what needs no database: the time, the deadline rules, and the part of the two-officer
 * rule that needs no officer records (two distinct, the caller among them). Returns the officers'
 * ids in the canonical lowercase form.
 */
function checkReinspectionInput(officer: CurrentOfficer, input: RecordReinspectionInput): string[] {
  const officerIds = [...new Set(input.officerIds.map((id) => id.toLowerCase()))];
  const fields: FieldError[] = [];
  if (isInFuture(input.inspectedAt))
    fields.push({ path: 'input.inspectedAt', message: message('validation.notInFuture') });
  // Every officer counted as eligible here; whether they are is asked in the transaction.
  const officersIssue = twoOfficersProblem(officerIds, officer.id, new Set(officerIds));
  if (officersIssue) fields.push({ path: 'input.officerIds', message: officersIssue });
  if (!input.passed && !input.newDeadline)
    fields.push({ path: 'input.newDeadline', message: message('followUps.newDeadlineRequired') });
  if (input.passed && input.newDeadline)
    fields.push({ path: 'input.newDeadline', message: message('followUps.newDeadlineForbidden') });
  if (fields.length > 0) throw new BadUserInput(fields);
  return officerIds;
}

function notInFuture(path: string, day: string): void {
  const today = shanghaiDay(new Date());
  if (day > today) throw BadUserInput.field(path, message('followUps.notAfterToday', { today }));
}

function notBefore(path: string, day: string, earliest: string): void {
  if (day < earliest)
    throw BadUserInput.field(path, message('validation.notBefore', { other: earliest }));
}
