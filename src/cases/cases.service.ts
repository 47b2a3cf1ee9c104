import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentOfficer } from '../auth/current-officer';
import { decidesFor, isHeadOf } from '../auth/heads';
import { BureausRepository } from '../bureaus/bureaus.repository';
import {
  BadUserInput,
  Conflict,
  Forbidden,
  InvalidState,
  NotFound,
  type FieldError,
} from '../common/errors/domain-errors';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { message, type MessageKey, type MessageParams } from '../common/messages/message';
import { Scope } from '../common/scope';
import { shanghaiDay } from '../common/time/shanghai';
import { Database } from '../database/database';
import type { Finding } from '../inspections/finding.entity';
import { OfficersRepository } from '../officers/officers.repository';
import { CaseClocksService } from './case-clocks.service';
import type { CaseFile, PenaltyKind } from './case.entity';
import { CasesRepository } from './cases.repository';
import { extensionRefusal, ruleFor } from './clocks';
import type {
  CloseCaseInput,
  DecideCaseInput,
  DeclineCaseInput,
  ExtendCaseClockInput,
  ExtendFilingDeadlineInput,
  OpenCaseInput,
  RecordCasePublicationInput,
  RecordCaseStepInput,
  RecordTransferOutcomeInput,
  ResumeCaseInput,
  ResumeFilingClockInput,
  SuspendCaseInput,
  SuspendFilingClockInput,
  TransferCaseInput,
} from './dto/case.inputs';

export interface CaseResult {
  replayed: boolean;
  case: CaseFile;
}

export interface CaseFindingResult {
  replayed: boolean;
  finding: Finding;
}

interface CaseRequest {
  idempotencyKey: string;
  caseId: string;
  expectedVersion: number;
}

interface FindingRequest {
  idempotencyKey: string;
  findingId: string;
  expectedVersion: number;
}

/** A refused move of a case or finding: INVALID_STATE with `from` and `action` (contract words). */
export function refused(
  kind: 'case' | 'finding',
  from: string,
  action: string,
  reason: MessageKey,
  params?: MessageParams,
): InvalidState {
  return new InvalidState(
    message(kind === 'case' ? 'cases.invalidMove' : 'cases.findingInvalidMove', {
      from,
      action: message(`caseAction.${action}` as MessageKey),
      reason: message(reason, params),
    }),
    from,
    action,
  );
}

/** A finding's filing decision is still to be made (no 立案/不予立案 and no transfer yet). */
function checkFilingOpen(finding: Finding, action: string): void {
  if (finding.filingDecision || finding.transferredOn)
    throw refused('finding', finding.status, action, 'cases.reason.filingDecided');
}

/** A day it took effect: never after today (Asia/Shanghai), never before `earliest`. */
export function checkDay(path: string, day: string, earliest?: string | null): void {
  const today = shanghaiDay(new Date());
  if (day > today) throw BadUserInput.field(path, message('followUps.notAfterToday', { today }));
  if (earliest && day < earliest)
    throw BadUserInput.field(path, message('cases.datesOutOfOrder', { other: earliest }));
}

