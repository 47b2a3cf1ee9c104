import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { BadUserInput, Conflict, NotFound } from '../common/errors/domain-errors';
import { withinJurisdiction } from '../common/scope';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { addDays, shanghaiDay, startOfShanghaiDay } from '../common/time/shanghai';
import { groupBy, Loaders } from '../graphql/loaders';
import { Finding } from '../inspections/finding.entity';
import type {
  CloseFindingInput,
  DecidePenaltyInput,
  FileCaseInput,
  OrderRectificationInput,
  RecordReinspectionInput,
  TransferToPoliceInput,
} from './dto/follow-up.inputs';
import { FollowUp } from './follow-up.entity';
import type { FollowUpAction } from './follow-up.entity';
import { nextStatus } from './workflow';

/** 市场监督管理行政处罚程序规定 第六十四条: the penalty decision is due 90 days after filing. */
const PENALTY_DECISION_DAYS = 90;
/** Device clocks drift: a re-inspection up to this far ahead of the server is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Finding columns a follow-up may set (names written here, never taken from input). */
type FindingColumn =
  | 'rectification_ordered'
  | 'rectification_deadline'
  | 'case_number'
  | 'case_filed_on'
  | 'penalty_decision_due'
  | 'decision_number'
  | 'decided_on'
  | 'fine'
  | 'confiscation'
  | 'transferred_on'
  | 'closed_reason';

