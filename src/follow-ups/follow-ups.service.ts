import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, Conflict, NotFound } from '../common/errors/domain-errors';
import type { FieldError } from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message } from '../common/messages/message';
import { Scope } from '../common/scope';
import { isInFuture } from '../common/time/clock-skew';
import { PENALTY_DECISION_DAYS } from '../common/time/legal-periods';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../common/time/shanghai';
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
import { nextStatus } from './workflow';

/** What one follow-up writes: its own row and the finding columns it sets besides the status. */
interface Step {
  at: Date;
  officerIds?: string[];
  dueDate?: string | null;
  documentNumber?: string | null;
  fine?: string | null;
  confiscation?: string | null;
  note?: string | null;
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

  fileCase(officer: CurrentOfficer, input: FileCaseInput): Promise<FindingResult> {
    notInFuture('input.filedOn', input.filedOn);
    return this.apply(officer, 'fileCase', input, 'CASE_FILED', (finding) => {
      notBefore('input.filedOn', input.filedOn, finding.foundOn);
      const penaltyDecisionDue = addDays(input.filedOn, PENALTY_DECISION_DAYS);
      return Promise.resolve({
        at: startOfShanghaiDay(input.filedOn),
        dueDate: penaltyDecisionDue,
        documentNumber: input.caseNumber,
        columns: {
          case_number: input.caseNumber,
          case_filed_on: input.filedOn,
          penalty_decision_due: penaltyDecisionDue,
        },
      });
    });
  }

  decidePenalty(officer: CurrentOfficer, input: DecidePenaltyInput): Promise<FindingResult> {
    notInFuture('input.decidedOn', input.decidedOn);
    return this.apply(officer, 'decidePenalty', input, 'PENALTY_DECIDED', (finding) => {
      notBefore('input.decidedOn', input.decidedOn, finding.caseFiledOn ?? finding.foundOn);
      const confiscation = input.confiscation ?? null;
      return Promise.resolve({
        at: startOfShanghaiDay(input.decidedOn),
        documentNumber: input.decisionNumber,
        fine: input.fine,
        confiscation,
        columns: {
          decision_number: input.decisionNumber,
          decided_on: input.decidedOn,
          fine: input.fine,
          confiscation,
        },
      });
    });
  }

  transferToPolice(officer: CurrentOfficer, input: TransferToPoliceInput): Promise<FindingResult> {
    notInFuture('input.transferredOn', input.transferredOn);
    return this.apply(officer, 'transferToPolice', input, 'TRANSFERRED_TO_POLICE', (finding) => {
      notBefore('input.transferredOn', input.transferredOn, finding.foundOn);
      return Promise.resolve({
        at: startOfShanghaiDay(input.transferredOn),
        documentNumber: input.documentNumber,
        columns: { transferred_on: input.transferredOn },
      });
    });
  }

  closeFinding(officer: CurrentOfficer, input: CloseFindingInput): Promise<FindingResult> {
    return this.apply(officer, 'closeFinding', input, 'CLOSED', () =>
      Promise.resolve({
        at: new Date(),
        note: input.reason,
        columns: { closed_reason: input.reason },
      }),
    );
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
        const before = await this.findingInScope(manager, scope, input.findingId, false);
        if (before.version !== input.expectedVersion) throw changedSinceRead(before.version);
        const to = nextStatus(before.status, action);
        const step = await plan(before, manager);
        const update = await this.followUps.updateFindingAtVersion(
          manager,
          before.id,
          before.version,
          to,
          step.columns,
        );
        if (!update.updated) throw changedSinceRead(update.currentVersion ?? before.version);
        await this.followUps.insert(manager, {
          findingId: before.id,
          action,
          fromStatus: before.status,
          toStatus: to,
          at: step.at,
          officerId: officer.id,
          officerIds: step.officerIds ?? [],
          dueDate: step.dueDate ?? null,
          documentNumber: step.documentNumber ?? null,
          fine: step.fine ?? null,
          confiscation: step.confiscation ?? null,
          note: step.note ?? null,
        });
        const after = await this.findingInScope(manager, scope, before.id, true);
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

  /** A finding of the caller's jurisdiction (managers: any); voided ones only when asked. */
  private async findingInScope(
    manager: EntityManager,
    scope: Scope,
    id: string,
    includeVoided: boolean,
  ): Promise<Finding> {
    const finding = await this.followUps.findingInScope(manager, scope, id, { includeVoided });
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