/**
 * 案件: the case-file operations of the contract. Each runs once per idempotency key in one
 * transaction: lock the record, check its version (CONFLICT when stale), who records and who
 * approved, the move (INVALID_STATE with `from` and `action`), write, recompute the clocks of the
 * case and its findings, and append the audit events.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly database: Database,
    private readonly cases: CasesRepository,
    private readonly clocks: CaseClocksService,
    private readonly officers: OfficersRepository,
    private readonly bureaus: BureausRepository,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  // ---- finding-level: the filing decision (立案 / 不予立案) and its clock

  async openCase(officer: CurrentOfficer, input: OpenCaseInput): Promise<CaseResult> {
    checkDay('input.filedOn', input.filedOn);
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      'openCase',
      input.idempotencyKey,
      input,
      async (manager) => {
        const ids = input.findings.map((row) => row.findingId.toLowerCase());
        const findings = await this.cases.lockFindingsInScope(manager, scope, ids);
        for (const id of ids)
          if (!findings.some((row) => row.id === id)) throw new NotFound('Finding', id);
        input.findings.forEach((row, index) => {
          const finding = findings[index];
          if (finding.version !== row.expectedVersion)
            throw new Conflict(message('followUps.staleVersion'), {
              findingId: finding.id,
              currentVersion: finding.version,
            });
        });
        if (new Set(findings.map((row) => row.premisesId)).size > 1)
          throw BadUserInput.field('input.findings', message('cases.onePremises'));
        const first = findings[0];
        this.checkRecorder(officer, first.bureauId);
        for (const finding of findings) {
          checkFilingOpen(finding, 'OPEN_CASE');
        }
        const foundOn = findings.map((row) => row.foundOn).sort();
        checkDay('input.filedOn', input.filedOn, foundOn[foundOn.length - 1]);
        if (await this.cases.byNumberUnscoped(manager, input.caseNumber))
          throw new Conflict(message('cases.numberTaken', { caseNumber: input.caseNumber }));
        await this.checkApprover(manager, input.approvedById, first.bureauId);
        const caseId = await this.cases.insert(manager, {
          caseNumber: input.caseNumber,
          bureauId: first.bureauId,
          premisesId: first.premisesId,
          sweepId: first.sweepId,
          status: 'FILED',
          filedOn: input.filedOn,
          approvedById: input.approvedById.toLowerCase(),
          filingStartedOn: foundOn[0],
          createdById: officer.id,
        });
        await this.joinCase(manager, officer, caseId, findings, input.filedOn, input.approvedById);
        const after = await this.cases.byIdUnscoped(manager, caseId);
        await this.audit.record(manager, {
          actorId: officer.id,
          action: 'OPEN_CASE',
          entityType: 'Case',
          entityId: caseId,
          after,
          requestId: officer.requestId,
        });
        return { caseId };
      },
    );
    return { replayed, case: await this.caseAfter(scope, result.caseId) };
  }

  /**
   * Puts findings (already locked, checked and without a filing decision) into a case: their
   * filing decision is FILED on `filedOn`; the case's clocks and findings are recomputed.
   */
  async joinCase(
    manager: EntityManager,
    officer: CurrentOfficer,
    caseId: string,
    findings: Finding[],
    filedOn: string,
    approvedById: string,
  ): Promise<void> {
    for (const finding of findings) {
      await this.cases.setFindingFiling(manager, finding.id, {
        caseId,
        filingDecision: 'FILED',
        filingDecidedOn: filedOn,
        filingApprovedById: approvedById.toLowerCase(),
      });
    }
    const testing = await this.cases.copySampleSuspensionsToCase(
      manager,
      caseId,
      findings.map((finding) => finding.id),
      officer.id,
      filedOn,
    );
    if (testing > 0)
      await this.audit.record(manager, {
        actorId: officer.id,
        action: 'SUSPEND_CASE',
        entityType: 'Case',
        entityId: caseId,
        after: { reason: 'TESTING', fromFindings: findings.map((finding) => finding.id) },
        requestId: officer.requestId,
      });
    await this.clocks.refreshCase(manager, caseId);
    await this.auditFindings(manager, officer, 'OPEN_CASE', findings);
  }

  declineCase(officer: CurrentOfficer, input: DeclineCaseInput): Promise<CaseFindingResult> {
    checkDay('input.decidedOn', input.decidedOn);
    return this.findingMove(
      officer,
      'declineCase',
      input,
      'DECLINE_CASE',
      async (finding, manager) => {
        checkFilingOpen(finding, 'DECLINE_CASE');
        checkDay('input.decidedOn', input.decidedOn, finding.foundOn);
        await this.checkApprover(manager, input.approvedById, finding.bureauId);
        await this.cases.setFindingFiling(manager, finding.id, {
          filingDecision: 'DECLINED',
          declineReason: input.reason,
          declineNote: input.note ?? null,
          filingDecidedOn: input.decidedOn,
          filingApprovedById: input.approvedById.toLowerCase(),
        });
      },
    );
  }

  extendFilingDeadline(
    officer: CurrentOfficer,
    input: ExtendFilingDeadlineInput,
  ): Promise<CaseFindingResult> {
    return this.findingMove(
      officer,
      'extendFilingDeadline',
      input,
      'EXTEND_FILING_DEADLINE',
      async (finding, manager) => {
        checkFilingOpen(finding, 'EXTEND_FILING_DEADLINE');
        const rule = ruleFor('FILING_DECISION', finding.foundOn);
        const refusal = extensionRefusal(
          'FILING_DECISION',
          finding.foundOn,
          finding.filingExtendedBy,
          finding.filingExtendedBy > 0 ? 1 : rule.maxExtension,
          false,
        );
        if (refusal)
          throw refused(
            'finding',
            finding.status,
            'EXTEND_FILING_DEADLINE',
            'cases.reason.beyondRule',
            {
              rule: refusal,
            },
          );
        await this.checkApprover(manager, input.approvedById, finding.bureauId);
        await this.cases.setFindingFiling(manager, finding.id, {
          filingExtendedBy: rule.maxExtension,
          filingExtensionApprovedById: input.approvedById.toLowerCase(),
        });
      },
    );
  }

  suspendFilingClock(
    officer: CurrentOfficer,
    input: SuspendFilingClockInput,
  ): Promise<CaseFindingResult> {
    checkDay('input.from', input.from);
    return this.findingMove(
      officer,
      'suspendFilingClock',
      input,
      'SUSPEND_FILING_CLOCK',
      async (finding, manager) => {
        checkFilingOpen(finding, 'SUSPEND_FILING_CLOCK');
        const suspensions = await this.cases.suspensionsOfFinding(manager, finding.id);
        if (suspensions.some((row) => row.to === null))
          throw refused(
            'finding',
            'SUSPENDED',
            'SUSPEND_FILING_CLOCK',
            'cases.reason.alreadySuspended',
          );
        checkDay('input.from', input.from, finding.foundOn);
        await this.cases.insertSuspension(manager, {
          findingId: finding.id,
          reason: input.reason,
          from: input.from,
          note: input.note ?? null,
          officerId: officer.id,
        });
      },
    );
  }

  resumeFilingClock(
    officer: CurrentOfficer,
    input: ResumeFilingClockInput,
  ): Promise<CaseFindingResult> {
    checkDay('input.resumedOn', input.resumedOn);
    return this.findingMove(
      officer,
      'resumeFilingClock',
      input,
      'RESUME_FILING_CLOCK',
      async (finding, manager) => {
        const open = (await this.cases.suspensionsOfFinding(manager, finding.id)).find(
          (row) => row.to === null,
        );
        if (!open)
          throw refused(
            'finding',
            finding.status,
            'RESUME_FILING_CLOCK',
            'cases.reason.notSuspended',
          );
        checkDay('input.resumedOn', input.resumedOn, open.from);
        await this.cases.endSuspension(manager, open.id, input.resumedOn);
      },
    );
  }

  // ---- case-level moves

  extendCaseClock(officer: CurrentOfficer, input: ExtendCaseClockInput): Promise<CaseResult> {
    return this.caseMove(
      officer,
      'extendCaseClock',
      input,
      'EXTEND_CASE_CLOCK',
      async (c, manager) => {
        if (input.clock === 'FILING_DECISION')
          throw refused('case', c.status, 'EXTEND_CASE_CLOCK', 'cases.reason.filingClockOnFinding');
        if (input.clock !== 'PENALTY_DECISION')
          throw refused('case', c.status, 'EXTEND_CASE_CLOCK', 'cases.reason.beyondRule', {
            rule: ruleFor(input.clock, c.filedOn).basis,
          });
        if (c.status !== 'FILED' || c.decidedOn)
          throw refused('case', c.status, 'EXTEND_CASE_CLOCK', 'cases.reason.caseNotOpen');
        const collective = !!input.collectiveDiscussionOn || !!input.newDueOn;
        if (collective && !(input.collectiveDiscussionOn && input.newDueOn))
          throw BadUserInput.field('input.newDueOn', message('cases.collectiveNeedsDay'));
        const rule = ruleFor('PENALTY_DECISION', c.filedOn);
        const requested = collective ? 0 : rule.maxExtension - c.penaltyExtendedBy;
        const refusal = extensionRefusal(
          'PENALTY_DECISION',
          c.filedOn,
          c.penaltyExtendedBy,
          requested > 0 ? requested : collective ? 0 : 1,
          collective,
        );
        if (refusal)
          throw refused('case', c.status, 'EXTEND_CASE_CLOCK', 'cases.reason.beyondRule', {
            rule: refusal,
          });
        await this.checkApprover(manager, input.approvedById, c.bureauId);
        if (!collective)
          return {
            penaltyExtendedBy: rule.maxExtension,
            penaltyExtensionApprovedById: input.approvedById.toLowerCase(),
          };
        checkDay('input.collectiveDiscussionOn', input.collectiveDiscussionOn!, c.filedOn);
        const current = (await this.clocks.clocksOf(manager, c)).find(
          (clock) => clock.kind === 'PENALTY_DECISION',
        )!;
        if (input.newDueOn! <= current.dueOn)
          throw BadUserInput.field(
            'input.newDueOn',
            message('cases.newDueNotLater', { day: current.dueOn }),
          );
        return {
          collectiveDiscussionOn: input.collectiveDiscussionOn!,
          penaltyDueOverride: input.newDueOn!,
        };
      },
    );
  }

  suspendCase(officer: CurrentOfficer, input: SuspendCaseInput): Promise<CaseResult> {
    checkDay('input.from', input.from);
    return this.caseMove(officer, 'suspendCase', input, 'SUSPEND_CASE', async (c, manager) => {
      if (c.status !== 'FILED' || c.decidedOn)
        throw refused('case', c.status, 'SUSPEND_CASE', 'cases.reason.caseNotOpen');
      const suspensions = await this.cases.suspensionsOfCase(manager, c.id);
      if (suspensions.some((row) => row.to === null))
        throw refused('case', 'SUSPENDED', 'SUSPEND_CASE', 'cases.reason.alreadySuspended');
      checkDay('input.from', input.from, c.filedOn);
      await this.cases.insertSuspension(manager, {
        caseId: c.id,
        reason: input.reason,
        from: input.from,
        note: input.note ?? null,
        officerId: officer.id,
      });
      return {};
    });
  }

  resumeCase(officer: CurrentOfficer, input: ResumeCaseInput): Promise<CaseResult> {
    checkDay('input.resumedOn', input.resumedOn);
    return this.caseMove(officer, 'resumeCase', input, 'RESUME_CASE', async (c, manager) => {
      const open = (await this.cases.suspensionsOfCase(manager, c.id)).find(
        (row) => row.to === null,
      );
      if (!open) throw refused('case', c.status, 'RESUME_CASE', 'cases.reason.notSuspended');
      checkDay('input.resumedOn', input.resumedOn, open.from);
      await this.cases.endSuspension(manager, open.id, input.resumedOn);
      return {};
    });
  }

  decideCase(officer: CurrentOfficer, input: DecideCaseInput): Promise<CaseResult> {
    checkDay('input.decidedOn', input.decidedOn);
    checkDecision(input);
    return this.caseMove(officer, 'decideCase', input, 'DECIDE_CASE', (c, manager) =>
      this.decide(manager, c, input),
    );
  }

  /** The decision's columns, once the case may be decided (FILED, no decision, not suspended). */
  async decide(
    manager: EntityManager,
    c: CaseFile,
    input: Pick<
      DecideCaseInput,
      | 'decisionNumber'
      | 'decidedOn'
      | 'outcome'
      | 'penalties'
      | 'fine'
      | 'illegalGains'
      | 'confiscatedGoodsValue'
      | 'mitigationReason'
    >,
  ): Promise<Partial<CaseFile>> {
    if (c.status !== 'FILED' || c.decidedOn)
      throw refused(
        'case',
        c.status,
        'DECIDE_CASE',
        c.decidedOn ? 'cases.reason.decided' : 'cases.reason.caseNotOpen',
      );
    const suspensions = await this.cases.suspensionsOfCase(manager, c.id);
    if (suspensions.some((row) => row.to === null))
      throw refused('case', 'SUSPENDED', 'DECIDE_CASE', 'cases.reason.suspended');
    checkDay('input.decidedOn', input.decidedOn, c.filedOn);
    const outcome = input.outcome ?? 'PENALTY';
    return {
      decisionNumber: input.decisionNumber,
      decidedOn: input.decidedOn,
      outcome,
      penalties: input.penalties,
      fine: input.fine ?? null,
      illegalGains: input.illegalGains ?? null,
      confiscatedGoodsValue: input.confiscatedGoodsValue ?? null,
      mitigationReason: input.mitigationReason ?? null,
      // 撤销立案 (NOT_ESTABLISHED) leaves the case FILED until it is closed.
      status: outcome === 'NOT_ESTABLISHED' ? 'FILED' : 'DECIDED',
    };
  }

  recordCaseStep(officer: CurrentOfficer, input: RecordCaseStepInput): Promise<CaseResult> {
    checkDay('input.on', input.on);
    if ((input.step === 'PAID') !== (input.amount !== undefined && input.amount !== null))
      throw BadUserInput.field('input.amount', message('cases.amountOnlyForPaid'));
    return this.caseMove(
      officer,
      'recordCaseStep',
      input,
      'RECORD_CASE_STEP',
      async (c, manager) => {
        if (c.status !== 'DECIDED')
          throw refused('case', c.status, 'RECORD_CASE_STEP', 'cases.reason.notDecided');
        checkDay('input.on', input.on, c.decidedOn);
        if (input.step === 'PAID' || input.step === 'ENFORCEMENT_APPLIED') {
          const steps = await this.cases.stepsOf(manager, c.id);
          if (!steps.some((row) => row.step === 'SERVED'))
            throw refused('case', c.status, 'RECORD_CASE_STEP', 'cases.reason.notServed');
        }
        await this.cases.insertStep(manager, {
          caseId: c.id,
          step: input.step,
          on: input.on,
          amount: input.amount ?? null,
          note: input.note ?? null,
          officerId: officer.id,
        });
        return {};
      },
    );
  }

  recordCasePublication(
    officer: CurrentOfficer,
    input: RecordCasePublicationInput,
  ): Promise<CaseResult> {
    checkDay('input.publishedOn', input.publishedOn);
    return this.caseMove(
      officer,
      'recordCasePublication',
      input,
      'RECORD_CASE_PUBLICATION',
      (c) => {
        if (c.outcome !== 'PENALTY' || c.publishedOn)
          throw refused('case', c.status, 'RECORD_CASE_PUBLICATION', 'cases.reason.noPublication');
        checkDay('input.publishedOn', input.publishedOn, c.decidedOn);
        return Promise.resolve({
          publishedOn: input.publishedOn,
          publicationReference: input.reference ?? null,
        });
      },
    );
  }

  transferCase(officer: CurrentOfficer, input: TransferCaseInput): Promise<CaseResult> {
    checkDay('input.transferredOn', input.transferredOn);
    return this.caseMove(officer, 'transferCase', input, 'TRANSFER_CASE', (c) =>
      Promise.resolve(transferColumns(c, input)),
    );
  }

  recordTransferOutcome(
    officer: CurrentOfficer,
    input: RecordTransferOutcomeInput,
  ): Promise<CaseResult> {
    checkDay('input.outcomeOn', input.outcomeOn);
    if (input.outcome === 'PENDING')
      throw BadUserInput.field('input.outcome', message('cases.outcomePending'));
    return this.caseMove(
      officer,
      'recordTransferOutcome',
      input,
      'RECORD_TRANSFER_OUTCOME',
      (c) => {
        if (c.status !== 'TRANSFERRED')
          throw refused('case', c.status, 'RECORD_TRANSFER_OUTCOME', 'cases.reason.notTransferred');
        checkDay('input.outcomeOn', input.outcomeOn, c.transferredOn);
        const accepted = input.outcome === 'ACCEPTED';
        return Promise.resolve({
          transferOutcome: input.outcome,
          transferOutcomeOn: input.outcomeOn,
          status: accepted ? 'CLOSED' : (c.statusBeforeTransfer ?? 'FILED'),
          closedOn: accepted ? input.outcomeOn : null,
          closeNote: accepted ? (input.note ?? null) : c.closeNote,
        });
      },
    );
  }

  closeCase(officer: CurrentOfficer, input: CloseCaseInput): Promise<CaseResult> {
    checkDay('input.closedOn', input.closedOn);
    return this.caseMove(officer, 'closeCase', input, 'CLOSE_CASE', async (c, manager) => {
      const steps = await this.cases.stepsOf(manager, c.id);
      if (
        !closable(
          c,
          steps.map((row) => row.step),
        )
      )
        throw refused('case', c.status, 'CLOSE_CASE', 'cases.reason.closeConditions');
      checkDay('input.closedOn', input.closedOn, c.decidedOn);
      return { status: 'CLOSED', closedOn: input.closedOn, closeNote: input.note ?? null };
    });
  }

  // ---- reads

  /** A case of the scope; NOT_FOUND otherwise. */
  async caseInScope(scope: Scope, id: string): Promise<CaseFile> {
    const found = await this.cases.findInScope(this.database.manager, scope, id);
    if (!found) throw new NotFound('Case', id);
    return found;
  }

  // ---- shared steps

  /** Who records a case move: a SUPERVISOR of the case's own bureau, or a MANAGER. */
  checkRecorder(officer: CurrentOfficer, bureauId: string): void {
    if (!decidesFor(officer, bureauId)) throw new Forbidden(message('cases.recorderNotOfBureau'));
  }

  /**
   * `approvedById` names the head of the case's own bureau: an active SUPERVISOR of it; for the
   * city bureau's own cases, an active MANAGER (a county bureau is an administrative organ of its
   * own, so nobody outside it approves its cases).
   */
  async checkApprover(
    manager: EntityManager,
    approvedById: string,
    bureauId: string,
  ): Promise<void> {
    const approver = await this.officers.findById(manager, approvedById.toLowerCase());
    const bureau = await this.bureaus.findById(manager, bureauId);
    if (!isHeadOf(approver, bureau))
      throw BadUserInput.field('input.approvedById', message('cases.approverNotHead'));
  }

  private async caseMove(
    officer: CurrentOfficer,
    operation: string,
    input: CaseRequest,
    action: string,
    work: (c: CaseFile, manager: EntityManager) => Promise<Partial<CaseFile>>,
  ): Promise<CaseResult> {
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      operation,
      input.idempotencyKey,
      input,
      async (manager) => {
        const before = await this.cases.lockInScope(manager, scope, input.caseId);
        if (!before) throw new NotFound('Case', input.caseId);
        if (before.version !== input.expectedVersion)
          throw new Conflict(message('cases.staleVersion'), { currentVersion: before.version });
        this.checkRecorder(officer, before.bureauId);
        const columns = await work(before, manager);
        await this.applyToCase(manager, officer, before, columns, action);
        return { caseId: before.id };
      },
    );
    return { replayed, case: await this.caseAfter(scope, result.caseId) };
  }

  /** Writes a case move, recomputes its clocks and findings, and records the audit events. */
  async applyToCase(
    manager: EntityManager,
    officer: CurrentOfficer,
    before: CaseFile,
    columns: Partial<CaseFile>,
    action: string,
  ): Promise<void> {
    await this.cases.update(manager, before.id, columns);
    const findings = await this.cases.findingsOf(manager, before.id);
    await this.clocks.refreshCase(manager, before.id);
    const after = await this.cases.byIdUnscoped(manager, before.id);
    await this.audit.record(manager, {
      actorId: officer.id,
      action,
      entityType: 'Case',
      entityId: before.id,
      before,
      after,
      requestId: officer.requestId,
    });
    await this.auditFindings(manager, officer, action, findings);
  }

  private async auditFindings(
    manager: EntityManager,
    officer: CurrentOfficer,
    action: string,
    before: Finding[],
  ): Promise<void> {
    const after = new Map(
      (
        await this.cases.findingsOf(
          manager,
          before[0]?.caseId ?? '00000000-0000-0000-0000-000000000000',
        )
      ).map((row) => [row.id, row]),
    );
    await this.audit.record(
      manager,
      ...before.map((finding) => ({
        actorId: officer.id,
        action,
        entityType: 'Finding' as const,
        entityId: finding.id,
        before: finding,
        after: after.get(finding.id) ?? null,
        requestId: officer.requestId,
      })),
    );
  }

  private async findingMove(
    officer: CurrentOfficer,
    operation: string,
    input: FindingRequest,
    action: string,
    work: (finding: Finding, manager: EntityManager) => Promise<void>,
  ): Promise<CaseFindingResult> {
    const scope = Scope.of(officer);
    const { replayed, result } = await this.idempotency.run(
      officer,
      operation,
      input.idempotencyKey,
      input,
      async (manager) => {
        const [before] = await this.cases.lockFindingsInScope(manager, scope, [
          input.findingId.toLowerCase(),
        ]);
        if (!before) throw new NotFound('Finding', input.findingId);
        if (before.version !== input.expectedVersion)
          throw new Conflict(message('followUps.staleVersion'), { currentVersion: before.version });
        this.checkRecorder(officer, before.bureauId);
        await work(before, manager);
        const [changed] = await this.cases.lockFindingsInScope(manager, Scope.system(), [
          before.id,
        ]);
        await this.clocks.refreshFinding(manager, changed);
        const [after] = await this.cases.lockFindingsInScope(manager, Scope.system(), [before.id]);
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
    const [finding] = await this.cases.lockFindingsInScope(
      this.database.manager,
      scope,
      [result.findingId],
      false,
    );
    if (!finding) throw new NotFound('Finding', result.findingId);
    return { replayed, finding };
  }

  private async caseAfter(scope: Scope, id: string): Promise<CaseFile> {
    const found = await this.cases.findInScope(this.database.manager, scope, id);
    if (!found) throw new NotFound('Case', id);
    return found;
  }
}

/** What DecideCaseInput must say about penalties and money (行政处罚法 第九条). */
function checkDecision(input: DecideCaseInput): void {
  const fields: FieldError[] = [];
  const outcome = input.outcome ?? 'PENALTY';
  const has = (penalty: PenaltyKind) => input.penalties.includes(penalty);
  if (outcome === 'PENALTY' && input.penalties.length === 0)
    fields.push({ path: 'input.penalties', message: message('cases.penaltiesRequired') });
  if (outcome !== 'PENALTY' && input.penalties.length > 0)
    fields.push({ path: 'input.penalties', message: message('cases.penaltiesForbidden') });
  if (has('FINE') !== (input.fine !== undefined && input.fine !== null))
    fields.push({ path: 'input.fine', message: message('cases.fineRequired') });
  if (input.illegalGains && !has('CONFISCATE_ILLEGAL_GAINS'))
    fields.push({
      path: 'input.illegalGains',
      message: message('cases.moneyWithoutPenalty', { penalty: 'CONFISCATE_ILLEGAL_GAINS' }),
    });
  if (input.confiscatedGoodsValue && !has('CONFISCATE_ILLEGAL_PROPERTY'))
    fields.push({
      path: 'input.confiscatedGoodsValue',
      message: message('cases.moneyWithoutPenalty', { penalty: 'CONFISCATE_ILLEGAL_PROPERTY' }),
    });
  if (fields.length > 0) throw new BadUserInput(fields);
}

/** A transfer's columns, once the case may be transferred (FILED or DECIDED, not with anyone). */
export function transferColumns(
  c: CaseFile,
  input: Pick<
    TransferCaseInput,
    'authority' | 'documentNumber' | 'reportedOn' | 'approvedOn' | 'transferredOn'
  >,
): Partial<CaseFile> {
  if (c.status !== 'FILED' && c.status !== 'DECIDED')
    throw refused(
      'case',
      c.status,
      'TRANSFER_CASE',
      c.status === 'TRANSFERRED' ? 'cases.reason.transferPending' : 'cases.reason.caseNotOpen',
    );
  checkDay('input.approvedOn', input.approvedOn, input.reportedOn);
  checkDay('input.transferredOn', input.transferredOn, input.approvedOn);
  return {
    status: 'TRANSFERRED',
    statusBeforeTransfer: c.status,
    transferAuthority: input.authority,
    transferDocumentNumber: input.documentNumber,
    transferReportedOn: input.reportedOn,
    transferApprovedOn: input.approvedOn,
    transferredOn: input.transferredOn,
    transferOutcome: 'PENDING',
    transferOutcomeOn: null,
  };
}

/**
 * 结案: a decided case once served and paid (or enforcement applied for; served alone when no
 * money is due); a filed case decided NOT_ESTABLISHED. A transfer accepted closes by its outcome.
 */
export function closable(c: CaseFile, steps: string[]): boolean {
  if (c.status === 'FILED') return c.outcome === 'NOT_ESTABLISHED';
  if (c.status !== 'DECIDED') return false;
  if (!steps.includes('SERVED')) return false;
  const moneyDue = Number(c.fine ?? 0) > 0 || Number(c.illegalGains ?? 0) > 0;
  return !moneyDue || steps.includes('PAID') || steps.includes('ENFORCEMENT_APPLIED');
}