/** What one follow-up writes: its own row and the finding columns it sets besides the status. */
interface Step {
  at: Date;
  officerIds?: string[];
  dueDate?: string | null;
  documentNumber?: string | null;
  fine?: string | null;
  confiscation?: string | null;
  note?: string | null;
  columns: Partial<Record<FindingColumn, string | boolean | null>>;
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
    private readonly dataSource: DataSource,
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
          `must not be before the rectification order of ${orderedOn}`,
        );
      }
      await this.checkActiveOfficers(manager, officerIds);
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
  followUpsOf(loaders: Loaders, findingId: string): Promise<FollowUp[]> {
    return loaders
      .custom(
        'followUpsByFinding',
        () =>
          new DataLoader<string, FollowUp[]>(async (findingIds) => {
            const rows = await loaders.dataSource.getRepository(FollowUp).find({
              where: { findingId: In([...findingIds]) },
              order: { recordedAt: 'ASC', at: 'ASC', id: 'ASC' },
            });
            return groupBy(findingIds, rows, (row) => row.findingId);
          }),
      )
      .load(findingId);
  }

  private async apply(
    officer: CurrentOfficer,
    operation: string,
    input: FollowUpRequest,
    action: FollowUpAction,
    plan: (finding: Finding, manager: EntityManager) => Promise<Step>,
  ): Promise<FindingResult> {
    const { replayed, result } = await this.idempotency.run(
      officer,
      operation,
      input.idempotencyKey,
      input,
      async (manager) => {
        const before = await this.findingInScope(manager, officer, input.findingId, false);
        if (before.version !== input.expectedVersion) throw changedSinceRead(before.version);
        const to = nextStatus(before.status, action);
        const step = await plan(before, manager);
        await this.updateFinding(manager, before, to, step);
        await manager.insert(FollowUp, {
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
        const after = await manager.findOneByOrFail(Finding, { id: before.id });
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
    const finding = await this.findingInScope(
      this.dataSource.manager,
      officer,
      result.findingId,
      true,
    );
    return { replayed, finding };
  }

  /**
   * Writes the move only if nobody changed the finding since it was read: TypeORM's version
   * column does not check this, the WHERE clause does. A concurrent writer that got there first
   * leaves no row to update, and the whole transaction rolls back as CONFLICT.
   */
  private async updateFinding(
    manager: EntityManager,
    finding: Finding,
    status: string,
    step: Step,
  ): Promise<void> {
    const columns = Object.entries(step.columns);
    const assignments = columns.map(([column], index) => `${column} = $${index + 4}`);
    // For UPDATE, TypeORM's postgres driver answers [rows, affected row count], not the rows.
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE findings SET ${['status = $3', ...assignments].join(', ')}, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2`,
      [finding.id, finding.version, status, ...columns.map(([, value]) => value)],
    );
    if (affected !== 1) {
      const [current] = await manager.query<{ version: number }[]>(
        `SELECT version FROM findings WHERE id = $1`,
        [finding.id],
      );
      throw changedSinceRead(current?.version ?? finding.version);
    }
  }

  /** A finding of the caller's jurisdiction (managers: any); voided ones only when asked. */
  private async findingInScope(
    manager: EntityManager,
    officer: CurrentOfficer,
    id: string,
    includeVoided: boolean,
  ): Promise<Finding> {
    const query = manager
      .getRepository(Finding)
      .createQueryBuilder('f')
      .where('f.id = :id', { id });
    if (!includeVoided) query.andWhere('NOT f.voided');
    const finding = await withinJurisdiction(query, 'f.bureau_id', officer).getOne();
    if (!finding) throw new NotFound('Finding', id);
    return finding;
  }

  /** The Shanghai day of the latest rectification order; the finding's day if none was recorded. */
  private async rectificationOrderDay(manager: EntityManager, finding: Finding): Promise<string> {
    const [order] = await manager.query<{ at: Date }[]>(
      `SELECT at FROM follow_ups WHERE finding_id = $1 AND action = 'RECTIFICATION_ORDERED'
       ORDER BY recorded_at DESC LIMIT 1`,
      [finding.id],
    );
    return order ? shanghaiDay(new Date(order.at)) : finding.foundOn;
  }

  /** Two enforcement officers on site: every one named must exist and be active. */
  private async checkActiveOfficers(manager: EntityManager, officerIds: string[]): Promise<void> {
    const active = await manager.query<{ id: string }[]>(
      `SELECT id FROM officers WHERE id = ANY($1::uuid[]) AND active`,
      [officerIds],
    );
    const known = new Set(active.map((row) => row.id));
    const missing = officerIds.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw BadUserInput.field(
        'input.officerIds',
        `must all be active officers; not: ${missing.join(', ')}`,
      );
    }
  }
}

function changedSinceRead(currentVersion: number): Conflict {
  return new Conflict('The finding changed since you read it; reload it and try again', {
    currentVersion,
  });
}

/** Checks what needs no database; returns the officers' ids in the canonical lowercase form. */
function checkReinspectionInput(officer: CurrentOfficer, input: RecordReinspectionInput): string[] {
  const officerIds = [...new Set(input.officerIds.map((id) => id.toLowerCase()))];
  const fields: { path: string; message: string }[] = [];
  if (input.inspectedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    fields.push({ path: 'input.inspectedAt', message: 'must not be in the future' });
  if (officerIds.length < 2)
    fields.push({ path: 'input.officerIds', message: 'must name at least two distinct officers' });
  else if (!officerIds.includes(officer.id))
    fields.push({
      path: 'input.officerIds',
      message: 'must include you, the officer recording it',
    });
  if (!input.passed && !input.newDeadline)
    fields.push({
      path: 'input.newDeadline',
      message: 'is required when the re-inspection did not pass (to file a case, use fileCase)',
    });
  if (input.passed && input.newDeadline)
    fields.push({
      path: 'input.newDeadline',
      message: 'must be empty when the re-inspection passed',
    });
  if (fields.length > 0) throw new BadUserInput(fields);
  return officerIds;
}

function notInFuture(path: string, day: string): void {
  const today = shanghaiDay(new Date());
  if (day > today) throw BadUserInput.field(path, `must not be after today (${today})`);
}

function notBefore(path: string, day: string, earliest: string): void {
  if (day < earliest) throw BadUserInput.field(path, `must not be before ${earliest}`);
}
